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

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;

export function clearErrors(): void {
  byId<HTMLDivElement>('error-summary')!.hidden = true;
  byId<HTMLUListElement>('error-list')!.replaceChildren();
  for (const input of document.querySelectorAll<HTMLInputElement>('input[aria-invalid]')) {
    input.removeAttribute('aria-invalid');
    const error = byId<HTMLParagraphElement>(`${input.id}-error`);
    if (error) {
      error.hidden = true;
      error.textContent = '';
    }
    if (input.dataset.hint) input.setAttribute('aria-describedby', input.dataset.hint);
    else input.removeAttribute('aria-describedby');
  }
}

export function showErrors(errors: readonly FieldError[]): void {
  const summary = byId<HTMLDivElement>('error-summary')!;
  const list = byId<HTMLUListElement>('error-list')!;
  for (const { input, message } of errors) {
    const field = byId<HTMLInputElement>(input);
    const error = byId<HTMLParagraphElement>(`${input}-error`);
    if (field && error) {
      error.textContent = `Error: ${message}`;
      error.hidden = false;
      field.setAttribute('aria-invalid', 'true');
      field.setAttribute('aria-describedby', [field.dataset.hint, error.id].filter(Boolean).join(' '));
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
