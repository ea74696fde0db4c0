import type { Lesson } from '../../lesson/types.ts';
import { connectedWorldStrands, fourCs, keyStages } from '../../lesson/schema.ts';

/** Words people read for the codes in the lesson format (design.md, "Lesson format (v1)"). */

export type { ContentGuidanceCode } from '../../lesson/labels.ts';
export { contentGuidance, supervisionLevels } from '../../lesson/labels.ts';
export type KeyStage = (typeof keyStages)[number];
export type Strand = (typeof connectedWorldStrands)[number];
export type FourC = (typeof fourCs)[number];

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
