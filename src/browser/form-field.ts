import type { FieldWording } from '../site/lib/school-form.ts';

/**
 * One field of the personalise page's form, made as the Astro page makes its
 * own (src/site/pages/personalise/index.astro): a label, a hint, a place for
 * its error (`<id>-error`, error-summary.ts) and the input, described by the
 * hint. For the fields the script adds: the characters' new names, the local
 * services.
 */
export function formField(
  id: string,
  wording: FieldWording,
  options: { value?: string; hintId?: string } = {},
): { field: HTMLDivElement; input: HTMLInputElement } {
  const field = document.createElement('div');
  field.className = 'form-field';
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = wording.label;
  field.append(label);
  let hintId = options.hintId;
  if (wording.hint) {
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.id = `${id}-hint`;
    hint.textContent = wording.hint;
    field.append(hint);
    hintId = [hintId, hint.id].filter(Boolean).join(' ');
  }
  const error = document.createElement('p');
  error.className = 'field-error';
  error.id = `${id}-error`;
  error.hidden = true;
  const input = document.createElement('input');
  input.type = wording.type ?? 'text';
  input.id = id;
  input.setAttribute('autocomplete', wording.autocomplete ?? 'off');
  if (wording.type === undefined) input.spellcheck = false;
  input.value = options.value ?? '';
  input.defaultValue = options.value ?? '';
  if (hintId) {
    input.dataset.hint = hintId;
    input.setAttribute('aria-describedby', hintId);
  }
  field.append(error, input);
  return { field, input };
}
