import { contentGuidanceLabel, supervisionLabel } from '../lesson/labels.ts';
import type { Lesson } from '../lesson/types.ts';

/** What the content-guidance box says: first on the plan and the DSL briefing (design.md, "Safe practice"). */
export interface ContentGuidanceWords {
  /** The flagged kinds of content, in words; empty when none was flagged. */
  items: string[];
  /** Said instead of the list when nothing was flagged. */
  none: string;
  /** "Supervision:" and its sentence. */
  supervision: string;
  /** Said when self-harm or suicide is mentioned. */
  selfHarm?: string;
}

export function contentGuidanceWords(lesson: Lesson): ContentGuidanceWords {
  return {
    items: lesson.contentGuidance.map(contentGuidanceLabel),
    none: 'No content guidance: no sensitive content was flagged for this lesson.',
    supervision: `${supervisionLabel(lesson.supervisionLevel)} (level ${lesson.supervisionLevel} of 4).`,
    ...(lesson.contentGuidance.includes('x/self-harm-mentioned')
      ? {
          selfHarm:
            'Self-harm or suicide is mentioned, at a distance. Check who in the group may be affected before teaching, and make sure the mental-health services below are on show.',
        }
      : {}),
  };
}
