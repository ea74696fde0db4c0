import type { Lesson } from '../../lesson/types.ts';

/** One timed part of a lesson, as the at-a-glance plan lists it. */
export interface PlanPart {
  title: string;
  minutes: number;
  /** The id of the section on the page that covers this part. */
  anchor?: string;
}

/** The id of a learning cycle's section on the teacher view. */
export const cycleAnchor = (index: number) => `cycle-${index + 1}`;

/**
 * The lesson's timed parts in teaching order: baseline, cycles, endpoint. When
 * they add up to less than the lesson length (`pshe check` makes sure they never
 * add up to more), the rest becomes one "questions and close" part, so the plan
 * always adds up to the lesson's length.
 */
export function lessonPlan(lesson: Lesson): { parts: PlanPart[]; total: number } {
  const parts: PlanPart[] = [];
  if (lesson.baseline)
    parts.push({ title: 'Baseline activity', minutes: lesson.baseline.durationInMinutes, anchor: 'baseline' });
  lesson.cycles.forEach((cycle, index) =>
    parts.push({ title: `${index + 1}. ${cycle.title}`, minutes: cycle.durationInMinutes, anchor: cycleAnchor(index) }),
  );
  if (lesson.endpoint)
    parts.push({ title: 'Endpoint activity', minutes: lesson.endpoint.durationInMinutes, anchor: 'endpoint' });
  const timed = parts.reduce((sum, part) => sum + part.minutes, 0);
  const rest = lesson.durationInMinutes - timed;
  if (rest > 0) {
    const close =
      lesson.audience === 'pupils' ? 'Questions, exit quiz and where to get help' : 'Questions and where to get help';
    parts.push({ title: close, minutes: rest, anchor: 'help' });
  }
  return { parts, total: parts.reduce((sum, part) => sum + part.minutes, 0) };
}
