import { setDiagnostics, type Diagnostic as EditorDiagnostic } from '@codemirror/lint';
import type { EditorState } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { problemText } from '../lesson/diagnostic-text.ts';
import type { Diagnostic } from '../lesson/types.ts';
import { byId } from './dom.ts';

/**
 * The editor's problems, shown twice: underlined in the editor, and listed in
 * the Problems region as `pshe check` prints each after its path
 * (`problemText`), each a button that puts the cursor at its place. The count
 * is said politely, and only when it changes.
 */

/** A line and column (from 1) as a place in the document, kept inside it. */
function offsetOf(state: EditorState, line: number, column: number): number {
  const at = state.doc.line(Math.min(Math.max(line, 1), state.doc.lines));
  return Math.min(at.from + Math.max(column, 1) - 1, at.to);
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

let shown = 0;

/** The rules across the library that only unit.yaml can satisfy (src/lesson/checks/library-checks.ts). */
const LIBRARY_RULES: ReadonlySet<string> = new Set(['unit-lesson-not-listed']);

export function showProblems(view: EditorView, problems: readonly Diagnostic[]): void {
  const state = view.state;
  const marks: EditorDiagnostic[] = problems.map((d) => {
    const from = offsetOf(state, d.line, d.column);
    return {
      from,
      to: Math.min(state.doc.lineAt(from).to, from + 1),
      severity: d.severity === 'error' ? 'error' : 'warning',
      message: `${d.message} [${d.ruleId}]`,
    };
  });
  view.dispatch(setDiagnostics(state, marks));
  const list = byId<HTMLUListElement>('problem-list');
  // The button that had the focus, by its text: kept on its problem if the problem is still there.
  const focused = list.contains(document.activeElement) ? document.activeElement?.textContent : undefined;
  list.replaceChildren(
    ...problems.map((d) => {
      const item = document.createElement('li');
      item.className = `problem problem-${d.severity}`;
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = problemText(d);
      button.addEventListener('click', () => {
        view.dispatch({ selection: { anchor: offsetOf(view.state, d.line, d.column) }, scrollIntoView: true });
        view.focus();
      });
      item.append(button);
      return item;
    }),
  );
  if (focused) [...list.querySelectorAll('button')].find((button) => button.textContent === focused)?.focus();
  const errors = problems.filter((d) => d.severity === 'error').length;
  const said = problems.length
    ? `${count(problems.length, 'problem')}: ${count(errors, 'error')}, ${count(problems.length - errors, 'warning')}.`
    : 'No problems: pshe check would accept this lesson.';
  // The problems a file cannot mend (its unit's list is in unit.yaml, outside this page) are said to be so.
  const unlisted = problems.some((d) => LIBRARY_RULES.has(d.ruleId));
  // The files wait only on the lesson's own errors.
  const ownErrors = problems.some((d) => d.severity === 'error' && !LIBRARY_RULES.has(d.ruleId));
  const note = byId<HTMLParagraphElement>('problem-note');
  note.hidden = !unlisted;
  note.textContent = unlisted
    ? `A lesson its unit does not list yet is a problem of the library, not of this file: add the id to the unit’s unit.yaml when you put the file in its folder.${ownErrors ? '' : ' The files can be made meanwhile.'}`
    : '';
  const counter = byId<HTMLParagraphElement>('problem-count');
  // A live region said at every pause in typing would be noise: only a new count is said.
  if (counter.textContent !== said) counter.textContent = said;
  // How many checks have been shown: what the bench waits on after a keystroke.
  byId<HTMLElement>('problems').dataset.checks = String(++shown);
}

/**
 * The problems no longer say what the text holds (the check was stopped or failed): said so, the list
 * and the underlines taken away, and the preview said to be out of date, rather than left as they were.
 */
export function problemsOutOfDate(view: EditorView, words: string): void {
  byId<HTMLParagraphElement>('problem-count').textContent = words;
  byId<HTMLUListElement>('problem-list').replaceChildren();
  byId<HTMLParagraphElement>('problem-note').hidden = true;
  view.dispatch(setDiagnostics(view.state, []));
  byId<HTMLParagraphElement>('preview-status').textContent =
    'Out of date: the lesson was not checked, so this may not be the lesson as it is now.';
}
