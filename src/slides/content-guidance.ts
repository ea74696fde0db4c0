import type { contentGuidanceCodes } from '../lesson/schema.ts';

export type ContentGuidanceCode = (typeof contentGuidanceCodes)[number];

/** Words a teacher reads for each content guidance code (Oak's labels, plus our `x/` code). */
export const contentGuidanceLabels: Record<ContentGuidanceCode, string> = {
  'l/discriminatory-language': 'Discriminatory language',
  'l/offensive-language': 'Offensive language',
  'u/sensitive-content': 'Sensitive content',
  'u/violence-or-suffering': 'Violence or suffering',
  'u/mental-health-challenges': 'Mental health challenges',
  'u/crime-or-illegal-activities': 'Crime or illegal activities',
  'u/sexual-violence': 'Sexual violence',
  's/nudity-or-sexual-content': 'Nudity or sexual content',
  'e/rshe-content': 'RSHE content',
  'x/self-harm-mentioned': 'Self-harm or suicide is mentioned',
};

/** Oak's four supervision levels, 1 (lightest) to 4. */
export const supervisionLabels: Record<number, string> = {
  1: 'Adult supervision suggested',
  2: 'Adult supervision recommended',
  3: 'Adult supervision required',
  4: 'Adult support required',
};

/** The label of a code; an unknown code (impossible after validation) is shown as written. */
export const contentGuidanceLabel = (code: string): string =>
  contentGuidanceLabels[code as ContentGuidanceCode] ?? code;

export const supervisionLabel = (level: number): string => supervisionLabels[level] ?? `Supervision level ${level}`;
