import { autocompletion } from '@codemirror/autocomplete';
import { indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics, type Diagnostic as EditorDiagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { SLUG } from '../lesson/slug.ts';
import type { Diagnostic } from '../lesson/types.ts';
import { limits } from '../limits.ts';
import { assetFiles, type AssetName } from '../platform/asset-files.ts';
import type { EditorData } from '../site/lib/editor-data.ts';
import type { LessonPreview } from '../preview/lesson-preview.ts';
import type { PersonaliseData } from '../site/lib/personalise-data.ts';
import { imageKey } from '../lesson/images.ts';
import type { LessonImage } from '../library-file.ts';
import { byId } from './dom.ts';
import { clearErrors, showErrors } from './error-summary.ts';
import { showFiles } from './file-links.ts';
import { bytesOf } from './personalise-storage.ts';
import { RenderClient } from './render-client.ts';
import { schemaCompletions, schemaHover, type SchemaNode } from './schema-help.ts';
import { directiveNames } from '../markdown/directive-spec.ts';

/**
 * `/editor/`: a lesson's YAML in CodeMirror, checked as you type by the
 * checker `pshe check` runs (`checkLessonText`), in the site's render worker,
 * against what the site publishes of its library. Each problem is underlined
 * and listed as `pshe check` prints it after the path; the draft is kept in
 * this browser's localStorage until discarded. Nothing is sent anywhere.
 */

const DRAFT = 'pshe-kit:editor-draft';
/** After the last keystroke, this long before the check runs. */
const PAUSE_MS = 150;
/** A check that takes longer is stopped, and the worker started again. */
const CHECK_LIMIT_MS = 5000;

interface Draft {
  text: string;
  id: string;
  unit: string;
}

const status = byId<HTMLParagraphElement>('editor-status');
const idInput = byId<HTMLInputElement>('lesson-id');
const unitSelect = byId<HTMLSelectElement>('lesson-unit');
const problemList = byId<HTMLUListElement>('problem-list');
const problemCount = byId<HTMLParagraphElement>('problem-count');

function keepDraft(draft: Draft | undefined) {
  try {
    if (draft) localStorage.setItem(DRAFT, JSON.stringify(draft));
    else localStorage.removeItem(DRAFT);
  } catch {
    // A browser that keeps nothing still checks.
  }
}

function recallDraft(): Draft | undefined {
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

async function fetchJson<T>(url: URL): Promise<T | undefined> {
  const response = await fetch(url);
  if (!response.ok) return undefined;
  try {
    return (await response.json()) as T;
  } catch {
    return undefined;
  }
}

async function fetchText(url: URL): Promise<string | undefined> {
  const response = await fetch(url);
  return response.ok ? response.text() : undefined;
}

async function fetchBytes(url: URL): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname} could not be fetched (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/** A problem as `pshe check` prints it after the file's path. */
export const problemLine = (d: Pick<Diagnostic, 'line' | 'column' | 'severity' | 'message' | 'ruleId'>) =>
  `${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.ruleId}]`;

/** A line and column (from 1) as a place in the document, kept inside it. */
function offsetOf(state: EditorState, line: number, column: number): number {
  const at = state.doc.line(Math.min(Math.max(line, 1), state.doc.lines));
  return Math.min(at.from + Math.max(column, 1) - 1, at.to);
}

/**
 * The editor's frame, in the site's colours (its own styles, as the site's style sheet cannot reach a
 * shadow root). It grows with the lesson and the page scrolls: a box that scrolls inside the page
 * would be a second place to scroll, and one the keyboard cannot reach without the editor.
 */
const editorLook = EditorView.theme({
  '&': {
    border: '2px solid var(--line-strong)',
    borderRadius: 'var(--radius)',
    background: 'var(--surface)',
    color: 'var(--ink)',
    fontSize: '0.95rem',
  },
  '&.cm-focused': { outline: '3px solid var(--focus, #1d4ed8)', outlineOffset: '2px' },
  '.schema-hover': { padding: '0.4rem 0.6rem', maxWidth: '32rem', lineHeight: '1.4' },
});

function startWorker(here: URL): Worker {
  // MODE, not DEV: DEV follows NODE_ENV (see personalise-page.ts).
  const dev = import.meta.env.MODE === 'development';
  const url = dev
    ? new URL('./render-worker.ts', import.meta.url)
    : new URL('../personalise/worker/render-worker.js', here);
  return new Worker(url, { type: 'module' });
}

async function start() {
  const here = new URL('./', location.href);
  const response = await fetch(new URL('library.json', here));
  if (!response.ok) throw new Error('the site’s library could not be fetched');
  const data = (await response.json()) as EditorData;
  const assets = await Promise.all(
    (Object.keys(assetFiles) as AssetName[]).map(
      async (name) =>
        [name, await fetchBytes(new URL(`../personalise/assets/${name}.bin`, here))] as [AssetName, Uint8Array],
    ),
  );
  const schema = (await (await fetch(new URL('lesson.schema.json', here))).json()) as SchemaNode;
  const help = {
    schema,
    signposts: [...data.site.signposts, ...(data.site.school?.localServices ?? [])].map((service) => service.id),
    directives: directiveNames,
  };
  const template = new TextDecoder().decode(assets.find(([name]) => name === 'templates/lesson.yaml')![1]);
  const client = new RenderClient(() => startWorker(here));
  client.prepare(data.versions, assets);

  // What the page opens with: the draft kept here, else a copy of ?from=<id>, else a new lesson.
  const from = new URLSearchParams(location.search).get('from');
  const source = from && SLUG.test(from) ? data.lessons.find((lesson) => lesson.id === from) : undefined;
  let opening: Draft = { text: template, id: 'new-lesson', unit: data.site.units[0]?.id ?? 'lessons' };
  let said = 'A new lesson from the template: replace every TODO.';
  if (source) {
    const text = await fetchText(new URL(`lessons/${source.id}.yaml`, here));
    if (text !== undefined) {
      opening = { text, id: source.id, unit: source.path.split('/')[0] };
      said = `A copy of “${source.title}”. Give it a new id before you add it to the library.`;
    }
  } else if (from) said = 'There is no lesson of that name on this site: here is a new one instead.';
  const draft = recallDraft();
  if (draft) {
    opening = draft;
    said = 'Your draft is back, as you left it. Discard draft to start again.';
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  let checks = 0;
  /** Kept as a draft only once something is changed here (or the page opened with one). */
  let edited = draft !== undefined;
  // In a shadow root: there CodeMirror's styles are constructed style sheets (style-mod), which the
  // site's `style-src 'self'` allows; in the document it would add <style> elements, which it refuses.
  const shadow = byId<HTMLDivElement>('editor').attachShadow({ mode: 'open' });
  const mount = document.createElement('div');
  shadow.append(mount);
  const view = new EditorView({
    root: shadow,
    parent: mount,
    state: EditorState.create({
      doc: opening.text,
      extensions: [
        basicSetup,
        keymap.of([indentWithTab]),
        yaml(),
        autocompletion({ override: [schemaCompletions(help)] }),
        schemaHover(help),
        lintGutter(),
        // Long lines of prose wrap, as in a word processor: no scrolling sideways to read a paragraph.
        EditorView.lineWrapping,
        editorLook,
        EditorView.contentAttributes.of({ 'aria-label': 'Lesson YAML', 'aria-describedby': 'editor-keys' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) {
            edited = true;
            later();
          }
        }),
      ],
    }),
  });
  idInput.value = opening.id;
  unitSelect.value = opening.unit;
  byId<HTMLDivElement>('editor-page').hidden = false;
  status.textContent = said;

  const pathOf = () => `${unitSelect.value}/${idInput.value.trim() || 'new-lesson'}.yaml`;

  let shown = 0;
  function show(problems: readonly Diagnostic[]) {
    // How many checks have been shown (with the preview, drawn just after): what the bench waits on after a keystroke.
    byId<HTMLElement>('problems').dataset.checks = String(++shown);
    const state = view.state;
    const marks: EditorDiagnostic[] = problems.map((d) => {
      const from = offsetOf(state, d.line, d.column);
      return {
        from,
        to: Math.min(state.doc.lineAt(from).to, from + 1) || from,
        severity: d.severity === 'error' ? 'error' : 'warning',
        message: `${d.message} [${d.ruleId}]`,
      };
    });
    view.dispatch(setDiagnostics(state, marks));
    problemList.replaceChildren(
      ...problems.map((d) => {
        const item = document.createElement('li');
        item.className = `problem problem-${d.severity}`;
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = problemLine(d);
        button.addEventListener('click', () => {
          const at = offsetOf(view.state, d.line, d.column);
          view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
          view.focus();
        });
        item.append(button);
        return item;
      }),
    );
    const errors = problems.filter((d) => d.severity === 'error').length;
    const warnings = problems.length - errors;
    const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    problemCount.textContent = problems.length
      ? `${count(problems.length, 'problem')}: ${count(errors, 'error')}, ${count(warnings, 'warning')}.`
      : 'No problems: pshe check would accept this lesson.';
  }

  /** The preview of a lesson with no error; the last one stays, marked out of date, while there are errors. */
  function showPreview(preview: LessonPreview | undefined) {
    const note = byId<HTMLParagraphElement>('preview-status');
    if (!preview) {
      note.textContent =
        'Out of date: the preview shows the lesson as it was before its errors. Fix them to see it again.';
      return;
    }
    note.textContent = 'Up to date: as the site, the handout and the deck show it.';
    // Sanitized HTML: the site's own renderer (src/html) made it, with its schema, in the worker.
    byId<HTMLDivElement>('panel-teacher').innerHTML = preview.teacher;
    byId<HTMLDivElement>('panel-handout').innerHTML = preview.handout;
    byId<HTMLDivElement>('panel-slides').innerHTML = preview.slides;
  }

  async function check() {
    const run = ++checks;
    const text = view.state.doc.toString();
    if (edited) keepDraft({ text, id: idInput.value.trim(), unit: unitSelect.value });
    const limit = setTimeout(() => {
      if (run !== checks) return;
      client.stop();
      status.textContent = `The check took over ${CHECK_LIMIT_MS / 1000} seconds and was stopped. Shorten the part you last changed; it runs again as you type.`;
    }, CHECK_LIMIT_MS);
    try {
      const result = await client.check({
        path: pathOf(),
        text,
        site: data.site,
        today: new Date().toISOString().slice(0, 10),
        asNewFile: true,
        preview: true,
      });
      if (run !== checks || !result) return;
      if ('error' in result) {
        status.textContent = `The lesson could not be checked: ${result.error}.`;
        return;
      }
      showPreview(result.preview);
      show(result.diagnostics);
    } finally {
      clearTimeout(limit);
    }
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(() => void check(), PAUSE_MS);
  }

  function open(text: string, id: string, words: string) {
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    idInput.value = id;
    status.textContent = words;
  }

  async function openFile(file: File) {
    clearErrors();
    if (file.size > limits.fileBytes.value) {
      return showErrors([
        {
          input: 'open-file',
          message: `${file.name} is ${Math.ceil(file.size / 1024)} KB; a lesson file may be at most ${limits.fileBytes.value / 1024} KB`,
        },
      ]);
    }
    const id = file.name.replace(/\.ya?ml$/i, '');
    open(await file.text(), id, `Opened ${file.name}.`);
  }

  const changed = () => {
    edited = true;
    later();
  };
  idInput.addEventListener('input', changed);
  unitSelect.addEventListener('change', changed);
  byId<HTMLButtonElement>('new-lesson').addEventListener('click', () =>
    open(template, 'new-lesson', 'A new lesson from the template: replace every TODO.'),
  );
  byId<HTMLInputElement>('open-file').addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void openFile(file);
  });
  view.dom.addEventListener('dragover', (event) => event.preventDefault());
  view.dom.addEventListener('drop', (event) => {
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    void openFile(file);
  });
  byId<HTMLButtonElement>('download-yaml').addEventListener('click', () => {
    clearErrors();
    const id = idInput.value.trim();
    if (!SLUG.test(id)) {
      return showErrors([
        {
          input: 'lesson-id',
          message: 'Give the lesson an id in lower case with hyphens, such as staying-safe-online',
        },
      ]);
    }
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([view.state.doc.toString()], { type: 'text/yaml' }));
    link.download = `${id}.yaml`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    status.textContent = `${id}.yaml is downloaded: put it in the ${unitSelect.value} folder and add ${id} to its unit.yaml.`;
  });
  // The files, as `pshe build` makes them, from the lesson as it is now: the site's library and the
  // images of the lesson it was copied from (under the id the copy has now), and the school's logo.
  const base = await fetchJson<PersonaliseData>(
    new URL(`../personalise/lessons/${(source ?? data.lessons[0])?.id ?? ''}.json`, here),
  );
  const filesStatus = byId<HTMLParagraphElement>('files-status');
  byId<HTMLButtonElement>('make-files').addEventListener('click', async () => {
    if (!base) {
      filesStatus.textContent =
        'The files cannot be made here: this site publishes no lesson to take its library from.';
      return;
    }
    const id = idInput.value.trim();
    const images = base.images.map(([key, image]): [string, LessonImage] => {
      const [owner, url] = key.split('\n');
      return [owner === base.lesson.id ? imageKey(id, url) : key, { ...image, bytes: bytesOf(image.bytes), file: '' }];
    });
    showFiles(byId<HTMLUListElement>('file-list'), byId<HTMLElement>('files'), []);
    filesStatus.textContent = 'Making the files on this device…';
    const made = await client.renderText({
      renderText: {
        path: pathOf(),
        text: view.state.doc.toString(),
        site: data.site,
        today: new Date().toISOString().slice(0, 10),
      },
      library: base.library,
      images,
      ...(base.sourceDateEpoch ? { sourceDateEpoch: base.sourceDateEpoch } : {}),
    });
    if (!made) return;
    if ('error' in made) {
      filesStatus.textContent = `The files could not be made: ${made.error}.`;
      return;
    }
    const errors = made.diagnostics.filter((d) => d.severity === 'error');
    if (!made.files.length || errors.length) {
      filesStatus.textContent = errors.length
        ? `The files could not be made: the lesson has ${errors.length} ${errors.length === 1 ? 'error' : 'errors'}. Fix what Problems lists first.`
        : 'The files could not be made.';
      return;
    }
    showFiles(byId<HTMLUListElement>('file-list'), byId<HTMLElement>('files'), made.files);
    filesStatus.textContent = `${made.files.length} files are ready below.`;
  });

  byId<HTMLButtonElement>('discard').addEventListener('click', () => {
    keepDraft(undefined);
    location.reload();
  });

  startTabs();
  void check();
}

/** The preview's tabs, in the ARIA tabs pattern: a click or the arrow keys choose one; Tab goes to its panel. */
function startTabs() {
  const tabs = [...document.querySelectorAll<HTMLButtonElement>('.preview-tabs [role="tab"]')];
  const choose = (chosen: HTMLButtonElement) => {
    for (const tab of tabs) {
      const selected = tab === chosen;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      byId<HTMLDivElement>(tab.getAttribute('aria-controls')!).hidden = !selected;
    }
  };
  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => choose(tab));
    tab.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      const to =
        event.key === 'Home' ? 0 : event.key === 'End' ? tabs.length - 1 : (index + step + tabs.length) % tabs.length;
      if (!step && event.key !== 'Home' && event.key !== 'End') return;
      event.preventDefault();
      choose(tabs[to]);
      tabs[to].focus();
    });
  });
}

start().catch((error: unknown) => {
  status.textContent = `This page could not start: ${error instanceof Error ? error.message : String(error)}.`;
});
