import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Image } from 'mdast';
import { reportNode } from './diagnostics.ts';
import { ensureSpace } from './layout.ts';
import { paragraph } from './text.ts';
import type { PdfContext } from './types.ts';

const isJpeg = (bytes: Uint8Array) => bytes[0] === 0xff && bytes[1] === 0xd8;
const isPng = (bytes: Uint8Array) => bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;

/** Read an image next to the lesson; undefined (with the reason) when it cannot be used offline. */
function load(ctx: PdfContext, url: string): { bytes?: Uint8Array; problem?: string } {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
    return { problem: `The image \`${url}\` is not a file next to the lesson; PDFs only use local images` };
  }
  const file = path.resolve(ctx.baseDir, decodeURI(url.split(/[?#]/)[0]));
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    return { problem: `The image \`${url}\` was not found next to the lesson` };
  }
  if (!isJpeg(bytes) && !isPng(bytes)) return { problem: `The image \`${url}\` is not a PNG or JPEG file` };
  return { bytes };
}

/**
 * An image in a Figure element with its alt text and bounding box, scaled to
 * the frame and at most half a page high. An image that cannot be placed is
 * reported, and its alt text printed in its place.
 */
export function figure(ctx: PdfContext, node: Image): void {
  const { doc, frame, theme } = ctx;
  const alt = node.alt?.trim() || '';
  const { bytes, problem } = load(ctx, node.url);
  if (!bytes) {
    reportNode(ctx, node, `${problem}; its description is printed instead`);
    paragraph(ctx, `[Image: ${alt || 'no description'}]`, { face: 'italic', colour: theme.colours.muted });
    return;
  }
  const image = (doc as unknown as { openImage(src: Uint8Array): { width: number; height: number } }).openImage(bytes);
  const maxHeight = (doc.page.maxY() - doc.page.margins.top) / 2;
  const scale = Math.min(frame.width / image.width, maxHeight / image.height, 1);
  const width = image.width * scale;
  const height = image.height * scale;
  ensureSpace(ctx, height);
  const y = doc.y;
  const element = doc.struct('Figure', {
    alt: alt || 'Image',
    bbox: [frame.x, y, frame.x + width, y + height],
    placement: 'Block',
  } as PDFKit.Mixins.StructureElementOptions);
  ctx.parent.add(element);
  element.add(() => doc.image(bytes as unknown as Buffer, frame.x, y, { width, height }));
  element.end();
  doc.y = y + height;
  if (node.title) {
    doc.y += theme.blockGap * 0.4;
    paragraph(ctx, node.title, { size: theme.size.small, colour: theme.colours.muted, structType: 'Caption' });
  }
  doc.x = frame.x;
}
