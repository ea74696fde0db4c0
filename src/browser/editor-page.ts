import { autocompletion } from '@codemirror/autocomplete';
import { indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { SLUG } from '../lesson/slug.ts';
import { limits } from '../limits.ts';
import { directiveNames } from '../markdown/directive-spec.ts';
import { assetFiles, type AssetName } from '../platform/asset-files.ts';
import type { EditorData } from '../site/lib/editor-data.ts';
import { byId } from './dom.ts';
import { keepDraft, recallDraft, type Draft } from './editor-draft.ts';
import { startFiles } from './editor-files.ts';
import { showPreview, startTabs } from './editor-preview.ts';
import { problemsOutOfDate, showProblems } from './editor-problems.ts';
import { clearErrors, showErrors } from './error-summary.ts';
import { fetchBytes, fetchJson, fetchText } from './fetch-site.ts';
import { RenderClient } from './render-client.ts';
import { fieldHelpAt, schemaCompletions, schemaHover, type SchemaNode } from './schema-help.ts';
import { startRenderWorker } from './worker-url.ts';

/**
 * `/editor/`: a lesson's YAML in CodeMirror, checked as you type by the
 * checker `pshe check` runs (`checkLessonText`), in the site's render worker,
 * against what the site publishes of its library; its problems
 * (editor-problems.ts), its preview (editor-preview.ts), its files
 * (editor-files.ts) and its draft (editor-draft.ts). Nothing is sent anywhere.
 */

/** After the last keystroke, this long before the check runs. */
const PAUSE_MS = 150;
/** A check that takes longer is stopped, and the worker started again; the first also loads the checker. */
const CHECK_LIMIT_MS = 5000;
const FIRST_CHECK_LIMIT_MS = 30_000;

const status = byId<HTMLParagraphElement>('editor-status');
const idInput = byId<HTMLInputElement>('lesson-id');
const unitSelect = byId<HTMLSelectElement>('lesson-unit');

/**
 * The editor's frame, in the site's colours (its own styles, as the site's style sheet cannot reach a
 * shadow root). Its height is the window's, less room for the controls, and it scrolls inside:
 * grown to the lesson's length (15,000 pixels for a long one), it put Problems, the preview and the
 * files screens away from the line being typed, and the page's scrolling threw off CodeMirror's own
 * (Find stopped short of the match). The keyboard reaches every line by moving the cursor.
 */
const editorLook = EditorView.theme({
  '&': {
    height: 'min(75vh, 60rem)',
    border: '2px solid var(--line-strong)',
    borderRadius: 'var(--radius)',
    background: 'var(--surface)',
    color: 'var(--ink)',
    fontSize: '0.95rem',
  },
  '&.cm-focused': { outline: '3px solid var(--focus, #1d4ed8)', outlineOffset: '2px' },
  '.schema-hover': { padding: '0.4rem 0.6rem', maxWidth: '32rem', lineHeight: '1.4' },
});

/** What the page says of a copy of the lesson `title`: before and after it has an id of its own. */
const copyWords = (title: string, ownId: boolean) =>
  ownId
    ? `A copy of “${title}”, with an id of its own. When you put the file in its unit folder, add the id to that unit’s unit.yaml.`
    : `A copy of “${title}”. Give it a new id before you add it to the library.`;

async function start() {
  const here = new URL('./', location.href);
  const site = new URL('../', here);
  const data = await fetchJson<EditorData>(new URL('library.json', here));
  if (!data) throw new Error('the site’s library could not be fetched');
  const assets = await Promise.all(
    (Object.keys(assetFiles) as AssetName[]).map(
      async (name) =>
        [name, await fetchBytes(new URL(`personalise/assets/${name}.bin`, site))] as [AssetName, Uint8Array],
    ),
  );
  const schema = (await fetchJson<SchemaNode>(new URL('lesson.schema.json', here))) ?? {};
  const help = {
    schema,
    signposts: [...data.site.signposts, ...(data.site.school?.localServices ?? [])].map((service) => service.id),
    directives: directiveNames,
  };
  const template = new TextDecoder().decode(assets.find(([name]) => name === 'templates/lesson.yaml')![1]);
  const client = new RenderClient(() => startRenderWorker(site));
  client.prepare(data.versions, assets);

  // What the page opens with: the draft kept here of this copy (or of a new lesson), else a copy of
  // ?from=<id>, else a new lesson.
  const from = new URLSearchParams(location.search).get('from');
  const source = from && SLUG.test(from) ? data.lessons.find((lesson) => lesson.id === from) : undefined;
  /** Whose draft this page keeps: the copied lesson's, or (after Start a new lesson, or a file opened) the new lesson's. */
  let draftOf = source?.id;
  let opening: Draft = { text: template, id: 'new-lesson', unit: data.site.units[0]?.id ?? 'lessons' };
  let said = 'A new lesson from the template: replace every TODO.';
  if (source) {
    const text = await fetchText(new URL(`lessons/${source.id}.yaml`, here));
    if (text !== undefined) {
      opening = { text, id: source.id, unit: source.path.split('/')[0] };
      said = copyWords(source.title, false);
    }
  } else if (from) said = 'There is no lesson of that name on this site: here is a new one instead.';
  const draft = recallDraft(draftOf);
  if (draft) {
    opening = draft;
    said = 'Your draft is back, as you left it. Discard draft to start again.';
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Kept as a draft only once something is changed here (or the page opened with one), until discarded. */
  let edited = draft !== undefined;
  let discarded = false;
  let keeping: ReturnType<typeof setTimeout> | undefined;
  /** The draft as it is now, kept when something was changed; said when the browser will not keep it. */
  function keepNow() {
    clearTimeout(keeping);
    if (!edited || discarded) return;
    const kept = keepDraft(draftOf, {
      text: view.state.doc.toString(),
      id: idInput.value.trim(),
      unit: unitSelect.value,
    });
    if (!kept) {
      status.textContent =
        'This browser would not keep your draft (its storage is full or turned off): use Download YAML to keep your work.';
    }
  }
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
        // A .yaml file dropped on the editor is opened, as Open a lesson file opens it. Handled here,
        // before CodeMirror's own drop (which would paste the file's text where it fell).
        EditorView.domEventHandlers({
          dragover: (event) => {
            event.preventDefault();
            return false;
          },
          drop: (event) => {
            const file = event.dataTransfer?.files[0];
            if (!file) return false;
            event.preventDefault();
            void openFile(file);
            return true;
          },
        }),
        editorLook,
        // In the tab order, said as such: the box scrolls inside the page, and the keyboard scrolls it from here.
        EditorView.contentAttributes.of({ 'aria-label': 'Lesson YAML', tabindex: '0' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) changed();
          if (update.docChanged || update.selectionSet) sayFieldHelp(update.state);
        }),
      ],
    }),
  });
  // "Esc, then Tab" is said with the editor: an id cannot reach out of the shadow root, an element can.
  (view.contentDOM as unknown as { ariaDescribedByElements: Element[] }).ariaDescribedByElements = [
    byId('editor-keys'),
  ];
  idInput.value = opening.id;
  unitSelect.value = opening.unit;
  byId<HTMLDivElement>('editor-page').hidden = false;
  status.textContent = said;

  /** What the field on the cursor's line is, under the editor: the hover's words, for the keyboard too. */
  let helpShown = '';
  function sayFieldHelp(state: EditorState) {
    const text = fieldHelpAt(state, state.selection.main.head, help)?.text ?? '';
    if (text === helpShown) return;
    helpShown = text;
    byId<HTMLParagraphElement>('field-help').textContent = text;
  }

  /** The lesson's id as typed, when it is one; the file's path in the library. */
  const idOf = () => (SLUG.test(idInput.value.trim()) ? idInput.value.trim() : 'new-lesson');
  const pathOf = () => `${unitSelect.value}/${idOf()}.yaml`;

  /** Said at the id: a lesson of the site has this path already, or the id is not one. */
  function noteId() {
    const typed = idInput.value.trim();
    const note = byId<HTMLParagraphElement>('lesson-id-note');
    // Ids are one library-wide (lessons take their id from their file's name), not one a unit.
    const taken = data!.lessons.find((lesson) => lesson.id === typed);
    const text = !SLUG.test(typed)
      ? 'Not an id yet: lower case letters and digits, with hyphens.'
      : taken
        ? `Taken: this site’s lesson “${taken.title}” has this id. Give the copy a new one before you add it to the library.`
        : '';
    // The note is the field's description (read when it takes focus) and a polite live region (read
    // when the verdict changes). Written only when it changes: a text node replaced by the same
    // words is announced again by some screen readers, at every keystroke.
    if (note.textContent !== text) note.textContent = text;
    // The page's opening words for a copy ("give it a new id") follow the id once it has one of its own.
    if (source && status.textContent?.startsWith(`A copy of “${source.title}”`)) {
      const words = copyWords(source.title, !taken && SLUG.test(typed));
      if (status.textContent !== words) status.textContent = words;
    }
  }

  /** One check at a time; text changed meanwhile is checked when it ends (only the latest). */
  let running = false;
  let again = false;
  let first = true;
  async function check() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    const text = view.state.doc.toString();
    const allowed = first ? FIRST_CHECK_LIMIT_MS : CHECK_LIMIT_MS;
    const limit = setTimeout(() => {
      client.stop();
      // The new worker loads the checker again: its first check has the longer limit.
      first = true;
      problemsOutOfDate(
        view,
        `Not checked: the check took over ${allowed / 1000} seconds and was stopped. Shorten the part you last changed; it is checked again as you type.`,
      );
    }, allowed);
    try {
      const result = await client.check({
        path: pathOf(),
        text,
        site: data!.site,
        today: new Date().toISOString().slice(0, 10),
        preview: true,
      });
      if (!result) return;
      first = false;
      if ('error' in result) {
        problemsOutOfDate(view, `Not checked: ${result.error}.`);
        return;
      }
      showPreview(result.preview);
      showProblems(view, result.diagnostics);
    } catch (error) {
      // The worker failed to load or crashed: the next one loads the checker again.
      first = true;
      problemsOutOfDate(view, `Not checked: ${error instanceof Error ? error.message : String(error)}.`);
    } finally {
      clearTimeout(limit);
      running = false;
      if (again) {
        again = false;
        void check();
      }
    }
  }

  function changed() {
    edited = true;
    noteId();
    // Kept a moment after the last keystroke (not when a check starts, which may be seconds later),
    // and at once when the page is left.
    clearTimeout(keeping);
    keeping = setTimeout(keepNow, 300);
    clearTimeout(timer);
    timer = setTimeout(() => void check(), PAUSE_MS);
  }

  /**
   * Whether the new lesson's draft may be replaced by `what`: asked only when there is one. A copy's
   * draft is never at risk: it stays kept under its lesson, and "Edit a copy" of it brings it back.
   */
  const mayReplace = (what: string) => {
    const atRisk = draftOf === undefined ? edited && !discarded : recallDraft(undefined) !== undefined;
    return (
      !atRisk ||
      confirm(
        `Replace your draft of a new lesson with ${what}? What you wrote there is lost. (Download YAML first to keep it.)`,
      )
    );
  };

  /** What is said of a copy left for a new lesson: where its draft is. */
  const leftCopy = () =>
    draftOf !== undefined && edited && source
      ? ` Your copy of “${source.title}” is kept: Edit a copy of it again to go back to it.`
      : '';

  /** A new lesson or a file opened: the new lesson's draft from now on, not the copied lesson's. */
  function open(draft: Draft, words: string, edit: boolean) {
    // What was typed here is kept first, under its own lesson.
    keepNow();
    draftOf = undefined;
    if (source) history.replaceState(null, '', location.pathname);
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: draft.text } });
    idInput.value = draft.id;
    unitSelect.value = draft.unit;
    status.textContent = words;
    noteId();
    // A file opened is the user's work, kept at once; the template is not, and replaces the old draft
    // (the replacing itself counted as a change above, which this undoes).
    edited = edit;
    if (edit) keepNow();
    else keepDraft(undefined, undefined);
  }

  function startNew() {
    const left = leftCopy();
    // From a copy, the new lesson's own draft, if there is one, comes back rather than being replaced.
    const kept = draftOf !== undefined ? recallDraft(undefined) : undefined;
    if (kept) open(kept, `Your draft of a new lesson is back.${left}`, true);
    else if (mayReplace('a new lesson'))
      open(
        { text: template, id: 'new-lesson', unit: unitSelect.value },
        `A new lesson from the template: replace every TODO.${left}`,
        false,
      );
  }

  async function openFile(file: File) {
    clearErrors();
    const refuse = (message: string) => showErrors([{ input: 'open-file', message }]);
    if (file.size > limits.fileBytes.value) {
      return refuse(
        `${file.name} is ${Math.ceil(file.size / 1024)} KB; a lesson file may be at most ${limits.fileBytes.value / 1024} KB`,
      );
    }
    let text: string;
    try {
      // As the loader reads a file: UTF-8 or nothing (a text editor's "Save as UTF-8" mends it).
      text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
    } catch {
      return refuse(
        `${file.name} is not saved as UTF-8 text, which pshe check needs. Save it as UTF-8 and open it again`,
      );
    }
    if (!mayReplace(file.name)) return;
    open(
      { text, id: file.name.replace(/\.ya?ml$/i, ''), unit: unitSelect.value },
      `Opened ${file.name}.${leftCopy()}`,
      true,
    );
  }

  idInput.addEventListener('input', changed);
  unitSelect.addEventListener('change', changed);
  byId<HTMLButtonElement>('new-lesson').addEventListener('click', startNew);
  byId<HTMLInputElement>('open-file').addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void openFile(file);
  });
  // Before the page is left (a tab closed, another page opened), the draft as it is that moment.
  addEventListener('pagehide', keepNow);
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
  byId<HTMLButtonElement>('discard').addEventListener('click', () => {
    // It cannot be undone: asked first (the browser's own dialog, which every screen reader knows).
    if (!confirm('Discard your draft? What you have changed here is lost, and the page starts again.')) return;
    // Nothing still waiting (a pause's check, one queued behind a slow one) may keep it again.
    discarded = true;
    clearTimeout(timer);
    keepDraft(draftOf, undefined);
    location.reload();
  });
  startFiles({
    site,
    from: source?.id ?? data.lessons[0]?.id,
    checkSite: data.site,
    versions: data.versions,
    assets,
    now: () => ({ path: pathOf(), id: idOf(), text: view.state.doc.toString() }),
  });
  startTabs();
  noteId();
  void check();
}

start().catch((error: unknown) => {
  status.textContent = `This page could not start: ${error instanceof Error ? error.message : String(error)}.`;
});
