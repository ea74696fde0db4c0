/**
 * Text is text: C0 control characters other than tab and new line, and DEL,
 * have no place in a lesson. Word pastes a vertical tab (U+000B) for
 * Shift+Enter, and one in a title made the PowerPoint invalid. They are found
 * in the file's text and, for YAML escapes such as "\v" or "\x1b", in the
 * parsed keys and values.
 */
import { rules } from '../rules.ts';
import { describeControl } from '../control-pattern.ts';

export { CONTROL_CHARACTERS, describeControl, findControls, stripControls } from '../control-pattern.ts';

/** The message for a control character, the same wherever it is found (its wording is the rule's). */
export function controlMessage(code: number, where = 'the text'): string {
  return rules['control-character'].message(describeControl(code), where);
}
