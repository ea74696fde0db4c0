import { parse, stringify } from 'yaml';
import type { RenderReply, RenderRequest } from './render-messages.ts';
import { characterNameProblem, normaliseName } from '../lesson/characters.ts';
import type { Diagnostic } from '../lesson/types.ts';
import { assetFiles, type AssetName } from '../platform/asset-files.ts';
import { FORM_SCHOOL_FIELDS, type PersonaliseData } from '../site/lib/personalise-data.ts';

/**
 * `/personalise/`: fetch a lesson's published model (`lessons/<id>.json`) and
 * the renderers' assets from this site, take the school's details and the
 * class's names from the form, and have the render worker make every file of
 * the lesson on this device. Nothing typed here is sent or stored.
 */

/** The profile's fields the form holds, in the order the school.yaml it makes lists them. */
const schoolFields = FORM_SCHOOL_FIELDS;
type SchoolField = (typeof schoolFields)[number];

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = byId<HTMLFormElement>('personalise');
const progress = byId<HTMLParagraphElement>('progress');
const summary = byId<HTMLDivElement>('error-summary');
const errorList = byId<HTMLUListElement>('error-list');
const fileList = byId<HTMLUListElement>('file-list');
const cancel = byId<HTMLButtonElement>('cancel');
const make = byId<HTMLButtonElement>('make');
const remember = byId<HTMLInputElement>('remember');

/** What "Remember on this device" keeps, in this browser's localStorage only (never a cookie). */
const STORE = 'pshe-kit:personalise';
interface Remembered {
  school: Partial<Record<SchoolField, string>>;
  /** New names by lesson id, then by the character's name. */
  names: Record<string, Record<string, string>>;
}

/** localStorage, where the browser allows it (it may refuse, as with cookies blocked): never a reason to fail. */
function keep(value: Remembered | undefined) {
  try {
    if (value) localStorage.setItem(STORE, JSON.stringify(value));
    else localStorage.removeItem(STORE);
  } catch {
    // Nothing kept: the files are still made.
  }
}

function recall(): Remembered | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(STORE) ?? 'null') as Remembered | null;
    return value && typeof value === 'object' && value.school && value.names ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Fill the school's fields from a profile's values (strings only; anything else is left as it is). */
function fillSchool(values: Record<string, unknown>) {
  for (const field of schoolFields) {
    const value = values[field];
    if (typeof value === 'string') byId<HTMLInputElement>(`school-${field}`).value = value;
  }
}

/** Hand the user a file made here, as a download. */
function offer(name: string, text: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'text/yaml' }));
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

/** An error to show at a field and in the summary at the top (the GOV.UK error summary pattern). */
interface FieldError {
  input: string;
  message: string;
}

function bytesOf(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** The form's school as the text of a school.yaml: a key a line, each value a double-quoted string. */
/**
 * The profile's other lines (its logo and local services), kept as they came: the site's own, or
 * those of a loaded school.yaml. The form does not show them; without them the files would lose them.
 */
let schoolExtras = '';

function schoolYaml(): { text: string; lineOf: Map<number, SchoolField> } | undefined {
  const lines: string[] = [];
  const lineOf = new Map<number, SchoolField>();
  for (const field of schoolFields) {
    const value = byId<HTMLInputElement>(`school-${field}`).value.trim();
    if (!value) continue;
    lines.push(`${field}: ${JSON.stringify(value)}`);
    lineOf.set(lines.length, field);
  }
  if (!lines.length) return undefined;
  return { text: `${lines.join('\n')}\n${schoolExtras}`, lineOf };
}

/** The new names typed, checked as `pshe build --rename` checks them; problems at their fields. */
function renamesFrom(characters: readonly string[]): { renames: Record<string, string>; errors: FieldError[] } {
  const renames: Record<string, string> = {};
  const errors: FieldError[] = [];
  const taken = new Map(characters.map((name) => [normaliseName(name), name]));
  characters.forEach((name, index) => {
    const input = `character-${index}`;
    const typed = byId<HTMLInputElement>(input).value.trim();
    if (!typed || normaliseName(typed) === normaliseName(name)) return;
    const problem = characterNameProblem(typed);
    const other = taken.get(normaliseName(typed));
    if (problem) errors.push({ input, message: `The new name for ${name} ${problem}` });
    else if (other) errors.push({ input, message: `${other} is already called ${typed}: give ${name} another name` });
    else {
      renames[name] = typed;
      taken.set(normaliseName(typed), name);
    }
  });
  return { renames, errors };
}

function clearErrors() {
  summary.hidden = true;
  errorList.replaceChildren();
  for (const input of form.querySelectorAll<HTMLInputElement>('input[aria-invalid]')) {
    input.removeAttribute('aria-invalid');
    const error = byId<HTMLParagraphElement>(`${input.id}-error`);
    error.hidden = true;
    error.textContent = '';
    input.setAttribute('aria-describedby', input.dataset.hint ?? '');
    if (!input.dataset.hint) input.removeAttribute('aria-describedby');
  }
}

function showErrors(errors: readonly FieldError[]) {
  for (const { input, message } of errors) {
    const field = byId<HTMLInputElement>(input);
    const error = byId<HTMLParagraphElement>(`${input}-error`);
    error.textContent = `Error: ${message}`;
    error.hidden = false;
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', [field.dataset.hint, error.id].filter(Boolean).join(' '));
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `#${input}`;
    link.textContent = message;
    item.append(link);
    errorList.append(item);
  }
  summary.hidden = false;
  summary.focus();
}

/** The check's problems with the school.yaml the form made, each at the field on its line. */
function schoolErrors(diagnostics: readonly Diagnostic[], lineOf: Map<number, SchoolField>): FieldError[] {
  return diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => {
      // A missing field is reported at the start of the file: its name in the message says which.
      const named = schoolFields.find((field) => new RegExp(`\\b${field}\\b`).test(d.message));
      return { input: `school-${named ?? lineOf.get(d.line) ?? 'name'}`, message: d.message };
    });
}

