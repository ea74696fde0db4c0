/**
 * The editor's drafts: a lesson's text, id and unit, in this browser's
 * localStorage, from the first change until "Discard draft". One draft for
 * each lesson copied (`?from=<id>`) and one for a new or opened lesson, so
 * going to copy another lesson never puts an earlier draft in its place or
 * overwrites it. Never a cookie, never sent. A value the page did not keep
 * is forgotten.
 */

const PREFIX = 'pshe-kit:editor-draft';

export interface Draft {
  text: string;
  id: string;
  unit: string;
}

/** Where the draft of a copy of lesson `from` is kept; without one, the new (or opened) lesson's. */
const keyOf = (from: string | undefined) => (from ? `${PREFIX}:${from}` : PREFIX);

/** Keeps (or, with no draft, forgets) the draft; false when the browser would not keep it (storage full or off). */
export function keepDraft(from: string | undefined, draft: Draft | undefined): boolean {
  try {
    if (draft) localStorage.setItem(keyOf(from), JSON.stringify(draft));
    else localStorage.removeItem(keyOf(from));
    return true;
  } catch {
    // A browser that keeps nothing still checks; the page says the draft is not kept.
    return false;
  }
}

export function recallDraft(from: string | undefined): Draft | undefined {
  try {
    const draft = JSON.parse(localStorage.getItem(keyOf(from)) ?? 'null') as Draft | null;
    if (draft && typeof draft.text === 'string' && typeof draft.id === 'string' && typeof draft.unit === 'string') {
      return draft;
    }
  } catch {
    // Not a draft this page kept.
  }
  keepDraft(from, undefined);
  return undefined;
}
