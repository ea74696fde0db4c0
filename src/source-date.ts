/**
 * The one date written into every file PSHE Kit makes (PDF info and XMP,
 * the PowerPoint's docProps/core.xml, zip entries), so that the same library
 * gives the same bytes and all of a build's files say the same day.
 *
 * One rule: `SOURCE_DATE_EPOCH` (whole seconds since 1970-01-01 UTC, the
 * reproducible-builds.org convention) when it is set and valid, `0` included;
 * otherwise {@link FIXED_DATE}. Valid means digits only, at most year 9999
 * (PDF and W3CDTF dates have four-digit years). A zip cannot say less than
 * 1980: {@link zipDate} clamps there, and that is the only place the rule bends.
 */

/** The date used when SOURCE_DATE_EPOCH is unset or not valid. */
export const FIXED_DATE = new Date('2026-01-01T00:00:00Z');

const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59);

/** SOURCE_DATE_EPOCH as handed over where there is no environment (the browser's render worker). */
let provided: string | undefined;

/** Hand over the build's SOURCE_DATE_EPOCH (as published with the site), for a browser's renderers. */
export function provideSourceDateEpoch(value: string | undefined): void {
  provided = value;
}

/** The build date: SOURCE_DATE_EPOCH when set and valid, else {@link FIXED_DATE}. A new Date each call. */
export function sourceDate(
  env: Record<string, string | undefined> = globalThis.process?.env ?? { SOURCE_DATE_EPOCH: provided },
): Date {
  const raw = env.SOURCE_DATE_EPOCH?.trim();
  if (raw && /^\d+$/.test(raw)) {
    const ms = Number(raw) * 1000;
    if (ms <= LATEST) return new Date(ms);
  }
  return new Date(FIXED_DATE);
}

/** The earliest and latest times MS-DOS date fields (zip entries) can hold. */
export const ZIP_EARLIEST = new Date('1980-01-01T00:00:00Z');
export const ZIP_LATEST = new Date('2107-12-31T23:59:58Z');

/**
 * A date as a zip entry can hold it: clamped to 1980-01-01 … 2107-12-31, so
 * SOURCE_DATE_EPOCH=0 gives zip entries dated 1980-01-01 00:00 while the PDFs
 * and the PowerPoint's properties say 1970-01-01.
 */
export function zipDate(date: Date): Date {
  if (date < ZIP_EARLIEST) return new Date(ZIP_EARLIEST);
  if (date > ZIP_LATEST) return new Date(ZIP_LATEST);
  return date;
}

/** `2026-01-01T00:00:00Z`: the W3CDTF form docProps/core.xml uses, without milliseconds. */
export const w3cdtf = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * An Office file's `docProps/core.xml` with its created and modified dates set
 * to `date`: the office libraries write the time of the run, which would make
 * every build's PowerPoint and Word files differ.
 */
export function setCoreDates(xml: string, date: Date): string {
  return xml.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${w3cdtf(date)}$3`);
}
