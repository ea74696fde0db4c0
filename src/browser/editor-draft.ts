/**
 * The editor's draft: the lesson's text, id and unit, in this browser's
 * localStorage under one key, from the first change until "Discard draft".
 * Never a cookie, never sent. A value the page did not keep is forgotten.
 */

const DRAFT = 'pshe-kit:editor-draft';

export interface Draft {
  text: string;
  id: string;
  unit: string;
}

export function keepDraft(draft: Draft | undefined): void {
  try {
    if (draft) localStorage.setItem(DRAFT, JSON.stringify(draft));
    else localStorage.removeItem(DRAFT);
  } catch {
    // A browser that keeps nothing still checks.
  }
}

export function recallDraft(): Draft | undefined {
  try {
    const draft = JSON.parse(localStorage.getItem(DRAFT) ?? 'null') as Draft | null;
    if (draft && typeof draft.text === 'string' && typeof draft.id === 'string' && typeof draft.unit === 'string') {
      return draft;
    }
  } catch {
    // Not a draft this page kept.
  }
  keepDraft(undefined);
  return undefined;
}
