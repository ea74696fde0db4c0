/**
 * Colour arithmetic shared by every output that uses a school's accent colour
 * (PDFs, the PowerPoint, the website): WCAG 2 contrast, mixing, and darkening
 * a brand colour until text in it, or on it, reads. Colours are `#rrggbb` or
 * `rrggbb`, any case; results are `#rrggbb` in lower case.
 */

const channels = (colour: string): [number, number, number] => {
  const digits = colour.replace(/^#/, '');
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as [number, number, number];
};

const toHex = (rgb: number[]): string =>
  `#${rgb
    .map((c) =>
      Math.round(Math.max(0, Math.min(255, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;

/** Whether `colour` is a six-digit hex colour, with or without `#`. */
export const isHexColour = (colour: unknown): colour is string =>
  typeof colour === 'string' && /^#?[0-9a-fA-F]{6}$/.test(colour);

/** WCAG 2 relative luminance. */
function luminance(colour: string): number {
  const [r, g, b] = channels(colour).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** Mix `colour` with `other`: `amount` 0 keeps `colour`, 1 gives `other`. */
export function mix(colour: string, other: string, amount: number): string {
  const a = channels(colour);
  const b = channels(other);
  return toHex(a.map((c, i) => c + (b[i] - c) * amount));
}

/**
 * `colour`, darkened a tenth at a time until it has `ratio` contrast with
 * every one of `backgrounds` (20 steps at most, which reaches near black).
 */
export function darkenUntil(colour: string, backgrounds: readonly string[], ratio = 4.5): string {
  let result = toHex(channels(colour));
  for (let step = 0; step < 20 && backgrounds.some((b) => contrastRatio(result, b) < ratio); step++) {
    result = mix(result, '#000000', 0.1);
  }
  return result;
}
