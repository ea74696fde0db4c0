import type { Image } from 'mdast';
import { readLessonImage } from '#images';
import { reportNode } from './diagnostics.ts';
import { ensureSpace } from './layout.ts';
import { drawImage, openImage, type PdfImage } from './pdfkit-internals/index.ts';
import { paragraph } from './text.ts';
import type { PdfContext } from './types.ts';

export type { PdfImage };

/**
 * Open a PNG or JPEG for `doc.image`, with any pixels pdfkit needs decoded
 * now (pdfkit-internals/png-pixels.ts), so that it is embedded where it is
 * drawn and the document can end. Throws if the image cannot be read.
 */
export function openPdfImage(doc: PdfContext['doc'], bytes: Uint8Array): PdfImage {
  return openImage(doc, bytes);
}

/**
 * An image in a Figure element with its alt text and bounding box, scaled to
 * the frame and at most half a page high. An image that cannot be placed is
 * reported, and its alt text printed in its place.
 */
export function figure(ctx: PdfContext, node: Image): void {
  const { doc, frame, theme } = ctx;
  const alt = node.alt?.trim() || '';
  // At the edge (`#images`): in Node through the library's gate again, inside the library, a regular file,
  // within the limits (never bytes from outside).
  const { image: loaded, problem } = readLessonImage(ctx.run.lesson, node.url);
  const bytes = loaded?.bytes;
  if (!bytes) {
    reportNode(ctx, node, `${problem}; its description is printed instead`);
    paragraph(ctx, `[Image: ${alt || 'no description'}]`, { face: 'italic', colour: theme.colours.muted });
    return;
  }
  let image: PdfImage;
  try {
    image = openPdfImage(ctx.doc, bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    reportNode(
      ctx,
      node,
      `The image \`${node.url}\` could not be read (${reason}); its description is printed instead`,
    );
    paragraph(ctx, `[Image: ${alt || 'no description'}]`, { face: 'italic', colour: theme.colours.muted });
    return;
  }
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
  element.add(() => drawImage(doc, image, frame.x, y, { width, height }));
  element.end();
  doc.y = y + height;
  if (node.title) {
    doc.y += theme.blockGap * 0.4;
    paragraph(ctx, node.title, { size: theme.size.small, colour: theme.colours.muted, structType: 'Caption' });
  }
  doc.x = frame.x;
}
