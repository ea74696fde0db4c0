import { installedVersions } from '#installed-versions';
import type { CheckSite } from '../../lesson/check-site-data.ts';
import { checkSiteOf } from './check-site.ts';
import type { Library } from '../../lesson/types.ts';
import type { InstalledVersions } from '../../platform/package-versions.ts';

/**
 * What `/editor/` needs of the site's library, published as
 * `/editor/library.json`: what `pshe check` knows of the library besides the
 * lesson being edited (`checkSiteOf`), the lessons one may start from, and
 * the versions the checker's slide measuring checks as it loads.
 */
export interface EditorData {
  site: CheckSite;
  /** Each lesson by id: its title, and its path in the library (`unit-a/lesson.yaml`). */
  lessons: { id: string; title: string; path: string }[];
  versions: InstalledVersions;
}

export function editorData(dir: string, library: Library): EditorData {
  const site = checkSiteOf(dir, library);
  return {
    site,
    lessons: library.lessons.map((lesson) => ({
      id: lesson.id,
      title: lesson.title,
      path: site.lessons.find((facts) => facts.id === lesson.id && facts.unit === lesson.unit)?.file ?? '',
    })),
    versions: installedVersions(),
  };
}
