import type { Lesson } from '../../lesson/types.ts';
import { connectedWorldStrands, fourCs, keyStages } from '../../lesson/schema.ts';
import type { contentGuidanceCodes } from '../../lesson/schema.ts';

/** Words people read for the codes in the lesson format (design.md, "Lesson format (v1)"). */

export type ContentGuidanceCode = (typeof contentGuidanceCodes)[number];
export type KeyStage = (typeof keyStages)[number];
export type Strand = (typeof connectedWorldStrands)[number];
export type FourC = (typeof fourCs)[number];

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

export const keyStageLabels: Record<KeyStage, { long: string; short: string }> = {
  'key-stage-1': { long: 'Key stage 1', short: 'KS1' },
  'key-stage-2': { long: 'Key stage 2', short: 'KS2' },
  'key-stage-3': { long: 'Key stage 3', short: 'KS3' },
  'key-stage-4': { long: 'Key stage 4', short: 'KS4' },
  'key-stage-5': { long: 'Key stage 5', short: 'KS5' },
};

/** UKCIS Education for a Connected World: the eight strands. */
export const strandLabels: Record<Strand, string> = {
  'self-image-and-identity': 'Self-image and identity',
  'online-relationships': 'Online relationships',
  'online-reputation': 'Online reputation',
  'online-bullying': 'Online bullying',
  'managing-online-information': 'Managing online information',
  'health-wellbeing-and-lifestyle': 'Health, wellbeing and lifestyle',
  'privacy-and-security': 'Privacy and security',
  'copyright-and-ownership': 'Copyright and ownership',
};

/** Keeping Children Safe in Education: the four areas of online risk. */
export const fourCLabels: Record<FourC, { label: string; detail: string }> = {
  content: { label: 'Content', detail: 'being exposed to illegal, inappropriate or harmful content' },
  contact: { label: 'Contact', detail: 'being subjected to harmful online interaction with other users' },
  conduct: { label: 'Conduct', detail: 'online behaviour that increases the likelihood of, or causes, harm' },
  commerce: {
    label: 'Commerce',
    detail: 'risks such as online gambling, inappropriate advertising, phishing or scams',
  },
};

export const audienceLabels: Record<Lesson['audience'], { label: string; noun: string }> = {
  pupils: { label: 'Pupils', noun: 'lesson' },
  staff: { label: 'Staff', noun: 'staff briefing' },
  parents: { label: 'Parents and carers', noun: 'parent session' },
};

export { connectedWorldStrands as strands, fourCs, keyStages };

/** "Year 7", "Years 10 and 11", "Years 7 to 9". */
export function yearGroupsLabel(years: readonly number[] | undefined): string | undefined {
  if (!years || years.length === 0) return undefined;
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  if (sorted.length === 1) return `Year ${sorted[0]}`;
  const consecutive = sorted.every((year, i) => i === 0 || year === sorted[i - 1] + 1);
  if (consecutive && sorted.length > 2) return `Years ${sorted[0]} to ${sorted[sorted.length - 1]}`;
  return `Years ${sorted.slice(0, -1).join(', ')} and ${sorted[sorted.length - 1]}`;
}

/** "50 minutes", "1 minute". */
export function minutesLabel(minutes: number): string {
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

/** Who a lesson is for, in a few words: "Key stage 3 · Year 7" or "Staff". */
export function audienceLine(lesson: Lesson): string {
  if (lesson.audience !== 'pupils') return audienceLabels[lesson.audience].label;
  const parts = [
    lesson.keyStage ? keyStageLabels[lesson.keyStage].long : undefined,
    yearGroupsLabel(lesson.yearGroups),
  ];
  return parts.filter(Boolean).join(' · ');
}
