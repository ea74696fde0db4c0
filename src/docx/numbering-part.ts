import type { IXmlableObject } from 'docx';
import { declaration, elementXml } from './write-xml.ts';

/*
 * The numbering part (word/numbering.xml), written as docx writes it but
 * for the list definitions, which are written once a thread. docx writes
 * every definition again for every document: its own default bullets and
 * PSHE Kit's bullets and numbers, nine and four levels each, about 12 KB of
 * XML and a tenth of a lesson's two documents. A document's definitions
 * depend only on which lists it defines, in order (ids are given in that
 * order), and on what each was given, so they are kept by those. Only the
 * lists' instances (`w:num`) are written for each document.
 */

/** A component docx prepares for writing. */
interface Writable {
  prepForXml(context: unknown): IXmlableObject | undefined;
}

/** What this file reads of docx's `Numbering` (not in docx's public types). */
interface NumberingInside {
  root?: readonly Writable[];
  abstractNumberingMap?: ReadonlyMap<string, Writable>;
  concreteNumberingMap?: ReadonlyMap<string, Writable>;
  /** Each list's levels as they were given (docx's own default bullets are not here: they are docx's constants). */
  referenceConfigMap?: ReadonlyMap<string, unknown>;
}

type Format = (component: Writable, context: unknown) => IXmlableObject;

/** The numbering element's attributes and the list definitions, as XML, by the lists' names in order. */
const written = new Map<string, { open: string; definitions: string }>();

/** Whether docx's numbering is as this file expects to find it. */
export function canWriteNumbering(numbering: unknown): boolean {
  const inside = numbering as NumberingInside | undefined;
  return (
    inside?.abstractNumberingMap instanceof Map &&
    inside.concreteNumberingMap instanceof Map &&
    inside.referenceConfigMap instanceof Map &&
    Array.isArray(inside.root) &&
    typeof inside.root[0]?.prepForXml === 'function'
  );
}

/** word/numbering.xml for a document written in full but for its numbering (which `canWriteNumbering` took). */
export function writeNumbering(numbering: unknown, format: Format, context: unknown): string {
  const inside = numbering as Required<NumberingInside>;
  // The lists by name, in order (ids follow it), and what each was given: a definition that one day depends on
  // the school (a bullet in its colour) is then kept apart, not given to another school's documents.
  const key = JSON.stringify([[...inside.abstractNumberingMap.keys()], [...inside.referenceConfigMap]]);
  let kept = written.get(key);
  if (!kept) {
    // `{ _attr }`: the element's attributes, written on an element of the same name to borrow the writer's quoting.
    const attributes = format(inside.root[0], context);
    const open = elementXml({ 'w:numbering': attributes } as IXmlableObject).replace(/\/>$/, '>');
    let definitions = '';
    for (const definition of inside.abstractNumberingMap.values())
      definitions += elementXml(format(definition, context));
    if (written.size >= 64) written.clear();
    written.set(key, (kept = { open, definitions }));
  }
  let instances = '';
  for (const instance of inside.concreteNumberingMap.values()) instances += elementXml(format(instance, context));
  const content = kept.definitions + instances;
  return declaration(true) + (content ? `${kept.open}${content}</w:numbering>` : kept.open.replace(/>$/, '/>'));
}
