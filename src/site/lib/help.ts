import { findSignpost } from '../../html/index.ts';
import type { Lesson, Library, School, Signpost } from '../../lesson/types.ts';

/** What every page says when there is no school profile (design.md). */
export const genericDsl = "your school's Designated Safeguarding Lead";

/** The DSL as a sentence subject: "Ms Patel (Designated Safeguarding Lead)" or the generic words. */
export function dslName(school: School | undefined): string {
  return school?.dslName ? `${school.dslName}, Designated Safeguarding Lead` : genericDsl;
}

/** The lesson's help services, looked up in the library and the school's local services, in the lesson's order. */
export function lessonServices(lesson: Lesson, library: Library): Signpost[] {
  return (lesson.signposts ?? [])
    .map((id) => findSignpost(library, id))
    .filter((service): service is Signpost => Boolean(service));
}

/**
 * The services a handout names: Childline for pupils, the NSPCC helpline for adults
 * (design.md, "Outputs"), then the lesson's own, without repeats.
 */
export function handoutServices(lesson: Lesson, library: Library): Signpost[] {
  const first = findSignpost(library, lesson.audience === 'pupils' ? 'childline' : 'nspcc-helpline');
  const list = [first, ...lessonServices(lesson, library)].filter((s): s is Signpost => Boolean(s));
  return list.filter((service, index) => list.findIndex((s) => s.id === service.id) === index);
}
