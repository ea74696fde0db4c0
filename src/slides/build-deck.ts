import type { Lesson, Library } from '../lesson/types.ts';
import { bodyFits, fitSlide, measureBody } from './fit.ts';
import type { FitOptions } from './fit.ts';
import { authoredSlides } from './cycle-slides.ts';
import { lessonSlides } from './lesson-slides.ts';
import type { Slide, SlideDeck } from './types.ts';
import type { PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { list, paragraph, strong } from './mdast-build.ts';

/**
 * The one slide model of a lesson, rendered by the web deck, the slides PDF and
 * the PowerPoint alike. Slides over the text budget are already split into
 * continuation slides, so no renderer has to shrink or cut text.
 */
export function buildSlideDeck(lesson: Lesson, library: Library): SlideDeck {
  return {
    lessonId: lesson.id,
    title: lesson.title,
    slides: foldThinSlides(lessonSlides(lesson, library).map(withServiceLists), { library }).flatMap((slide) =>
      fitSlide(slide, { library }),
    ),
  };
}

/** A content slide this short (in lines) does not stand alone: a task's one-line lead-in, a label for the lines below. */
const THIN = 2;
const boxes = new Set<Slide['kind']>(['scenario', 'discuss']);

/**
 * Fold each thin content slide into a neighbour of the same part of the lesson:
 * onto the start of a scenario or discussion after it (a lead-in, such as the
 * scenario's name in bold), else onto the end of one before it (a label for the
 * lines below) when the two fit as one.
 * A slide the author wrote as a slide keeps its own title: it is never folded.
 */
export function foldThinSlides(slides: readonly Slide[], options: FitOptions = {}): Slide[] {
  const result: Slide[] = [];
  for (let index = 0; index < slides.length; index++) {
    const slide = slides[index];
    const thin =
      slide.kind === 'content' &&
      !authoredSlides.has(slide) &&
      slide.body.length > 0 &&
      measureBody(slide.body, options) <= THIN;
    const next = slides[index + 1];
    const previous = result.at(-1);
    // Only beside a scenario or discussion: a heading the author wrote names a slide of its own.
    const joins = (other: Slide | undefined): other is Slide =>
      !!other && boxes.has(other.kind) && other.section === slide.section && other.body.length > 0;
    if (thin && joins(next)) {
      const together = [...slide.body, ...next.body];
      // A lead-in opens its scenario's slide; when that would split a scenario that fits on its own, the
      // presenter says it (it is on the handout too), so the scenario stays whole.
      const said = !bodyFits(together, options) && bodyFits(next.body, options);
      result.push(
        said
          ? { ...next, notes: [paragraph(strong('Say first: '), ...inline(slide.body)), ...slide.notes, ...next.notes] }
          : { ...next, body: together, notes: [...slide.notes, ...next.notes] },
      );
      index++;
    } else if (thin && joins(previous) && bodyFits([...previous.body, ...slide.body], options)) {
      result[result.length - 1] = {
        ...previous,
        body: [...previous.body, ...slide.body],
        notes: [...previous.notes, ...slide.notes],
      };
    } else result.push(slide);
  }
  return result;
}

const isSignpost = (node: PhrasingContent) => node.type === 'textDirective' && node.name === 'signpost';
const isBlank = (node: PhrasingContent) => node.type === 'text' && !node.value.trim();

/**
 * A paragraph that ends in two or more help services (`… Outside school:
 * :signpost[a] :signpost[b]`) shown as its words, then the services as a
 * list, one service a line: run together they read as one long line.
 */
function serviceList(node: RootContent): RootContent[] {
  if (node.type !== 'paragraph') return [node];
  const first = node.children.findIndex(isSignpost);
  if (first < 0) return [node];
  const tail = node.children.slice(first);
  const services = tail.filter(isSignpost);
  if (services.length < 2 || !tail.every((child) => isSignpost(child) || isBlank(child))) return [node];
  const lead = node.children.slice(0, first);
  const last = lead.at(-1);
  if (last?.type === 'text') lead[lead.length - 1] = { ...last, value: last.value.trimEnd() };
  const words = lead.some((child) => !isBlank(child)) ? [{ ...node, children: lead }] : [];
  return [...words, list(services.map((service) => paragraph(service)))];
}

/** A slide whose body has no paragraph of services run together. */
function withServiceLists(slide: Slide): Slide {
  return slide.body.some((node) => serviceList(node).length !== 1 || serviceList(node)[0] !== node)
    ? { ...slide, body: slide.body.flatMap(serviceList) }
    : slide;
}

/** The words of short blocks as one run of inline content. */
function inline(body: readonly RootContent[]): PhrasingContent[] {
  return body.flatMap((node, index) => {
    const words: PhrasingContent[] =
      node.type === 'paragraph' ? node.children : [{ type: 'text', value: toString(node) }];
    return index ? [{ type: 'text', value: ' ' } as PhrasingContent, ...words] : words;
  });
}
