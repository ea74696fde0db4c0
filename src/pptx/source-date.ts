/** The date written into files when SOURCE_DATE_EPOCH is not set (design.md, "Reproducible"). */
export const FIXED_DATE = new Date('2026-01-01T00:00:00Z');

/**
 * The build date: `SOURCE_DATE_EPOCH` (seconds since 1970, the
 * reproducible-builds.org convention) when it is a whole number in zip's
 * range (1980–2099), else {@link FIXED_DATE}.
 */
export function sourceDate(env: NodeJS.ProcessEnv = process.env): Date {
  const raw = env.SOURCE_DATE_EPOCH?.trim();
  if (raw && /^\d+$/.test(raw)) {
    const date = new Date(Number(raw) * 1000);
    const year = date.getUTCFullYear();
    if (year >= 1980 && year <= 2099) return date;
  }
  return FIXED_DATE;
}

/** `2026-01-01T00:00:00Z`: the W3CDTF form docProps/core.xml uses, without milliseconds. */
export const w3cdtf = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
