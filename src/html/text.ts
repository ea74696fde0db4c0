import type { Element, ElementContent, Properties } from 'hast';

/** A hast element; a small helper so handlers read like the HTML they make. */
export function h(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

/** A hast text node. */
export function t(value: string): ElementContent {
  return { type: 'text', value };
}

/** Text that screen readers announce but that is not shown, such as "(external site)". */
export function visuallyHidden(value: string): Element {
  return h('span', { className: ['visually-hidden'] }, [t(value)]);
}
