/**
 * What a control character is, how to find one and how to take it out: the
 * loader reports them (checks/control-characters.ts) and the renderers strip
 * them as defence in depth. A leaf, so a renderer that strips them does not
 * pull in the rules and their fixtures (which touch the file system) in a
 * browser bundle.
 */

/**
 * Every control character that is an error: C0 except tab (U+0009) and new
 * line (U+000A), and DEL; and what XML cannot hold at all, so a Word document
 * or a PowerPoint with it will not open: the noncharacters U+FFFE and U+FFFF,
 * and half of a character (a surrogate without its pair).
 */
export const CONTROL_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const controlGlobal = new RegExp(CONTROL_CHARACTERS.source, 'g');

const names: Record<number, string> = {
  0x00: 'null',
  0x07: 'bell',
  0x08: 'backspace',
  0x0b: 'vertical tab, which Word pastes for Shift+Enter',
  0x0c: 'form feed, a page break pasted from Word',
  0x0d: 'carriage return',
  0x1b: 'escape',
  0x7f: 'delete',
  0xfffe: 'a noncharacter, which documents cannot hold',
  0xffff: 'a noncharacter, which documents cannot hold',
};

/** `U+000B (vertical tab, …)`: how a message names a control character. */
export function describeControl(code: number): string {
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  const surrogate = code >= 0xd800 && code <= 0xdfff ? 'half of a character, without its other half' : undefined;
  return `U+${hex} (${names[code] ?? surrogate ?? 'a control character'})`;
}

/** Offsets of the control characters in `text`, at most `max` of them, and how many there are in all. Linear. */
export function findControls(text: string, max: number): { offsets: number[]; total: number } {
  const offsets: number[] = [];
  let total = 0;
  controlGlobal.lastIndex = 0;
  for (let match = controlGlobal.exec(text); match; match = controlGlobal.exec(text)) {
    total++;
    if (offsets.length < max) offsets.push(match.index);
  }
  return { offsets, total };
}

/**
 * Any character that may be one of them: a plain character class, which V8 scans
 * many times faster than the pattern above with its look-arounds (a Word
 * document's 100 KB of XML is scanned in a tenth of the time).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const mayBeControl = /[\u0000-\u0008\u000b-\u001f\u007f\ufffe\uffff\ud800-\udfff]/;

/** `text` without the control characters that are errors (renderers' defence in depth). */
export function stripControls(text: string): string {
  return mayBeControl.test(text) && CONTROL_CHARACTERS.test(text) ? text.replace(controlGlobal, '') : text;
}
