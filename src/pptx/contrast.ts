import { darkenUntil, mix as mixOf } from '../colour.ts';

export { contrastRatio } from '../colour.ts';

/**
 * The PowerPoint's colours are `RRGGBB` (pptxgenjs's form): these wrap the
 * shared colour arithmetic (`src/colour.ts`) in that form.
 */
const pptxColour = (colour: string) => colour.replace(/^#/, '').toUpperCase();

/** Mix a colour with another: `amount` 0 keeps `hex`, 1 gives `other`. */
export const mix = (hex: string, other: string, amount: number): string => pptxColour(mixOf(hex, other, amount));

/**
 * The accent made dark enough for white text on it (WCAG AA, 4.5:1): a
 * school's light brand colour still gives a readable title band.
 */
export const readableOnWhite = (hex: string, ratio = 4.5): string => pptxColour(darkenUntil(hex, ['FFFFFF'], ratio));
