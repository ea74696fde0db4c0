import { diagnostic } from '../lesson/diagnostic.ts';
import { serviceIdsOf } from '../lesson/service-refs.ts';
import type { Diagnostic, Lesson, Library } from '../lesson/types.ts';

/**
 * The help services the lessons point to that neither the library's
 * signposts.yaml nor the school profile has: what `pshe build --school`
 * refuses as `signpost-unknown`, said of the profile (the page's lessons
 * are as the site was built; only the profile has changed).
 */
export function unknownServices(lessons: readonly Lesson[], library: Library): Diagnostic[] {
  const known = new Set([
    ...library.signposts.map((service) => service.id),
    ...(library.school?.localServices ?? []).map((service) => service.id),
  ]);
  return lessons.flatMap((lesson) =>
    serviceIdsOf(lesson)
      .filter((id) => !known.has(id))
      .map((id) =>
        diagnostic(
          'signpost-unknown',
          'school.yaml',
          { line: 0, column: 0 },
          `“${lesson.title}” points to the local service \`${id}\`, which these details do not have: add it under Local services (load the school.yaml that has it), or start again from this site’s own details.`,
        ),
      ),
  );
}
