import type { Lesson } from './types.ts';

/** One timed part of a lesson, with the minute it starts and ends. */
export interface TimedPart {
  name: string;
  minutes: number;
  start: number;
  end: number;
}

/**
 * The lesson's timed parts in teaching order (baseline, each learning cycle,
 * endpoint), each with its start and end minute: the rows of the lesson plan's
 * timed plan and of the lesson guide's timing strip, so the two never disagree.
 */
export function timedParts(lesson: Lesson): TimedPart[] {
  const parts: [string, number][] = [];
  if (lesson.baseline) parts.push(['Baseline activity', lesson.baseline.durationInMinutes]);
  lesson.cycles.forEach((cycle, i) => parts.push([`Learning cycle ${i + 1}: ${cycle.title}`, cycle.durationInMinutes]));
  if (lesson.endpoint) parts.push(['Endpoint activity', lesson.endpoint.durationInMinutes]);
  let clock = 0;
  return parts.map(([name, minutes]) => {
    const part = { name, minutes, start: clock, end: clock + minutes };
    clock += minutes;
    return part;
  });
}
