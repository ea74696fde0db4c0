import type { Image } from 'mdast';
import { readLessonImage } from '../image-file.ts';
import { reportNode } from './diagnostics.ts';
import { ensureSpace } from './layout.ts';
import { paragraph } from './text.ts';
import type { PdfContext } from './types.ts';

/**
 * An image in a Figure element with its alt text and bounding box, scaled to
 * the frame and at most half a page high. An image that cannot be placed is
 * reported, and its alt text printed in its place.
 */
export function figure(ctx: PdfContext, node: Image): void {
  const { doc, frame, theme } = ctx;
  const alt = node.alt?.trim() || '';
  const { image: loaded, problem } = readLessonImage(ctx.baseDir, node.url);
  const bytes = loaded?.bytes;
  if (!bytes) {
    reportNode(ctx, node, `${problem}; its description is printed instead`);
    paragraph(ctx, `[Image: ${alt || 'no description'}]`, { face: 'italic', colour: theme.colours.muted });
    return;
  }
  // Opened once: `doc.image` takes the opened image as it is, instead of parsing the bytes again.
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
  element.add(() => doc.image(image as unknown as Buffer, frame.x, y, { width, height }));
  element.end();
  doc.y = y + height;
  if (node.title) {
    doc.y += theme.blockGap * 0.4;
    paragraph(ctx, node.title, { size: theme.size.small, colour: theme.colours.muted, structType: 'Caption' });
  }
  doc.x = frame.x;
}
