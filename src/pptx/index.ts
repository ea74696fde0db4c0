export { renderPptx } from './render-pptx.ts';
export type { PptxOptions } from './types.ts';
export { contrastRatio, readableOnWhite } from './contrast.ts';
export { DEFAULT_ACCENT, themeFor } from './theme.ts';
export type { Theme } from './theme.ts';
export { FIXED_DATE, sourceDate } from './source-date.ts';
