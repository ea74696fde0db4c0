import type { LessonImage } from '../library-file.ts';
import type { Logo } from './personalise-school.ts';
import type { SchoolForm } from './school-yaml.ts';

/**
 * What "Remember on this device" keeps on `/personalise/`: in this browser's
 * localStorage under one key, never a cookie, and only when ticked. What
 * comes back is checked before the page uses it: a value another version of
 * the page kept, or one edited by hand, is forgotten rather than trusted.
 */

const STORE = 'pshe-kit:personalise';

export interface Remembered {
  school: SchoolForm;
  /** The logo chosen, its bytes as base64 (left out when the browser's storage cannot hold it). */
  logo?: Omit<Logo, 'image'> & { image: Omit<LessonImage, 'bytes' | 'file'> & { bytes: string } };
  /** New names by lesson id, then by the character's name. */
  names: Record<string, Record<string, string>>;
}

export function bytesOf(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

export function base64Of(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** An image as the site publishes it (its bytes as base64), as the renderers take it. */
export const imageOf = (image: Omit<LessonImage, 'bytes' | 'file'> & { bytes: string }): LessonImage => ({
  ...image,
  bytes: bytesOf(image.bytes),
  file: '',
});

/** Keep (or, with nothing, forget) what was typed; false when the browser refuses (storage full or blocked). */
export function keep(value: Remembered | undefined): boolean {
  try {
    if (value) localStorage.setItem(STORE, JSON.stringify(value));
    else localStorage.removeItem(STORE);
    return true;
  } catch {
    return false;
  }
}

const isText = (value: unknown) => typeof value === 'string';
const isTextRecord = (value: unknown): value is Record<string, string> =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value) && Object.values(value as object).every(isText);

/** What was kept, if anything, and only if it has the shape this page keeps; anything else is forgotten. */
export function recall(): { school: SchoolForm; logo?: Logo; names: Remembered['names'] } | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(STORE) ?? 'null') as Remembered | null;
    const school = value?.school;
    const valid =
      value &&
      school &&
      isTextRecord(school.fields) &&
      Array.isArray(school.services) &&
      school.services.every(isTextRecord) &&
      (school.logo === undefined || isText(school.logo)) &&
      value.names &&
      typeof value.names === 'object' &&
      !Array.isArray(value.names) &&
      Object.values(value.names).every(isTextRecord);
    if (!valid) throw new Error('not what this page keeps');
    const kept = value.logo;
    if (
      kept &&
      !(
        isText(kept.name) &&
        ['png', 'jpeg'].includes(kept.image?.type) &&
        isText(kept.image.bytes) &&
        Number.isInteger(kept.image.width) &&
        Number.isInteger(kept.image.height)
      )
    ) {
      throw new Error('not a logo this page keeps');
    }
    const logo = kept
      ? {
          name: kept.name,
          image: {
            type: kept.image.type,
            width: kept.image.width,
            height: kept.image.height,
            bytes: bytesOf(kept.image.bytes),
          },
        }
      : undefined;
    return { school, names: value.names, ...(logo ? { logo } : {}) };
  } catch {
    keep(undefined);
    return undefined;
  }
}
