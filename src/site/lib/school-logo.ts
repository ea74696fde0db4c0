import { readSchoolLogo } from '../../library-file.ts';
import type { School } from '../../lesson/types.ts';

/** The school's logo as the site serves it (`/school-logo.png` or `.jpg`), when the profile names one. */
export interface SiteLogo {
  ext: 'png' | 'jpg';
  type: string;
  bytes: Uint8Array;
  width: number;
  height: number;
}

const read = new Map<string, SiteLogo | undefined>();

/**
 * The school's logo, read from the full path the loader resolved and checked
 * (`school.logo`). It is served as a file of its own, not a `data:` URI, so
 * that a large library's thousands of pages do not each carry a copy.
 */
export function schoolLogo(school: School | undefined): SiteLogo | undefined {
  if (!school?.logo) return undefined;
  // Every page's header asks: read the file once per process (`astro dev` shows a replaced logo after a restart).
  if (!read.has(school.logo)) {
    // Through the gate again: in the folder the loader found it in, a regular file, within the limits.
    const { image } = readSchoolLogo(school.logo);
    read.set(
      school.logo,
      image && {
        ext: image.type === 'png' ? 'png' : 'jpg',
        type: `image/${image.type}`,
        bytes: image.bytes,
        width: image.width,
        height: image.height,
      },
    );
  }
  return read.get(school.logo);
}