async function fetchBytes(url: URL): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname} could not be fetched (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

function characterInputs(characters: readonly string[]) {
  const holder = byId<HTMLDivElement>('characters');
  characters.forEach((name, index) => {
    const id = `character-${index}`;
    const field = document.createElement('div');
    field.className = 'form-field';
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = `New name for ${name}`;
    const error = document.createElement('p');
    error.className = 'field-error';
    error.id = `${id}-error`;
    error.hidden = true;
    const input = document.createElement('input');
    input.type = 'text';
    input.id = id;
    input.autocomplete = 'off';
    input.spellcheck = false;
    input.dataset.hint = 'characters-hint';
    input.setAttribute('aria-describedby', 'characters-hint');
    field.append(label, error, input);
    holder.append(field);
  });
  byId<HTMLFieldSetElement>('characters-fieldset').hidden = characters.length === 0;
}

function showFiles(files: readonly { name: string; bytes: Uint8Array }[]) {
  for (const link of fileList.querySelectorAll<HTMLAnchorElement>('a[href^="blob:"]')) URL.revokeObjectURL(link.href);
  fileList.replaceChildren(
    ...files.map((file) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([file.bytes as BlobPart]));
      link.download = file.name;
      link.textContent = file.name;
      const size = document.createElement('span');
      size.className = 'download-detail';
      size.textContent = ` ${Math.max(1, Math.round(file.bytes.length / 1024))} KB`;
      item.append(link, size);
      return item;
    }),
  );
  byId<HTMLElement>('files').hidden = files.length === 0;
}

/**
 * The render worker: in a built site, the bundle `pshe build` publishes beside
 * this page (src/pipeline/render-worker-bundle.ts); under `pshe dev`, its
 * source, which Vite serves module by module. The address is not a literal
 * in `new URL(…)`, so the site's own build leaves the worker to `pshe build`.
 */
function startWorker(here: URL): Worker {
  const source = './render-worker.ts';
  // MODE, not DEV: DEV follows NODE_ENV, which may be anything in the shell that runs `pshe build`.
  const dev = import.meta.env.MODE === 'development';
  const url = dev ? new URL(source, import.meta.url) : new URL('worker/render-worker.js', here);
  return new Worker(url, { type: 'module' });
}

