import type { IXmlableObject } from 'docx';

/*
 * XML text from the objects docx's components prepare (`prepForXml`), such as
 * `{ 'w:b': { _attr: { 'w:val': false } } }`, written as docx's own writer
 * (`stringifyXmlable`, without indenting) writes them, byte for byte, quirks
 * and all. Written here because docx's writer builds an array of pieces and a
 * description object for every element and joins them afterwards: a lesson's
 * document XML (about 110 KB in its two Word documents) took it a third of the
 * documents' time, and this one pass over the same objects about a quarter of
 * that. docx does not export its writer, so tests/docx/write-xml.test.ts
 * compares the two through docx's compiler on every shipped lesson and on
 * every shape of object the writer takes; src/docx/compile-parts.ts checks
 * them against each other again before it relies on this.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
// As docx: markup characters escaped, and the control characters XML cannot hold dropped.
// eslint-disable-next-line no-control-regex -- dropping control characters is the point
const SPECIAL = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;
// eslint-disable-next-line no-control-regex -- as above
const SPECIALS = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;

const escape = (text: string): string => (SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPES[c] ?? '') : text);

/** A value as docx writes it: strings escaped, undefined as nothing, anything else as `String` gives it. */
const valueText = (value: unknown): string =>
  typeof value === 'string' ? escape(value) : value === undefined ? '' : String(value);

const cdataText = (cdata: string) => `<![CDATA[${cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`;

/** An object's first key, as `Object.keys(object)[0]` gives it, without making the array. */
function firstKey(object: object): string | undefined {
  for (const key in object) if (Object.hasOwn(object, key)) return key;
  return undefined;
}

function attributes(attrs: Record<string, unknown>): string {
  let text = '';
  for (const key of Object.keys(attrs)) {
    const value = attrs[key];
    // An undefined attribute is written "undefined", as docx's writer does (its components leave them out first).
    text += ` ${key}="${typeof value === 'string' ? escape(value) : String(value)}"`;
  }
  return text;
}

/** One element and what it holds. */
function element(data: Record<string, unknown>): string {
  const name = firstKey(data);
  if (name === undefined) return '';
  const values = data[name];
  if (typeof values !== 'object') return `<${name}>${valueText(values)}</${name}>`;
  if (values === null) return `<${name}/>`;
  const { _attr: attr, _cdata: cdata } = values as { _attr?: Record<string, unknown>; _cdata?: string };
  let attrs = attr ? attributes(attr) : '';
  if (!Array.isArray(values)) return cdata ? `<${name}${attrs}>${cdataText(cdata)}</${name}>` : `<${name}${attrs}/>`;
  // docx's writer keeps an element's content as pieces, the last of which a string replaces: a string after a
  // child element takes that element's place. `last` is where the last piece starts.
  let content = cdata ? cdataText(cdata) : '';
  let last = content.length;
  for (const value of values as unknown[]) {
    if (typeof value === 'object' && value !== null) {
      if (firstKey(value) === '_attr') attrs += attributes((value as { _attr: Record<string, unknown> })._attr);
      else {
        last = content.length;
        content += element(value as Record<string, unknown>);
      }
    } else if (value === null) {
      // docx's writer fails on null content; so does this one.
      throw new TypeError(`Cannot write null inside <${name}>`);
    } else content = content.slice(0, last) + valueText(value);
  }
  return `<${name}${attrs}>${content}</${name}>`;
}

/** The declaration docx writes before a part's XML. */
export const declaration = (standalone: boolean): string =>
  `<?xml version="1.0" encoding="UTF-8"${standalone ? ' standalone="yes"' : ''}?>`;

/** The XML of one element, as docx writes it inside a part. */
export const elementXml = (data: IXmlableObject): string => element(data as Record<string, unknown>);

/** The XML of a part, with the declaration docx writes before it. */
export function writeXml(data: IXmlableObject, standalone: boolean): string {
  return declaration(standalone) + element(data as Record<string, unknown>);
}
