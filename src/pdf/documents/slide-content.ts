import type { Slide } from '../../slides/index.ts';
import { struct } from '../layout.ts';
import { estimateHeight } from '../measure.ts';
import { renderBlocks } from '../render-markdown.ts';
import { heading, lineHeight, measureText, paragraph } from '../text.ts';
import type { PdfContext, Theme } from '../types.ts';

/**
 * Sizes tried for a slide, largest first, until its content fits above
 * `bottom`. Only 1: body text stays at 24 pt (tables at their 20 pt floor);
 * the slide model splits what does not fit instead of shrinking it.
 */
const SCALES = [1];

export interface SlideFit {
  /** The slide's theme at a scale (1: the size src/slides budgets text for). */
  theme: (scale: number) => Theme;
  /** The lowest y the slide's content may reach. */
  bottom: number;
  /** Place the content a third of the way down the free space (title slides). */
  lower?: boolean;
}

/** What a deck is, above its title when no school profile names the school. */
const deckKind: Record<PdfContext['run']['lesson']['audience'], string> = {
  pupils: 'PSHE lesson',
  staff: 'Staff training',
  parents: 'Session for parents and carers',
};

/** The small line above the title, and the title itself. */
function header(ctx: PdfContext, slide: Slide, deckTitle: string) {
  const { theme } = ctx;
  const title = slide.kind === 'title';
  const section = slide.kind === 'section';
  return {
    kicker: title ? (ctx.run.library.school?.name ?? deckKind[ctx.run.lesson.audience]) : (slide.section ?? deckTitle),
    kickerSize: title ? theme.size.small : theme.size.furniture * 1.1,
    level: title || section ? 1 : 2,
    titleSize: title || section ? theme.size.h1 : theme.size.h2,
    gapAfter: theme.blockGap * (title ? 1 : 0.5),
  };
}

function estimate(ctx: PdfContext, slide: Slide, deckTitle: string): number {
  const h = header(ctx, slide, deckTitle);
  return (
    lineHeight(ctx, h.kickerSize) +
    ctx.theme.blockGap * 0.4 +
    // heading(): space above (the kicker comes first), the title, space below.
    h.titleSize * 0.7 +
    measureText(ctx, slide.title, h.titleSize, 'bold') +
    h.titleSize * 0.3 +
    h.gapAfter +
    estimateHeight(ctx, slide.body)
  );
}

/**
 * One slide's title and body in `ctx.frame` (a full slide, or a thumbnail on
 * the notes pages), as a `Sect` in the structure, at the largest size at which
 * it fits above `fit.bottom`. The body is what the audience sees, rendered
 * with the context's (participant) handlers.
 */
export function slideContent(ctx: PdfContext, slide: Slide, index: number, deckTitle: string, fit: SlideFit): void {
  const { doc } = ctx;
  const room = fit.bottom - doc.y;
  const section = slide.kind === 'section';
  // Measured only where it is used: to pick a size when there is more than one, and to place a
  // title or section slide's content lower down (measuring is a tenth of a slide's time).
  const placed = fit.lower || section;
  let themed: PdfContext = { ...ctx, theme: fit.theme(SCALES[0]) };
  let height = 0;
  if (SCALES.length > 1 || placed) {
    for (const scale of SCALES) {
      themed = { ...ctx, theme: fit.theme(scale) };
      height = estimate(themed, slide, deckTitle);
      if (height <= room) break;
    }
  }
  // A section slide is its title alone, set large (as a title) in the middle of the slide.
  if (placed) doc.y += Math.max(0, (room - height) * (section ? 0.45 : 0.4));
  const { theme } = themed;
  const sect = struct(themed, 'Sect', { title: slide.title });
  const inner: PdfContext = { ...themed, parent: sect, headingOffset: 2 };
  // Slide bodies hold the lesson's own nodes: their lines point into the lesson file, whatever field they came from.
  ctx.run.field = '';
  const h = header(themed, slide, deckTitle);
  paragraph(inner, h.kicker, {
    size: h.kickerSize,
    colour: theme.colours.accent,
    face: 'bold',
  });
  doc.y += theme.blockGap * 0.4;
  heading(inner, slide.title, h.level, { keepWith: 0, bookmark: slide.kind === 'title' ? index === 0 : true });
  doc.y += h.gapAfter;
  renderBlocks(inner, slide.body);
  sect.end();
}
