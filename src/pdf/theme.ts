import { darkenUntil, mix } from '../colour.ts';
import type { Theme } from './types.ts';

/** A calm teal, dark enough for text on white (contrast 7.1:1). */
export const DEFAULT_ACCENT = '#1d5c63';

/**
 * The school's accent colour, darkened until headings in it read on white
 * (WCAG AA, 4.5:1): a pale brand colour still gives legible headings.
 */
export function readableAccent(colour: string | undefined): string {
  return darkenUntil(colour && /^#[0-9a-fA-F]{6}$/.test(colour) ? colour : DEFAULT_ACCENT, ['#ffffff']);
}

function colours(accent: string): Theme['colours'] {
  return {
    text: '#1a1a1a',
    muted: '#4d4d4d',
    accent,
    accentTint: mix(accent, '#ffffff', 0.9),
    rule: '#b8b8b8',
    staffFill: '#eef0f3',
    staffBar: '#5b6470',
    warningFill: '#fdf5e6',
    warningBar: '#a8590c',
    scenarioFill: mix(accent, '#ffffff', 0.94),
    quoteBar: '#9a9a9a',
    tableHeaderFill: mix(accent, '#ffffff', 0.86),
    link: accent,
  };
}

/** A4 documents: plan, handout, letter. Body 11 pt. */
export function standardTheme(accentColour?: string): Theme {
  return {
    name: 'standard',
    size: { body: 11, small: 9.5, h1: 21, h2: 15.5, h3: 12.5, h4: 11, furniture: 8.5 },
    lineGap: 2.6,
    blockGap: 7,
    indent: 18,
    boxPadding: 9,
    answerLineSpacing: 26,
    minTableSize: 7.5,
    colours: colours(readableAccent(accentColour)),
  };
}

/** Large print: every piece of text at least 16 pt, with generous spacing (design.md: "at least 16 pt"). */
export function largePrintTheme(accentColour?: string): Theme {
  return {
    name: 'large-print',
    size: { body: 16, small: 16, h1: 28, h2: 22, h3: 19, h4: 17, furniture: 16 },
    lineGap: 7,
    blockGap: 13,
    indent: 28,
    boxPadding: 13,
    answerLineSpacing: 40,
    minTableSize: 16,
    colours: colours(readableAccent(accentColour)),
  };
}

/** The one-page DSL briefing; `body` shrinks until the page fits. */
export function compactTheme(accentColour?: string, body = 9.5): Theme {
  return {
    name: 'compact',
    size: {
      body,
      small: Math.max(7, body - 1),
      h1: body + 6,
      h2: body + 2.5,
      h3: body + 1,
      h4: body,
      furniture: Math.max(7, body - 1.5),
    },
    lineGap: body * 0.18,
    blockGap: body * 0.5,
    indent: 14,
    boxPadding: 6,
    answerLineSpacing: 20,
    minTableSize: 7,
    colours: colours(readableAccent(accentColour)),
  };
}

/** A 16:9 slide (960 × 540 pt, the 13.33 × 7.5 in slide that src/slides budgets text for, at 24 pt). */
export function slideTheme(accentColour?: string, scale = 1): Theme {
  const s = (n: number) => Math.round(n * scale * 100) / 100;
  return {
    name: scale === 1 ? 'slide' : 'slide-thumbnail',
    size: { body: s(24), small: s(18), h1: s(40), h2: s(32), h3: s(26), h4: s(24), furniture: s(11) },
    lineGap: s(6),
    blockGap: s(12),
    indent: s(34),
    boxPadding: s(14),
    answerLineSpacing: s(36),
    minTableSize: s(14),
    colours: colours(readableAccent(accentColour)),
  };
}
