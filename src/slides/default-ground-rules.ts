import type { Audience } from '../lesson/types.ts';

/**
 * Ground rules used when a lesson sets no `safeLearning.groundRules` (design.md,
 * "Safe practice"): listening, distancing, the right to pass, and a way to ask
 * anonymously. Pupils' rules follow `templates/lesson.yaml`; adults get the same
 * ideas in words for a staff room or a parents' evening.
 */
export const defaultGroundRules: Record<Audience, readonly string[]> = {
  pupils: [
    'We listen to each other and respect different views.',
    'We do not share personal stories or name people; we talk about "someone" or the characters.',
    'We can pass on any question or activity.',
    'We can ask questions anonymously in the question box.',
  ],
  staff: [
    'We listen to each other and respect different views.',
    'We do not name pupils, families or colleagues; we talk about "a pupil" or the case studies.',
    'Anyone can step out at any time; some of this may be close to home.',
    'A concern about a child goes to the Designated Safeguarding Lead today, not into this room.',
  ],
  parents: [
    'We listen to each other and respect different views.',
    'We do not name children or families; we talk about "a child" or the examples.',
    'Anyone can step out or pass at any time.',
    'If you are worried about a child, speak to the Designated Safeguarding Lead after the session.',
  ],
};

/** The lesson's own ground rules, or the defaults for its audience. */
export function groundRulesFor(groundRules: readonly string[] | undefined, audience: Audience): readonly string[] {
  return groundRules && groundRules.length > 0 ? groundRules : defaultGroundRules[audience];
}
