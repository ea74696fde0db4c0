import { contentGuidanceWords } from '../documents/content-guidance.ts';
import type { Block } from '../documents/outline.ts';
import { readerAudience } from '../documents/visible.ts';
import {
  contactStyles,
  inSchoolWords,
  lessonHelp,
  notInTrouble,
  outsideSchool,
  printedAddress,
  printedContactLine,
  serviceDescription,
} from '../lesson/help.ts';
import { quizOptions } from '../slides/index.ts';
import { box, fieldBlocks, headingParagraph, lessonTable, withSpacers, writingLines } from './blocks.ts';
import { paragraph } from './components.ts';
import { linkRun, textRun } from './inline.ts';
import type { DocxBlock, DocxContext, InlineChildren } from './types.ts';

const text = (children: InlineChildren, style?: string) => paragraph({ ...(style ? { style } : {}), children });

const bullet = (children: InlineChildren, level = 0) =>
  paragraph({ style: 'ListBullet', numbering: { reference: 'bullets', level, custom: true }, children });

/** A multiple-choice quiz: numbered questions, lettered options in the slides' order, answers marked or tick boxes. */
function quiz(ctx: DocxContext, block: Extract<Block, { type: 'quiz' }>): DocxBlock[] {
  const instance = ctx.nextList.value++;
  return block.questions.flatMap((question) => [
    paragraph({
      style: 'ListNumber',
      keepNext: true,
      numbering: { reference: 'numbers', level: 0, instance, custom: true },
      children: [textRun(question.question, { bold: true })],
    }),
    ...quizOptions(ctx.lesson.id, question).map((choice, index, all) =>
      paragraph({
        style: 'QuizOption',
        keepNext: index < all.length - 1,
        children:
          block.answers && choice.correct
            ? [
                textRun(`${choice.letter}. `),
                textRun(choice.text, { bold: true }),
                textRun('  (answer)', { italics: true, colour: ctx.colours.accent }),
              ]
            : [textRun(block.answers ? `${choice.letter}. ` : `☐ ${choice.letter}. `), textRun(choice.text)],
      }),
    ),
  ]);
}

/** "Where to get help": in school, then the services outside school, in the help box (words from the help model). */
function help(ctx: DocxContext, block: Extract<Block, { type: 'help' }>): DocxBlock[] {
  const model = lessonHelp(ctx.lesson, ctx.library);
  const fallback = readerAudience(ctx.reader, ctx.lesson);
  const services = outsideSchool(model, ctx.library, block.audience).flatMap((service) => {
    const { phrases, hours } = printedContactLine(service);
    const muted = { colour: ctx.colours.muted };
    const contact: InlineChildren = phrases.flatMap(({ words, href }, index) => {
      const part = href ? linkRun(href, words) : textRun(words, muted);
      return index ? [textRun(contactStyles.print.separator, muted), part] : [part];
    });
    return [
      bullet([textRun(service.name, { bold: true }), textRun(`: ${serviceDescription(service, fallback)}`)]),
      ...(phrases.length
        ? [
            paragraph({
              style: 'ListContinue',
              children: [...contact, ...(hours ? [textRun(hours, muted)] : [])],
            }),
          ]
        : []),
    ];
  });
  const body: DocxBlock[] = [
    text([textRun('In school: ', { bold: true }), textRun(inSchoolWords(model.dsl, block.audience))]),
    text([textRun('Outside school:', { bold: true })]),
    ...services,
    ...(block.audience === 'pupils' ? [text([textRun(notInTrouble, { bold: true })])] : []),
  ];
  return [box(ctx, 'help', block.label ? [textRun(block.label, { bold: true })] : undefined, body)];
}

function contentGuidance(ctx: DocxContext): DocxBlock[] {
  const words = contentGuidanceWords(ctx.lesson);
  const body: DocxBlock[] = [
    ...(words.items.length ? words.items.map((item) => bullet([textRun(item)])) : [text([textRun(words.none)])]),
    text([textRun('Supervision: ', { bold: true }), textRun(words.supervision)]),
    ...(words.selfHarm ? [text([textRun(words.selfHarm)])] : []),
  ];
  return [box(ctx, 'guidance', [textRun('Content guidance', { bold: true })], body)];
}

/** One block of a document's outline (src/documents) as Word paragraphs and tables; the PDF draws the same list. */
function blockOf(ctx: DocxContext, block: Block): DocxBlock[] {
  switch (block.type) {
    case 'title':
      return [
        text([textRun(block.kicker)], 'Kicker'),
        text([textRun(block.title)], 'Title'),
        ...(block.facts.length ? [text([textRun(block.facts.join('  ·  '))], 'Subtitle')] : []),
      ];
    case 'name-line':
      return [paragraph({ keepNext: true, children: [textRun('Name', { bold: true })] }), ...writingLines(1)];
    case 'labelled':
      return [text([textRun(`${block.label} `, { bold: true }), textRun(block.text)])];
    case 'section':
      ctx.outlineLevel.value = 1;
      return [headingParagraph(block.title, 1)];
    case 'subsection':
      ctx.outlineLevel.value = 2;
      return [headingParagraph(block.title, 2)];
    case 'paragraph':
      return [text([textRun(block.text)])];
    case 'note':
      return [text([textRun(block.text)], 'Note')];
    case 'gap':
      return [];
    case 'field':
      return fieldBlocks(ctx, block.field.tree.children);
    case 'keywords':
      return [
        lessonTable(
          block.header,
          ctx.lesson.keywords.map((k) => [k.keyword, k.definition]),
          [1, 2.6],
        ),
      ];
    case 'quiz':
      return quiz(ctx, block);
    case 'bullets':
      return block.items.map((item) => bullet([textRun(item)]));
    case 'table':
      return [lessonTable(block.header, block.rows, block.weights)];
    case 'content-guidance':
      return contentGuidance(ctx);
    case 'staff-box':
      return [box(ctx, 'staff', [textRun(block.label, { bold: true })], fieldBlocks(ctx, block.field.tree.children))];
    case 'help':
      return help(ctx, block);
    case 'sources':
      return block.sources.map((source) =>
        bullet([
          textRun(source.title, { bold: true }),
          textRun(source.publisher ? `, ${source.publisher}. ` : '. '),
          linkRun(source.url, printedAddress(source.url)),
        ]),
      );
  }
}

/** A document's outline as the body of a Word document. */
export function bodyOf(ctx: DocxContext, blocks: readonly Block[]): DocxBlock[] {
  return withSpacers(blocks.flatMap((block) => blockOf(ctx, block)));
}
