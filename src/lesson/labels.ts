import type { contentGuidanceCodes } from './schema.ts';

/**
 * Words people read for the content guidance codes and supervision levels,
 * one table for every output (site, PDFs, slides, PowerPoint, packs).
 */
export type ContentGuidanceCode = (typeof contentGuidanceCodes)[number];

/** Oak's content guidance labels (plus our self-harm code), with what each means in class. */
export const contentGuidance: Record<ContentGuidanceCode, { label: string; detail: string }> = {
  'l/discriminatory-language': {
    label: 'Discriminatory language',
    detail: 'Contains discriminatory language, quoted or described.',
  },
  'l/offensive-language': { label: 'Offensive language', detail: 'Contains language some may find offensive.' },
  'u/sensitive-content': {
    label: 'Sensitive content',
    detail: 'Discusses topics some pupils may find sensitive or upsetting.',
  },
  'u/violence-or-suffering': { label: 'Violence or suffering', detail: 'Discusses violence or suffering.' },
  'u/mental-health-challenges': {
    label: 'Mental health challenges',
    detail: 'Discusses mental health and wellbeing challenges.',
  },
  'u/crime-or-illegal-activities': {
    label: 'Crime or illegal activities',
    detail: 'Discusses crime or illegal activities.',
  },
  'u/sexual-violence': { label: 'Sexual violence', detail: 'Discusses sexual violence or abuse.' },
  's/nudity-or-sexual-content': {
    label: 'Nudity or sexual content',
    detail: 'Discusses nudity or sexual content (never shown).',
  },
  'e/rshe-content': { label: 'RSHE content', detail: 'Relationships, sex and health education content.' },
  'x/self-harm-mentioned': {
    label: 'Self-harm or suicide mentioned',
    detail: 'Self-harm or suicide is mentioned, at a distance. Mental-health signposting is included.',
  },
};

/** Oak's supervision levels: how much adult support the lesson needs. */
export const supervisionLevels: Record<number, { label: string; detail: string }> = {
  1: { label: 'Adult supervision suggested', detail: 'Read the DSL notes before teaching, as for any PSHE lesson.' },
  2: {
    label: 'Adult supervision recommended',
    detail: 'Read the DSL notes first and think about which pupils may be affected.',
  },
  3: {
    label: 'Adult supervision required',
    detail: 'Teach only after reading the DSL notes and telling the DSL when the lesson will be taught.',
  },
  4: {
    label: 'Adult support required',
    detail: 'Plan with the DSL: some pupils may need an adult with them during and after the lesson.',
  },
};

/** The short label of each code, as slides and packs print it. */
export const contentGuidanceLabels = Object.fromEntries(
  Object.entries(contentGuidance).map(([code, entry]) => [code, entry.label]),
) as Record<ContentGuidanceCode, string>;

/** The short label of each supervision level. */
export const supervisionLabels: Record<number, string> = Object.fromEntries(
  Object.entries(supervisionLevels).map(([level, entry]) => [level, entry.label]),
);

/** The label of a code; an unknown code (impossible after validation) is shown as written. */
export const contentGuidanceLabel = (code: string): string =>
  contentGuidanceLabels[code as ContentGuidanceCode] ?? code;

export const supervisionLabel = (level: number): string => supervisionLabels[level] ?? `Supervision level ${level}`;
