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
  view.dispatch(setDiagnostics(view.state, []));
  byId<HTMLParagraphElement>('preview-status').textContent =
    'Out of date: the lesson was not checked, so this may not be the lesson as it is now.';
}
