import { beginBackdrop, endBackdrop } from './backdrop.ts';
import { ensureSpace, inside, struct } from './layout.ts';
import { lineHeight, writeRuns } from './text.ts';
import type { PdfContext, Run, Theme } from './types.ts';

export type BoxKind = 'staff' | 'scenario' | 'discuss' | 'warning' | 'guidance' | 'help' | 'quote' | 'code' | 'plain';

interface BoxStyle {
  fill?: string;
  bar?: string;
  border?: string;
  label: string;
}

const styles = (theme: Theme): Record<BoxKind, BoxStyle> => {
  const c = theme.colours;
  return {
    staff: { fill: c.staffFill, bar: c.staffBar, label: c.staffBar },
    scenario: { fill: c.scenarioFill, border: c.accent, label: c.accent },
    discuss: { fill: c.accentTint, bar: c.accent, label: c.accent },
    warning: { fill: c.warningFill, bar: c.warningBar, label: c.warningBar },
    guidance: { fill: c.warningFill, bar: c.warningBar, label: c.warningBar },
    help: { fill: c.accentTint, bar: c.accent, label: c.accent },
    quote: { bar: c.quoteBar, label: c.muted },
    code: { fill: '#f3f3f3', label: c.muted },
    plain: { border: c.rule, label: c.text },
  };
};

export interface BoxOptions {
  /** Printed in bold at the top of the box ("For staff", "Scenario: Ava"). */
  label?: string | Run[];
  /** Structure type of the box (default: 'Div'; 'BlockQuote' for quotes). */
  structType?: string;
  /** Lays out the box's content in the inner frame. */
  render: (inner: PdfContext) => void;
}

/**
 * A callout: tinted background, a bar or border, an optional bold label, and
 * any content. The background is drawn behind the content afterwards, on each
 * page the box reaches (backdrop.ts), so boxes of any length break across pages.
 */
export function box(ctx: PdfContext, kind: BoxKind, options: BoxOptions): void {
  const { doc, theme, frame } = ctx;
  const style = styles(theme)[kind];
  const pad = theme.boxPadding;
  const bar = style.bar ? Math.max(3, theme.size.body * 0.32) : 0;
  const labelRuns: Run[] | undefined =
    typeof options.label === 'string' ? [{ text: options.label, face: 'bold' }] : options.label;
  ensureSpace(ctx, pad * 2 + lineHeight(ctx) * (labelRuns ? 3 : 2));
  const mark = beginBackdrop(ctx);
  const element = struct(ctx, options.structType ?? 'Div');
  const inner = inside(ctx, element, { x: frame.x + bar + pad, width: frame.width - bar - pad * 2 });
  doc.y += pad;
  if (labelRuns) {
    writeRuns(
      inner,
      labelRuns.map((run) => ({ ...run, colour: run.colour ?? style.label })),
    );
    doc.y += theme.blockGap * 0.4;
  }
  options.render(inner);
  element.end();
  doc.y = Math.min(doc.y + pad, doc.page.maxY());
  endBackdrop(ctx, mark, (segment) => {
    const height = segment.bottom - segment.top;
    if (style.fill) doc.rect(frame.x, segment.top, frame.width, height).fill(style.fill);
    if (style.bar) doc.rect(frame.x, segment.top, bar, height).fill(style.bar);
    if (style.border) {
      const half = 0.5;
      doc.lineWidth(1).strokeColor(style.border);
      doc.moveTo(frame.x + half, segment.top).lineTo(frame.x + half, segment.bottom);
      doc.moveTo(frame.x + frame.width - half, segment.top).lineTo(frame.x + frame.width - half, segment.bottom);
      if (segment.first) doc.moveTo(frame.x, segment.top + half).lineTo(frame.x + frame.width, segment.top + half);
      if (segment.last) doc.moveTo(frame.x, segment.bottom - half).lineTo(frame.x + frame.width, segment.bottom - half);
      doc.stroke();
    }
  });
  doc.x = frame.x;
}
