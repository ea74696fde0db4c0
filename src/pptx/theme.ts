import { mix, readableOnWhite } from './contrast.ts';

/**
 * The look of the PowerPoint: one accent (the school's, else PSHE Kit's
 * blue), dark text on white, and fonts every office suite has (Arial is
 * replaced by the metric-compatible Liberation Sans in LibreOffice).
 */
export interface Theme {
  /** Title band fill; white text on it passes WCAG AA. */
  accent: string;
  /** A pale tint of the accent for scenario and discussion boxes. */
  tint: string;
  text: string;
  muted: string;
  font: string;
  mono: string;
  warningFill: string;
  warningBorder: string;
}

/** PSHE Kit's own accent, used when no school profile sets one. */
export const DEFAULT_ACCENT = '1F4E79';

/** `#1d4ed8` or `1d4ed8` → a theme; anything else falls back to the default accent. */
export function themeFor(accentColour: string | undefined): Theme {
  const raw = accentColour?.replace(/^#/, '');
  const accent = readableOnWhite(raw && /^[0-9a-fA-F]{6}$/.test(raw) ? raw : DEFAULT_ACCENT);
  return {
    accent,
    tint: mix(accent, 'FFFFFF', 0.9),
    text: '1F2937',
    muted: '4B5563',
    font: 'Arial',
    mono: 'Courier New',
    warningFill: 'FFF7E6',
    warningBorder: 'B45309',
  };
}

/** Slide geometry in inches, for LAYOUT_WIDE (13.333 × 7.5 in, 16:9). */
export const layout = {
  width: 13.333,
  height: 7.5,
  margin: 0.6,
  titleBand: 1.25,
  bodyTop: 1.55,
  bodyBottom: 6.85,
  footerTop: 6.95,
  footerHeight: 0.4,
} as const;
