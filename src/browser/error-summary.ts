import { maybeById as byId } from './dom.ts';

/**
 * Errors in the GOV.UK error-summary pattern: a summary at the top that takes
 * focus and links to each field, and the message at the field itself
 * (`<input id>-error`), tied to the input by `aria-describedby` and marked
 * `aria-invalid`. An input's own hint stays in its description
 * (`data-hint`).
 */

/** An error to show at a field and in the summary. */
export interface FieldError {
  input: string;
  message: string;
}

export function clearErrors(): void {
  byId<HTMLDivElement>('error-summary')!.hidden = true;
  byId<HTMLUListElement>('error-list')!.replaceChildren();
  for (const error of document.querySelectorAll<HTMLParagraphElement>('.field-error')) {
    error.hidden = true;
    error.textContent = '';
  }
  for (const input of document.querySelectorAll<HTMLInputElement>('input[aria-invalid]')) {
    input.removeAttribute('aria-invalid');
    if (input.dataset.hint) input.setAttribute('aria-describedby', input.dataset.hint);
    else input.removeAttribute('aria-describedby');
  }
}

export function showErrors(errors: readonly FieldError[]): void {
  const summary = byId<HTMLDivElement>('error-summary')!;
  const list = byId<HTMLUListElement>('error-list')!;
  for (const { input, message } of errors) {
    const field = byId<HTMLElement>(input);
    const error = byId<HTMLParagraphElement>(`${input}-error`);
    if (field && error) {
      // A field may have more than one problem: each is said at it.
      error.textContent = error.hidden ? `Error: ${message}` : `${error.textContent} ${message}`;
      error.hidden = false;
      // An input is marked invalid and described by its error; a group (the services) shows the error above it.
      if (field instanceof HTMLInputElement) {
        field.setAttribute('aria-invalid', 'true');
        field.setAttribute('aria-describedby', [field.dataset.hint, error.id].filter(Boolean).join(' '));
      }
    }
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `#${field ? input : 'personalise'}`;
    link.textContent = message;
    item.append(link);
    list.append(item);
  }
  summary.hidden = false;
  summary.focus();
}