async function start() {
  const id = new URLSearchParams(location.search).get('lesson');
  if (!id || !/^[a-z0-9][a-z0-9-]*$/.test(id)) {
    progress.textContent = 'Open this page from a lesson’s “Make it ours” link to choose the lesson.';
    return;
  }
  const here = new URL('./', location.href);
  const response = await fetch(new URL(`lessons/${id}.json`, here));
  if (!response.ok) {
    progress.textContent = 'There is no lesson of that name on this site.';
    return;
  }
  const data = (await response.json()) as PersonaliseData;
  byId<HTMLParagraphElement>('lesson-title').textContent = `For the lesson “${data.lesson.title}”.`;
  characterInputs(data.characters);
  for (const input of form.querySelectorAll<HTMLInputElement>('input[aria-describedby]')) {
    input.dataset.hint ??= input.getAttribute('aria-describedby') ?? '';
  }
  form.hidden = false;
  schoolExtras = data.schoolExtras ?? '';

  const kept = recall();
  if (kept) {
    fillSchool(kept.school);
    data.characters.forEach((name, index) => {
      const typed = kept.names[data.lesson.id]?.[name];
      if (typed) byId<HTMLInputElement>(`character-${index}`).value = typed;
    });
    remember.checked = true;
  }

  byId<HTMLInputElement>('school-file').addEventListener('change', async (event) => {
    clearErrors();
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    let values: unknown;
    try {
      values = parse(await file.text());
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      return showErrors([{ input: 'school-file', message: `${file.name} could not be read as YAML: ${reason}` }]);
    }
    if (!values || typeof values !== 'object' || Array.isArray(values)) {
      return showErrors([
        { input: 'school-file', message: `${file.name} is not a school profile (name: …, dslContact: …)` },
      ]);
    }
    const loaded = values as Record<string, unknown>;
    fillSchool(loaded);
    // Its local services come along as they are; its logo is a file beside it, which this page cannot read.
    const { logo, ...rest } = Object.fromEntries(
      Object.entries(loaded).filter(([key]) => !(schoolFields as readonly string[]).includes(key)),
    );
    schoolExtras = Object.keys(rest).length ? stringify(rest) : '';
    progress.textContent =
      logo === undefined
        ? `Filled in from ${file.name}.`
        : `Filled in from ${file.name}. Its logo is not used on this page: pshe build still uses it.`;
  });

  byId<HTMLButtonElement>('save-school').addEventListener('click', () => {
    clearErrors();
    const school = schoolYaml();
    if (!school) return showErrors([{ input: 'school-name', message: 'Type the school’s details before saving them' }]);
    offer('school.yaml', school.text);
    progress.textContent = 'school.yaml is saved: give it to pshe build --school, or load it here next time.';
  });

  // Unticked: forgotten at once, not at the next click on Make the files.
  remember.addEventListener('change', () => {
    if (!remember.checked) keep(undefined);
  });

  byId<HTMLButtonElement>('forget').addEventListener('click', () => {
    keep(undefined);
    remember.checked = false;
    schoolExtras = data.schoolExtras ?? '';
    for (const input of form.querySelectorAll<HTMLInputElement>('input[type="text"]')) input.value = input.defaultValue;
    progress.textContent = 'Forgotten: nothing you typed is kept on this device.';
  });

  let assets: Promise<[AssetName, Uint8Array][]> | undefined;
  let worker: Worker | undefined;
  let next = 1;
  /** The run under way: Stop, or a new click, makes every earlier run's later steps do nothing. */
  let current = 0;
  const stop = () => {
    current++;
    worker?.terminate();
    worker = undefined;
    cancel.hidden = true;
    make.disabled = false;
  };
  cancel.addEventListener('click', () => {
    stop();
    progress.textContent = 'Stopped. No files were made.';
    make.focus();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    const school = schoolYaml();
    const { renames, errors } = renamesFrom(data.characters);
    if (errors.length) return showErrors(errors);
    if (remember.checked) {
      const kept = recall() ?? { school: {}, names: {} };
      kept.school = Object.fromEntries(
        schoolFields.map((field) => [field, byId<HTMLInputElement>(`school-${field}`).value.trim()]),
      );
      kept.names[data.lesson.id] = renames;
      keep(kept);
    } else keep(undefined);
    stop();
    const run = current;
    cancel.hidden = false;
    // Focus to Stop before Make is disabled, so the keyboard is never left nowhere.
    cancel.focus();
    make.disabled = true;
    showFiles([]);
    progress.textContent = 'Making the files on this device…';
    try {
      // The renderers' fonts, templates and licences: fetched once, from this site only.
      assets ??= Promise.all(
        (Object.keys(assetFiles) as AssetName[]).map(
          async (name) => [name, await fetchBytes(new URL(`assets/${name}.bin`, here))] as [AssetName, Uint8Array],
        ),
      );
      // A failed fetch is tried again next time, not remembered.
      assets.catch(() => (assets = undefined));
      const fetched = await assets;
      if (run !== current) return;
      const request: RenderRequest = {
        id: next++,
        lesson: data.lesson,
        library: data.library,
        assets: fetched,
        images: data.images.map(([key, image]) => [key, { ...image, bytes: bytesOf(image.bytes), file: '' }]),
        versions: data.versions,
        school: school?.text,
        renames,
        sourceDateEpoch: data.sourceDateEpoch,
      };
      worker = startWorker(here);
      const started = worker;
      const reply = await new Promise<RenderReply>((resolve, reject) => {
        started.onmessage = (message: MessageEvent<RenderReply>) => resolve(message.data);
        started.onerror = (error) => reject(new Error(error.message || 'the worker stopped'));
        started.postMessage(request);
      });
      if (run !== current || reply.id !== request.id) return;
      stop();
      make.focus();
      if ('error' in reply) throw new Error(reply.error);
      if (!reply.files.length) {
        progress.textContent = 'Nothing was made: check the details above.';
        const names = (reply.nameProblems ?? []).map(({ name, message }) => ({
          input: `character-${data.characters.indexOf(name)}`,
          message,
        }));
        return showErrors([...names, ...schoolErrors(reply.diagnostics, school?.lineOf ?? new Map())]);
      }
      const failed = reply.diagnostics.filter((d) => d.severity === 'error');
      if (failed.length) {
        // As `pshe build` stops on a file it cannot make, nothing is offered: a pack without it would mislead.
        progress.textContent = `The files could not be made: ${failed.map((d) => d.message).join(' ')}`;
        return;
      }
      showFiles(reply.files);
      progress.textContent = `${reply.files.length} files are ready below.`;
      byId<HTMLElement>('files-title').focus();
    } catch (error) {
      if (run !== current) return;
      stop();
      make.focus();
      progress.textContent = `The files could not be made: ${error instanceof Error ? error.message : String(error)}.`;
    }
  });
}

start().catch((error: unknown) => {
  progress.textContent = `This page could not start: ${error instanceof Error ? error.message : String(error)}.`;
});
