import type { Element, ElementContent } from 'hast';
import type { Heading, Image, Link, LinkReference, ListItem, Nodes as MdastNodes } from 'mdast';
import { defaultHandlers } from 'mdast-util-to-hast';
import type { Handler, Handlers, State } from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import type { RenderContext } from './context.ts';
import { directiveHandlers } from './directives.ts';
import type { Directive } from './directives.ts';
import { decorateLink, isExternal } from './links.ts';

/** Dropped on purpose; listed so nothing disappears without a reason. */
const ignore: Handler = () => undefined;

function asElement(result: ReturnType<Handler>): Element | undefined {
  return result && !Array.isArray(result) && result.type === 'element' ? result : undefined;
}

/** Links: https ones leave the site visibly; any other absolute address is reported and kept as text. */
function link(context: RenderContext, base: Handler): Handler {
  return (state, node: Link | LinkReference, parent) => {
    const element = asElement(base(state, node, parent));
    if (!element) return undefined;
    const href = typeof element.properties.href === 'string' ? element.properties.href : '';
    if (isExternal(href) && !/^(https|mailto|tel):/i.test(href)) {
      context.report(node, `The link \`${href}\` is not https, so it is shown as text only.`);
      return element.children;
    }
    return decorateLink(element);
  };
}

/** Headings move down by `headingOffset` so they sit under the page's own headings. */
function heading(context: RenderContext): Handler {
  return (state, node: Heading) => {
    const depth = Math.min(6, node.depth + context.headingOffset) as Heading['depth'];
    return defaultHandlers.heading(state, { ...node, depth });
  };
}

/** Images are files next to the lesson: the page gets the address `resolveImage` gives, or no image and a report. */
function image(context: RenderContext): Handler {
  return (state, node: Image) => {
    const src = context.resolveImage?.(node.url);
    if (!src) {
      context.report(node, `The image \`${node.url}\` could not be placed on the page; its alt text is shown instead.`);
      return node.alt ? { type: 'text', value: `[${node.alt}]` } : undefined;
    }
    return defaultHandlers.image(state, { ...node, url: src });
  };
}

/** GFM task items: the checkbox is named by the item's text (axe `label`). */
const listItem: Handler = (state, node: ListItem, parent) => {
  const element = asElement(defaultHandlers.listItem(state, node, parent));
  if (!element || typeof node.checked !== 'boolean') return element;
  const box = findInput(element.children);
  if (box) {
    const first = node.children[0];
    const label = (first ? toString(first) : '').trim() || 'Task';
    box.properties.ariaLabel = label;
  }
  return element;
};

function findInput(children: ElementContent[]): Element | undefined {
  for (const child of children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'input') return child;
    const inner = findInput(child.children);
    if (inner) return inner;
  }
  return undefined;
}

function directive(context: RenderContext): Handler {
  return (state: State, node: Directive) => {
    const handle = directiveHandlers[context.view][node.name];
    if (!handle) {
      context.report(node, `Unknown directive \`${node.name}\`; its content is shown without a box.`);
      return node.type === 'textDirective' ? state.all(node) : state.wrap(state.all(node), true);
    }
    return handle(state, node, context);
  };
}

/**
 * The handler map for one render, keyed by mdast node type (mdast-util-to-hast's shape).
 * Anything not listed here goes to mdast-util-to-hast's defaults or to {@link unknownHandler}.
 */
export function createHandlers(context: RenderContext): Handlers {
  const onDirective = directive(context);
  return {
    containerDirective: onDirective,
    leafDirective: onDirective,
    textDirective: onDirective,
    heading: heading(context),
    link: link(context, defaultHandlers.link),
    linkReference: link(context, defaultHandlers.linkReference),
    listItem,
    image: image(context),
    imageReference: (_state, node: MdastNodes) => {
      context.report(node, 'Image references are not supported; write the image inline, as ![alt](file.png).');
      return undefined;
    },
    // Raw HTML is an error in `pshe check`; should any slip through, it is dropped and reported.
    html: (_state, node: MdastNodes) => {
      context.report(node, 'Raw HTML is not allowed in lessons and was left out.');
      return undefined;
    },
    yaml: ignore,
  } as Handlers;
}

/** A node type no handler knows: report it, then keep its text so nothing vanishes. */
export function unknownHandler(context: RenderContext): Handler {
  return (state, node: MdastNodes) => {
    context.report(node, `Unexpected \`${node.type}\` in the lesson; its text is shown as it is.`);
    if ('children' in node) return state.all(node);
    if ('value' in node && typeof node.value === 'string') return { type: 'text', value: node.value };
    return undefined;
  };
}
