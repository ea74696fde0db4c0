import type { Lesson, MarkdownField } from '../lesson/types.ts';
import { contentGuidanceWords } from '../documents/content-guidance.ts';
import { quizOptions } from '../slides/index.ts';
import { box } from './callouts.ts';
import { gap } from './layout.ts';
import { keepWithField } from './render-markdown.ts';
import { list } from './lists.ts';
import { addressRun } from './signposts.ts';
import { table } from './tables.ts';
import { heading, lineHeight, measureText, paragraph, plain } from './text.ts';
import type { PdfContext, Run } from './types.ts';

type Quiz = NonNullable<Lesson['exitQuiz']>;

/** The document's title block: a small line saying what the document is, the H1, then a muted line of facts. */
export function titleBlock(ctx: PdfContext, kicker: string, title: string, facts: string[] = []): void {
  const { theme, doc } = ctx;
  paragraph(ctx, kicker, { size: theme.size.small, colour: theme.colours.accent, face: 'bold' });
  doc.y += theme.size.small * 0.2;
  heading(ctx, title, 1, { bookmark: false });
  if (facts.length) paragraph(ctx, facts.join('  ·  '), { colour: theme.colours.muted });
  gap(ctx, theme.blockGap * 1.5);
}

/** Room a heading keeps below it: the first lines of a paragraph, list, table or box. */
const keepDefault = (ctx: PdfContext) => lineHeight(ctx) * 3.2 + ctx.theme.boxPadding * 2;

/**
 * A section heading (H2) that is also a bookmark, kept with what follows it:
 * `keepWith` is a height, or the markdown field the section shows (then its
 * first block, and a question's first answer lines, are measured).
 */
export function section(
  ctx: PdfContext,
  title: string,
  keepWith: number | { field: MarkdownField | undefined; name: string } = keepDefault(ctx),
): void {
  const keep =
    typeof keepWith === 'number'
      ? keepWith
      : Math.max(keepDefault(ctx), keepWithField(ctx, keepWith.field, keepWith.name) ?? 0);
  gap(ctx, ctx.theme.blockGap);
  heading(ctx, title, 2, { bookmark: true, keepWith: keep });
}

/** A sub-heading (H3), kept with the first lines after it. */
export function subsection(ctx: PdfContext, title: string, keepWith = keepDefault(ctx)): void {
  gap(ctx, ctx.theme.blockGap * 0.5);
  heading(ctx, title, 3, { keepWith });
}

/** A bold label and its text in one paragraph. */
export function labelled(ctx: PdfContext, label: string, text: string | Run[]): void {
  paragraph(ctx, [plain(`${label} `, 'bold'), ...(typeof text === 'string' ? [plain(text)] : text)]);
  ctx.doc.y += ctx.theme.blockGap * 0.5;
}

/** A bulleted list of plain strings. */
export function bullets(ctx: PdfContext, items: readonly string[]): void {
  list(
    ctx,
    items.map((item) => (inner: PdfContext) => paragraph(inner, item)),
    { tight: true },
  );
}

/** Content guidance and supervision level: first on the plan and the DSL briefing (design.md, "Safe practice"). */
export function contentGuidanceBox(ctx: PdfContext, lesson: Lesson, options: { compact?: boolean } = {}): void {
  const words = contentGuidanceWords(lesson);
  box(ctx, 'guidance', {
    label: 'Content guidance',
    render: (inner) => {
      if (words.items.length && options.compact) paragraph(inner, `${words.items.join('; ')}.`);
      else if (words.items.length) bullets(inner, words.items);
      else paragraph(inner, words.none);
      inner.doc.y += inner.theme.blockGap * 0.6;
      labelled(inner, 'Supervision:', words.supervision);
      if (words.selfHarm) {
        inner.doc.y += inner.theme.blockGap * 0.6;
        paragraph(inner, words.selfHarm);
      }
    },
  });
}

/** Key words and their meanings, as a two-column table. */
export function keywordsTable(ctx: PdfContext, lesson: Lesson, header = ['Key word', 'What it means']): void {
  table(ctx, { header, rows: lesson.keywords.map((k) => [k.keyword, k.definition]), weights: [1, 2.6] });
}

/**
 * A multiple-choice quiz: numbered questions, lettered options in the same
 * order as the slides (src/slides quizOptions). With answers (staff), the
 * answer is marked in words; without, each option has a tick box.
 */
export function quiz(ctx: PdfContext, lesson: Lesson, questions: Quiz, options: { answers: boolean }): void {
  list(
    ctx,
    questions.map((question) => (item: PdfContext) => {
      paragraph(item, question.question, { face: 'bold' });
      item.doc.y += item.theme.blockGap * 0.4;
      const choices = quizOptions(lesson.id, question);
      list(
        item,
        choices.map(
          (choice) => (inner: PdfContext) =>
            paragraph(
              inner,
              options.answers && choice.correct
                ? [plain(choice.text, 'bold'), plain('  (answer)', 'italic', inner.theme.colours.accent)]
                : choice.text,
            ),
        ),
        { labels: choices.map((choice) => `${choice.letter}.`), tickBoxes: !options.answers, tight: true },
      );
    }),
    // A question and its options are one unit: it moves whole to the next page unless it is taller than a page.
    { ordered: true, keep: questions.map((question) => quizItemHeight(ctx, lesson, question, ctx.theme.indent * 3)) },
  );
}

/** The height of one question and its lettered options, measured in the list item's frame. */
export function quizItemHeight(ctx: PdfContext, lesson: Lesson, question: Quiz[number], indent: number): number {
  const { theme } = ctx;
  const width = ctx.frame.width - indent;
  let height = measureText(ctx, question.question, theme.size.body, 'bold', width) + theme.blockGap * 0.4;
  for (const choice of quizOptions(lesson.id, question)) {
    height +=
      measureText(ctx, choice.text, theme.size.body, 'regular', width - theme.indent * 2) + theme.blockGap * 0.3;
  }
  return height + lineHeight(ctx) * 0.5;
}

/** Sources as a list: title, publisher, and the address printed and clickable. */
export function sourcesList(ctx: PdfContext, sources: NonNullable<Lesson['sources']>): void {
  list(
    ctx,
    sources.map(
      (source) => (inner: PdfContext) =>
        paragraph(inner, [
          plain(source.title, 'bold'),
          plain(source.publisher ? `, ${source.publisher}. ` : '. '),
          addressRun(source.url, 'regular', inner.theme.colours.link),
        ]),
    ),
    { tight: true },
  );
}
