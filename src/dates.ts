/**
 * Dates as people in the UK write them, for every output a person reads (the
 * site, the PDFs, the PowerPoint, the packs' READMEs): "26 November 2027", never
 * "2027-11-26". Machine-readable places (`<time datetime>`, JSON, YAML) keep
 * the ISO date. Neutral: no Node or browser API, so every renderer may import it.
 */

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2027-11-26" → "26 November 2027"; anything that is not an ISO calendar date is returned as it is. */
export function britishDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!match) return iso;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const name = months[month - 1];
  if (!name || day < 1 || day > 31) return iso;
  return `${day} ${name} ${year}`;
}

/** The same for a `Date`, read in UTC (the build's dates are UTC, so every time zone prints the same words). */
export function britishDateOf(date: Date): string {
  return britishDate(date.toISOString().slice(0, 10));
}
