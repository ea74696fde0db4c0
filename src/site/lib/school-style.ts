import { darkenUntil, isHexColour, mix } from '../../colour.ts';
import type { School } from '../../lesson/types.ts';

/** The page background and card surface of site.css, which text in the accent colour sits on. */
const PAPER = '#fbfaf7';
const SURFACE = '#ffffff';

/**
 * The stylesheet that gives the site the school's accent colour (served as
 * `/school.css`: the CSP allows no inline styles). The accent is darkened
 * until text in it, and white text on it, meet WCAG AA (4.5:1) on the page,
 * on cards and on its own pale tint, so any brand colour gives a readable
 * site. Without a school profile or an accent colour, the sheet is empty and
 * site.css's colours stand.
 */
export function schoolStylesheet(school: School | undefined): string {
  const brand = school?.accentColour;
  if (!isHexColour(brand)) return '/* No school accent colour: site.css colours apply. */\n';
  const soft = mix(brand, SURFACE, 0.88);
  const accent = darkenUntil(brand, [PAPER, SURFACE, soft]);
  // `html:root` outranks site.css's `:root`, whichever stylesheet the browser reads last.
  const note = accent === brand.replace(/^#?/, '#').toLowerCase() ? '' : `, darkened to ${accent} for contrast`;
  return `/* The school's accent colour, ${brand}${note}. */
html:root {
  --accent: ${accent};
  --accent-ink: #ffffff;
  --accent-soft: ${soft};
  --deck-accent: ${accent};
}
`;
}
