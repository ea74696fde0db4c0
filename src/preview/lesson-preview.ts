import type { ListItem, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import { contentGuidanceWords } from '../documents/content-guidance.ts';
import { handoutOutline } from '../documents/handout.ts';
import { lessonPlanOutline } from '../documents/lesson-plan.ts';
import type { Block, Outline } from '../documents/outline.ts';
import { mdastToHtml } from '../html/index.ts';
import {
  contactLine,
  contactStyles,
  inSchoolWords,
  lessonHelp,
  notInTrouble,
  outsideSchool,
  serviceDescription,
} from '../lesson/help.ts';
import type { Lesson, Library } from '../lesson/types.ts';
import { buildSlideDeck, webSlides } from '../slides/index.ts';
import { quizOptions } from '../slides/quiz-slides.ts';

/**
 * The editor's live preview of a lesson: the lesson plan (the teacher's
 * view), the handout as pupils get it, and the slides. The plan and the
 * handout walk the same outlines the PDF and Word renderers walk
 * (src/documents), the slides are the deck's own model (`buildSlideDeck`,
 * `webSlides`, as the web deck shows them); each is made into mdast and
 * through the site's one HTML renderer (src/html), sanitized as the site is.
 */
export interface LessonPreview {
  teacher: string;
  handout: string;
  slides: string;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const paragraph = (...children: PhrasingContent[]): RootContent => ({ type: 'paragraph', children });
const heading = (depth: 1 | 2 | 3 | 4, value: string): RootContent => ({
  type: 'heading',
  depth,
  children: [text(value)],
});
const item = (...children: RootContent[]): ListItem => ({ type: 'listItem', spread: false, children }) as ListItem;
const list = (items: ListItem[], ordered = false): RootContent => ({
  type: 'list',
  ordered,
  spread: false,
  children: items,
});

function table(header: readonly string[], rows: readonly (readonly string[])[]): Table {
  const row = (cells: readonly string[]): TableRow => ({
    type: 'tableRow',
    children: cells.map((cell) => ({ type: 'tableCell', children: [text(cell)] })),
  });
  return { type: 'table', children: [row(header), ...rows.map(row)] };
}

/** One block of an outline as mdast (what the PDF draws and Word writes, as the site would show it). */
function blockNodes(block: Block, lesson: Lesson, library: Library): RootContent[] {
  switch (block.type) {
    case 'title':
      return [paragraph(text(block.kicker)), heading(1, block.title), paragraph(text(block.facts.join(' · ')))];
    case 'name-line':
      return [paragraph(strong('Name: '), text('________________________'))];
    case 'labelled':
      return [paragraph(strong(`${block.label} `), text(block.text))];
    case 'section':
      return [heading(2, block.title)];
    case 'subsection':
      return [heading(3, block.title)];
    case 'paragraph':
    case 'note':
      return [paragraph(text(block.text))];
    case 'gap':
      return [];
    case 'field':
      return block.field.tree.children as RootContent[];
    case 'keywords':
      return [
        table(
          block.header,
          (lesson.keywords ?? []).map((entry) => [entry.keyword, entry.definition]),
        ),
      ];
    case 'quiz':
      return [
        list(
          block.questions.map((question) =>
            item(
              paragraph(strong(question.question)),
              list(
                quizOptions(lesson.id, question).map((choice) =>
                  item(
                    paragraph(
                      text(block.answers ? `${choice.letter}. ` : `☐ ${choice.letter}. `),
                      block.answers && choice.correct ? strong(choice.text) : text(choice.text),
                      ...(block.answers && choice.correct ? [text(' (answer)')] : []),
                    ),
                  ),
                ),
              ),
            ),
          ),
          true,
        ),
      ];
    case 'bullets':
      return [list(block.items.map((entry) => item(paragraph(text(entry)))))];
    case 'table':
      return [table(block.header, block.rows)];
    case 'content-guidance': {
      const words = contentGuidanceWords(lesson);
      return [
        heading(2, 'Content guidance'),
        words.items.length
          ? list(words.items.map((entry) => item(paragraph(text(entry)))))
          : paragraph(text(words.none)),
        paragraph(strong('Supervision: '), text(words.supervision)),
        ...(words.selfHarm ? [paragraph(text(words.selfHarm))] : []),
      ];
    }
    case 'staff-box':
      return [paragraph(strong(block.label)), ...(block.field.tree.children as RootContent[])];
    case 'help': {
      const model = lessonHelp(lesson, library);
      const services = outsideSchool(model, library, block.audience);
      return [
        heading(2, block.label ?? 'Where to get help'),
        paragraph(strong('In school: '), text(inSchoolWords(model.dsl, block.audience))),
        paragraph(strong('Outside school:')),
        list(
          services.map((service) =>
            item(
              paragraph(
                strong(service.name),
                text(`: ${serviceDescription(service, block.audience)} ${contactLine(service, contactStyles.site)}`),
              ),
            ),
          ),
        ),
        ...(block.audience === 'pupils' ? [paragraph(strong(notInTrouble))] : []),
      ];
    }
    case 'sources':
      return [
        list(
          block.sources.map((source) =>
            item(
              paragraph(strong(source.title), text(source.publisher ? `, ${source.publisher}. ` : '. '), {
                type: 'link',
                url: source.url,
                children: [text(source.url)],
              }),
            ),
          ),
        ),
      ];
  }
}

function outlineHtml(outline: Outline, lesson: Lesson, library: Library, idPrefix: string): string {
  const tree: Root = { type: 'root', children: outline.blocks.flatMap((block) => blockNodes(block, lesson, library)) };
  return mdastToHtml(tree, {
    view: outline.reader === 'staff' ? 'teacher' : 'pupil',
    library,
    file: lesson.file,
    // Under the page's "Preview" (h2): the document's title is an h3.
    headingOffset: 2,
    idPrefix,
  });
}

export function lessonPreview(lesson: Lesson, library: Library): LessonPreview {
  const slides = webSlides(buildSlideDeck(lesson, library).slides)
    .map((slide, index) => {
      const body = mdastToHtml([heading(2, slide.title), ...slide.body], {
        view: 'pupil',
        library,
        file: lesson.file,
        headingOffset: 1,
        idPrefix: `slide-${index + 1}-`,
      });
      return `<section class="preview-slide" aria-label="Slide ${index + 1}">${body}</section>`;
    })
    .join('');
  return {
    teacher: outlineHtml(lessonPlanOutline(lesson, library), lesson, library, 'plan-'),
    handout: outlineHtml(handoutOutline(lesson, library), lesson, library, 'handout-'),
    slides,
  };
}
