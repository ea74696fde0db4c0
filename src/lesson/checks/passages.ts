import type { Nodes, Root, RootContent } from 'mdast';
import type { z } from 'zod';
import { isScalar } from 'yaml';
import { positionMapFor } from '../field-positions.ts';
import type { MarkdownField } from '../markdown-field.ts';
import type { lessonSchema } from '../schema.ts';
import { nodeAt, positionAt } from '../yaml-source.ts';
import type { Word } from './phrases.ts';
import type { Position, YamlSource } from '../yaml-source.ts';

type LessonData = z.output<typeof lessonSchema>;
type Path = (string | number)[];

/**
 * Who reads a piece of text: `pupils` when it reaches a pupil lesson's slides
 * or handout, `adults` for everything staff or parents read (teacher notes,
 * DSL notes, the letter home, and every word of a staff or parent session).
 */
export type Reader = 'pupils' | 'adults';

/**
 * One run of text that is laid out as a whole: a paragraph, a heading, a
 * table cell, a quiz option or a plain field. Sentences never cross units.
 */
export interface TextUnit {
  text: string;
  reader: Reader;
  /** Where the character at `offset` of `text` is in the YAML file. */
  locate: (offset: number) => Position;
  /** Its words, once a check has asked for them (`wordsOf`). */
  words?: Word[];
}

/**
 * A block, as issue 14 defines it: a slide's worth of text. In a markdown
 * field, the run between headings and thematic breaks (`---`), with its
 * `:::teacher` notes, which go to that slide's presenter notes; each
 * `:::scenario` and `:::discuss` on its own, as each has its own slide; an
 * authored slide's title, `body` and `notes` together; a quiz question with
 * its options; any other field whole.
 */
export interface Passage {
  /** Path of the field in the lesson (`cycles.0.explanation`), for messages. */
  field: string;
  units: TextUnit[];
  /** The help services a `:signpost[id]` in the block names, teacher notes included. */
  signposts: string[];
  /** Where the block starts (found when asked: most blocks are never reported). */
  at: () => Position;
  /** Markdown, where a `:signpost[id]` can be written (not a plain-text field or a quiz question). */
  markdown: boolean;
  /**
   * Pupil-facing text of a pupil lesson whose reading level is checked (issue 14:
   * explanation and practice, scenarios, slide bodies, baseline and endpoint
   * activities, quiz questions and options, key learning points, the outcome).
   */
  readingChecked: boolean;
}

/** The indent of a line of the YAML file (from the parser's own line starts): spaces and tabs before its text. */
function indentOf(source: YamlSource, line: number): number {
  const starts = source.lineCounter.lineStarts;
  const from = starts[line - 1] ?? 0;
  let at = from;
  while (at < source.text.length && (source.text[at] === ' ' || source.text[at] === '\t')) at++;
  return at - from;
}

/** A text node's value with where it starts, inside a unit. */
interface Span {
  from: number;
  value: string;
  start?: Position;
  /** Offsets of the newlines in `value`, found the first time a place in it is asked for. */
  newlines?: number[];
}

