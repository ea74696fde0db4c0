/** WCAG 2 relative luminance of a `RRGGBB` colour. */
export function luminance(hex: string): number {
  const channels = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two `RRGGBB` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** Mix a colour with another: `amount` 0 keeps `hex`, 1 gives `other`. */
export function mix(hex: string, other: string, amount: number): string {
  return [0, 2, 4]
    .map((i) => {
      const a = parseInt(hex.slice(i, i + 2), 16);
      const b = parseInt(other.slice(i, i + 2), 16);
      return Math.round(a + (b - a) * amount)
        .toString(16)
        .padStart(2, '0');
    })
    .join('')
    .toUpperCase();
}

/**
 * The accent made dark enough for white text on it (WCAG AA, 4.5:1): a
 * school's light brand colour still gives a readable title band.
 */
export function readableOnWhite(hex: string, ratio = 4.5): string {
  let colour = hex.toUpperCase();
  for (let step = 0; step < 20 && contrastRatio(colour, 'FFFFFF') < ratio; step++) colour = mix(colour, '000000', 0.1);
  return colour;
}
