import { directiveLabels } from '../markdown/directive-labels.ts';
import type { RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { Lesson, MarkdownField } from '../lesson/types.ts';
import { blocks, paragraph, strong, text } from './mdast-build.ts';
import { checkAnswersSlide, checkSlides } from './quiz-slides.ts';
import { isOwnSlideDirective, separateTeacher } from './separate-blocks.ts';
import { atNode, positionOf } from './source-lines.ts';
import type { At } from './source-lines.ts';
import type { Slide } from './types.ts';

type Cycle = Lesson['cycles'][number];

const withAt = (slide: Slide, at: At | undefined): Slide => (at ? { ...slide, at } : slide);

/** Slides an author wrote as slides (a cycle's `slides`): kept whole, never folded into a neighbour. */
export const authoredSlides = new WeakSet<Slide>();

/** A `:::scenario` or `:::discuss` on its own slide; teacher blocks inside go to the notes. */
export function directiveSlide(node: ContainerDirective, section: string): Slide {
  const { body, notes } = separateTeacher(node.children);
  const scenario = node.name === 'scenario';
  const title = scenario ? directiveLabels.scenario(node) : directiveLabels.discuss();
  // The slide holds the directive itself, so renderers box a scenario and style a discussion.
  const boxed = { ...node, children: body } as ContainerDirective;
  return withAt(
    {
      kind: scenario ? 'scenario' : 'discuss',
      title,
      body: [boxed],
      notes: notes.length
        ? notes
        : [
            paragraph(
              scenario
                ? 'The character is invented: talk about them, not about anyone here.'
                : 'Give pairs a minute to talk before taking answers.',
            ),
          ],
      section,
    },
    atNode(node),
  );
}

/**
 * Slides derived from a markdown field when a cycle has no `slides`: a new slide
 * at each heading and thematic break, a slide of its own for each scenario and
 * discussion, and teacher blocks as notes of the slide they sit in (or the next
 * one, when they come first).
 */
export function deriveSlides(field: MarkdownField | undefined, firstTitle: string, section: string): Slide[] {
  const slides: Slide[] = [];
  let title = firstTitle;
  let body: RootContent[] = [];
  let notes: RootContent[] = [];
  let at: At | undefined;
  const flush = () => {
    if (body.length) slides.push(withAt({ kind: 'content', title, body, notes, section }, at));
    else if (notes.length && slides.length) slides[slides.length - 1].notes.push(...notes);
    else if (notes.length) return; // keep the notes for the next slide
    body = [];
    notes = [];
    at = undefined;
  };
  for (const node of field?.tree.children ?? []) {
    if (node.type === 'heading') {
      flush();
      title = toString(node).trim() || title;
      at = atNode(node);
      continue;
    }
    if (node.type === 'thematicBreak') {
      flush();
      continue;
    }
    if (isOwnSlideDirective(node)) {
      flush();
      const own = directiveSlide(node, section);
      own.notes.unshift(...notes);
      notes = [];
      slides.push(own);
      continue;
    }
    const separated = separateTeacher([node]);
    notes.push(...separated.notes);
    if (separated.body.length) {
      at ??= atNode(node);
      body.push(...separated.body);
    }
  }
  flush();
  if (notes.length) slides.push({ kind: 'content', title, body: [], notes, section });
  return slides;
}

/** A cycle's own `slides`, teacher blocks in a body moved to the notes, each placed at its YAML item. */
function explicitSlides(lesson: Lesson, cycle: Cycle, cycleIndex: number): Slide[] {
  return (cycle.slides ?? []).map((slide, slideIndex) => {
    const { body, notes } = separateTeacher(blocks(slide.body?.tree.children));
    const at = positionOf(lesson, `cycles.${cycleIndex}.slides.${slideIndex}`) ?? atNode(slide.body?.tree.children[0]);
    const made = withAt(
      {
        kind: 'content',
        title: slide.title,
        body,
        notes: [...blocks(slide.notes?.tree.children), ...notes],
        section: cycle.title,
      },
      at,
    );
    authoredSlides.add(made);
    return made;
  });
}

const timing = (cycle: Cycle, index: number) =>
  paragraph(strong(`Part ${index + 1}, ${cycle.durationInMinutes} minutes: `), text(cycle.title));

/** What the presenter needs after the practice: feedback, support and stretch, labelled. */
function adaptationNotes(cycle: Cycle): RootContent[] {
  const notes: RootContent[] = [];
  for (const [label, field] of [
    ['Feedback', cycle.feedback],
    ['Support', cycle.support],
    ['Stretch', cycle.stretch],
  ] as const) {
    if (!field) continue;
    // All of it is for the presenter: teacher blocks are unwrapped in place of being dropped.
    const { body, notes: teacher } = separateTeacher(field.tree.children);
    notes.push(paragraph(strong(`${label}:`)), ...body, ...teacher);
  }
  return notes;
}

/**
 * One learning cycle: its slides (explicit, or derived from the explanation),
 * a slide for each scenario and discussion, each check for understanding as a
 * question and an answer slide, then the practice. Timing opens the notes.
 */
export function cycleSlides(lesson: Lesson, cycle: Cycle, index: number): Slide[] {
  const section = cycle.title;
  const slides: Slide[] = [];
  if (cycle.slides?.length) {
    slides.push(...explicitSlides(lesson, cycle, index));
    // The explanation is the presenter's script: in the notes, its scenarios and discussions on slides.
    const script = cycle.explanation.tree.children.filter((node) => !isOwnSlideDirective(node));
    const { body, notes } = separateTeacher(script);
    slides[0].notes.push(...body, ...notes);
    for (const node of cycle.explanation.tree.children)
      if (isOwnSlideDirective(node)) slides.push(directiveSlide(node, section));
  } else {
    slides.push(...deriveSlides(cycle.explanation, cycle.title, section));
  }
  if (!slides.length || slides[0].kind !== 'content' || !slides[0].body.length) {
    // No opening slide of content: the cycle opens with a designed section slide (its title, large).
    const opening = slides[0]?.kind === 'content' && !slides[0].body.length ? slides.shift() : undefined;
    slides.unshift(
      withAt(
        { kind: 'section', title: cycle.title, body: [], notes: opening?.notes ?? [], section },
        atNode(cycle.explanation.tree),
      ),
    );
  }
  slides[0].notes.unshift(timing(cycle, index));
  const checks = cycle.checkForUnderstanding ?? [];
  checks.forEach((question, questionIndex) =>
    slides.push(...checkSlides(lesson, question, section, `cycles.${index}.checkForUnderstanding.${questionIndex}`)),
  );
  if (checks.length) slides.push(checkAnswersSlide(lesson, checks, section));
  if (cycle.practice) {
    for (const slide of deriveSlides(cycle.practice, 'Practice', section)) {
      if (!slide.notes.length)
        slide.notes.push(paragraph('Give time to work alone or in pairs: the task is also on the handout.'));
      slides.push(slide);
    }
  }
  const adaptations = adaptationNotes(cycle);
  if (adaptations.length) slides[slides.length - 1].notes.push(...adaptations);
  return slides;
}
