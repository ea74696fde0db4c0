import { lessonHelp, outsideSchool, type HelpService } from '../../lesson/help.ts';
import type { Lesson, Library } from '../../lesson/types.ts';

export { genericDsl } from '../../lesson/help.ts';

/** The lesson's help services (help model), in the lesson's order. */
export function lessonServices(lesson: Lesson, library: Library): HelpService[] {
  return lessonHelp(lesson, library).services;
}

/**
 * The services a handout names (help model): the footer's service for the
 * lesson's audience (Childline for pupils, the NSPCC helpline for adults), then
 * the lesson's own, without repeats.
 */
export function handoutServices(lesson: Lesson, library: Library): HelpService[] {
  return outsideSchool(lessonHelp(lesson, library), library, lesson.audience);
}