/** The last index in an ascending list whose value is at most `at` (-1 when none), by halving. */
function lastAtMost(list: readonly number[], at: number): number {
  let low = 0;
  let high = list.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (list[middle] <= at) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/**
 * A unit's locator over its spans: the mdast position of the text node that
 * holds the offset, moved on by the characters before it. A node's later lines
 * lost their indent in the tree (CommonMark strips it), so their column is
 * counted from the first character of that line of the file. Each lookup
 * halves its way to the span and the line, so reporting many places in one
 * long paragraph stays linear.
 */
function spanLocator(source: YamlSource, spans: Span[], fallback: () => Position): (offset: number) => Position {
  const starts = spans.map((span) => span.from);
  return (offset) => {
    const span = spans[lastAtMost(starts, offset)];
    if (!span?.start) return fallback();
    const inner = Math.max(0, Math.min(offset - span.from, span.value.length));
    if (!span.newlines) {
      span.newlines = [];
      for (let i = 0; i < span.value.length; i++) if (span.value.charCodeAt(i) === 10) span.newlines.push(i);
    }
    const lines = lastAtMost(span.newlines, inner - 1) + 1;
    if (lines === 0) return { line: span.start.line, column: span.start.column + inner };
    const line = span.start.line + lines;
    return { line, column: indentOf(source, line) + 1 + (inner - span.newlines[lines - 1] - 1) };
  };
}

const start = (node: { position?: { start: { line: number; column: number } } } | undefined): Position | undefined =>
  node?.position ? { line: node.position.start.line, column: node.position.start.column } : undefined;

/** The text of one paragraph, heading or table cell, its signposts, and where each piece came from. */
function inlineUnit(
  source: YamlSource,
  node: Nodes,
  reader: Reader,
  signposts: string[],
  fallback: () => Position,
): TextUnit | undefined {
  const spans: Span[] = [];
  let text = '';
  const walk = (current: Nodes) => {
    switch (current.type) {
      case 'text':
      case 'inlineCode':
        spans.push({ from: text.length, value: current.value, start: start(current) });
        text += current.value;
        return;
      case 'break':
        text += '\n';
        return;
      case 'textDirective': {
        // A help service: its name is printed, not its id; a word keeps sentences as written.
        const id = (current.data as { signpostId?: string } | undefined)?.signpostId;
        if (current.name === 'signpost' && id) signposts.push(id);
        text += 'Service';
        return;
      }
      case 'image':
      case 'imageReference':
      case 'html':
      case 'footnoteReference':
        return;
      default:
        if ('children' in current) for (const child of current.children) walk(child as Nodes);
    }
  };
  walk(node);
  if (!text.trim()) return undefined;
  const own = start(node);
  return { text, reader, locate: spanLocator(source, spans, own ? () => own : fallback) };
}

const isDirective = (node: RootContent, name: string) => node.type === 'containerDirective' && node.name === name;
const ownSlide = (node: RootContent) => isDirective(node, 'scenario') || isDirective(node, 'discuss');

interface FieldOptions {
  field: string;
  /** Who reads the field's text outside `:::teacher` blocks. */
  reader: Reader;
  /** Who reads its scenarios and discussions (their own slides), when not the same. */
  ownSlideReader?: Reader;
  /** Split at headings and thematic breaks (a derived deck); false for an authored slide. */
  split: boolean;
  readingChecked: boolean;
}

/**
 * The passages of one markdown field, in order: runs between headings and
 * breaks, and each scenario and discussion (at any depth) on its own. A
 * scenario inside a `:::teacher` block is read by staff only.
 */
function markdownPassages(source: YamlSource, tree: Root, options: FieldOptions, fallback: () => Position): Passage[] {
  const out: Passage[] = [];
  const open = (at: Position | undefined): Passage => ({
    field: options.field,
    units: [],
    signposts: [],
    at: at ? () => at : fallback,
    markdown: true,
    readingChecked: options.readingChecked,
  });
  let run = open(start(tree.children[0]));
  const close = () => {
    if (run.units.length || run.signposts.length) out.push(run);
  };
  /** `reader` is who reads text outside teacher notes here; inside `:::teacher`, staff only. */
  const add = (node: RootContent, into: Passage, reader: Reader, teacher: boolean) => {
    if (options.split && ownSlide(node)) {
      const own = open(start(node));
      const ownReader = teacher ? 'adults' : (options.ownSlideReader ?? reader);
      for (const child of (node as { children: RootContent[] }).children) add(child, own, ownReader, teacher);
      out.push(own);
      return;
    }
    if (isDirective(node, 'teacher')) {
      for (const child of (node as { children: RootContent[] }).children) add(child, into, reader, true);
      return;
    }
    switch (node.type) {
      case 'paragraph':
      case 'heading':
      case 'tableCell': {
        const unit = inlineUnit(source, node, teacher ? 'adults' : reader, into.signposts, into.at);
        if (unit) into.units.push(unit);
        return;
      }
      case 'code':
      case 'html':
      case 'thematicBreak':
      case 'leafDirective':
      case 'definition':
        return;
      default:
        if ('children' in node) for (const child of node.children as RootContent[]) add(child, into, reader, teacher);
    }
  };
  for (const node of tree.children) {
    if (options.split && (node.type === 'heading' || node.type === 'thematicBreak' || ownSlide(node))) {
      // A new slide, as the derived deck starts one (`deriveSlides`): text after a scenario is a slide of its own too.
      close();
      run = open(start(node));
      if (node.type === 'thematicBreak') continue;
    }
    add(node, run, options.reader, false);
  }
  close();
  return out;
}

/** A plain text value as one unit, placed through the scalar as written (exactly on its first line). */
function plainUnit(source: YamlSource, path: Path, text: string, reader: Reader): TextUnit {
  let locate: ((offset: number) => Position) | undefined;
  const place = () => {
    const node = nodeAt(source.doc, path).node;
    const at = positionAt(source, path);
    if (isScalar(node) && typeof node.value === 'string' && node.range) {
      const written = source.text.slice(node.range[0], node.range[1]);
      const map = positionMapFor(source, node);
      // A trimmed value starts where the scalar's text does; a value on one line maps exactly.
      if (!written.includes('\n')) return (offset: number) => map(1, offset + 1);
    }
    return () => at;
  };
  return { text, reader, locate: (offset) => (locate ??= place())(offset) };
}

/** Where a path is, looked up once and only when asked. */
function lazyAt(source: YamlSource, path: Path): () => Position {
  let at: Position | undefined;
  return () => (at ??= positionAt(source, path));
}

const cache = new WeakMap<object, Passage[]>();

/**
 * Every block of text in a lesson (see {@link Passage}) with who reads each
 * unit, computed once per lesson and shared by the content checks. Sources and
 * curriculum links are left out (they quote other documents), and so is each
 * misconception as pupils word it (its response is in).
 */
export function lessonPassages(lesson: LessonData, source: YamlSource): Passage[] {
  const known = cache.get(lesson);
  if (known) return known;
  const pupilLesson = lesson.audience === 'pupils';
  const facing: Reader = pupilLesson ? 'pupils' : 'adults';
  const out: Passage[] = [];
  const field = (path: Path) => path.join('.');
  const markdownField = (
    value: MarkdownField | undefined,
    path: Path,
    reader: Reader,
    extra: Partial<FieldOptions> = {},
  ) => {
    if (!value) return;
    out.push(
      ...markdownPassages(
        source,
        value.tree,
        { field: field(path), reader, split: true, readingChecked: false, ...extra },
        lazyAt(source, path),
      ),
    );
  };
  const plain = (path: Path, texts: { path: Path; text: string }[], reader: Reader, readingChecked = false) => {
    const units = texts
      .filter((item) => item.text.trim())
      .map((item) => plainUnit(source, item.path, item.text, reader));
    if (units.length)
      out.push({ field: field(path), units, signposts: [], at: lazyAt(source, path), markdown: false, readingChecked });
  };
  const reading = pupilLesson;

  plain(['title'], [{ path: ['title'], text: lesson.title }], facing);
  markdownField(lesson.summary, ['summary'], 'adults');
  plain(['learningOutcome'], [{ path: ['learningOutcome'], text: lesson.learningOutcome }], facing, reading);
  plain(
    ['keyLearningPoints'],
    lesson.keyLearningPoints.map((text, index) => ({ path: ['keyLearningPoints', index], text })),
    facing,
    reading,
  );
  plain(
    ['priorKnowledge'],
    (lesson.priorKnowledge ?? []).map((text, index) => ({ path: ['priorKnowledge', index], text })),
    'adults',
  );
  lesson.keywords.forEach((entry, index) =>
    plain(
      ['keywords', index],
      [
        { path: ['keywords', index, 'keyword'], text: entry.keyword },
        { path: ['keywords', index, 'definition'], text: entry.definition },
      ],
      facing,
    ),
  );
  (lesson.misconceptions ?? []).forEach((entry, index) =>
    plain(
      ['misconceptions', index, 'response'],
      [{ path: ['misconceptions', index, 'response'], text: entry.response }],
      'adults',
    ),
  );
  const safe = lesson.safeLearning;
  plain(
    ['safeLearning', 'groundRules'],
    (safe?.groundRules ?? []).map((text, index) => ({ path: ['safeLearning', 'groundRules', index], text })),
    facing,
  );
  markdownField(safe?.distancing, ['safeLearning', 'distancing'], 'adults');
  markdownField(safe?.timeOut, ['safeLearning', 'timeOut'], 'adults');
  markdownField(lesson.dslNotes, ['dslNotes'], 'adults');
  const quiz = (questions: LessonData['starterQuiz'], path: Path) =>
    (questions ?? []).forEach((question, index) =>
      plain(
        [...path, index],
        [
          { path: [...path, index, 'question'], text: question.question },
          ...question.answers.map((text, n) => ({ path: [...path, index, 'answers', n], text })),
          ...question.distractors.map((text, n) => ({ path: [...path, index, 'distractors', n], text })),
        ],
        facing,
        reading,
      ),
    );
  quiz(lesson.starterQuiz, ['starterQuiz']);
  const activity = (key: 'baseline' | 'endpoint') =>
    markdownField(lesson[key]?.activity, [key, 'activity'], facing, { readingChecked: reading });
  activity('baseline');
  lesson.cycles.forEach((cycle, index) => {
    const at: Path = ['cycles', index];
    plain([...at, 'title'], [{ path: [...at, 'title'], text: cycle.title }], facing);
    // With authored slides the explanation is the presenter's script; its scenarios still get slides.
    markdownField(cycle.explanation, [...at, 'explanation'], cycle.slides?.length ? 'adults' : facing, {
      ownSlideReader: facing,
      readingChecked: reading,
    });
    (cycle.slides ?? []).forEach((slide, slideIndex) => {
      const path: Path = [...at, 'slides', slideIndex];
      const passage: Passage = {
        field: field(path),
        units: [plainUnit(source, [...path, 'title'], slide.title, facing)],
        signposts: [],
        at: lazyAt(source, path),
        markdown: true,
        readingChecked: reading,
      };
      for (const [key, reader] of [
        ['body', facing],
        ['notes', 'adults'],
      ] as const) {
        const value = slide[key];
        if (!value) continue;
        const options = { field: field([...path, key]), reader, split: false, readingChecked: reading };
        for (const part of markdownPassages(source, value.tree, options, passage.at)) {
          passage.units.push(...part.units);
          passage.signposts.push(...part.signposts);
        }
      }
      out.push(passage);
    });
    quiz(cycle.checkForUnderstanding, [...at, 'checkForUnderstanding']);
    markdownField(cycle.practice, [...at, 'practice'], facing, { readingChecked: reading });
    for (const key of ['feedback', 'support', 'stretch'] as const) markdownField(cycle[key], [...at, key], 'adults');
  });
  quiz(lesson.exitQuiz, ['exitQuiz']);
  activity('endpoint');
  markdownField(lesson.parentLetter, ['parentLetter'], 'adults');
  cache.set(lesson, out);
  return out;
}
