import type { contentGuidanceCodes } from './schema.ts';

/** Plain-English labels for content guidance codes, for every output. */
export const contentGuidanceLabels: Record<(typeof contentGuidanceCodes)[number], string> = {
  'l/discriminatory-language': 'Discriminatory language',
  'l/offensive-language': 'Offensive language',
  'u/sensitive-content': 'Sensitive content',
  'u/violence-or-suffering': 'Violence or suffering',
  'u/mental-health-challenges': 'Mental health challenges',
  'u/crime-or-illegal-activities': 'Crime or illegal activities',
  'u/sexual-violence': 'Sexual violence',
  's/nudity-or-sexual-content': 'Nudity or sexual content',
  'e/rshe-content': 'RSHE content',
  'x/self-harm-mentioned': 'Self-harm or suicide is mentioned (at a distance)',
};

/** What each supervision level asks of the adult in the room (Oak's scale). */
export const supervisionLabels: Record<number, string> = {
  1: 'Adult supervision suggested',
  2: 'Adult supervision recommended',
  3: 'Adult supervision required',
  4: 'Adult support required',
};
