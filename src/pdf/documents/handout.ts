import { handoutOutline } from '../../documents/handout.ts';
import { footerRuns } from '../help.ts';
import { drawOutline } from '../outline.ts';
import { largePrintTheme, standardTheme } from '../theme.ts';
import type { RenderRun } from '../types.ts';
import { finishDocument, startDocument } from './setup.ts';

export interface HandoutOptions {
  /** Large print: every piece of text at least 16 pt, more space (default: false). */
  largePrint?: boolean;
}

/**
 * The pupil's (or participant's) handout, as src/documents/handout.ts lists
 * it. Drawn with the participant handler map, so `:::teacher` notes are never drawn.
 */
export async function renderHandout(run: RenderRun, options: HandoutOptions = {}): Promise<Uint8Array> {
  const outline = handoutOutline(run.lesson, run.library, options);
  const accent = run.library.school?.accentColour;
  const { ctx, furniture } = startDocument(run, {
    theme: options.largePrint ? largePrintTheme(accent) : standardTheme(accent),
    reader: outline.reader,
    title: outline.title,
    subject: outline.subject,
    footer: footerRuns(run, outline.footer),
  });
  drawOutline(ctx, outline.blocks);
  return finishDocument(ctx, furniture);
}
