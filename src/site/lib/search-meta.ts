/** What the library page's search shows with each result: the kind of page and its key stage (or audience). */
import type { Lesson } from '../../lesson/types.ts';
import { audienceLabels, keyStageLabels } from './labels.ts';

/** What a search result says about its page: "Lesson" and "Key stage 3", "Glossary"… */
export interface SearchMeta {
  kind: string;
  stage?: string;
}

const lessonKinds: Record<Lesson['audience'], string> = {
  pupils: 'Lesson',
  staff: 'Staff briefing',
  parents: 'Parent session',
};

/** A lesson's search metadata: "Lesson" and its key stage, or the kind of session and who it is for. */
export function lessonSearchMeta(lesson: Lesson): SearchMeta {
  const stage =
    lesson.audience === 'pupils'
      ? lesson.keyStage && keyStageLabels[lesson.keyStage].long
      : audienceLabels[lesson.audience].label;
  return { kind: lessonKinds[lesson.audience], stage: stage || undefined };
}
