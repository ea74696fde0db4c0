import type { School } from '../lesson/types.ts';
import { fillInRow } from './answer-lines.ts';
import type { PdfContext } from './types.ts';

/** The texts that end a letter home, from its template (templates/parent-letter.yaml, invitation-letter.yaml). */
export interface LetterEnding {
  signoff: string;
  signedBy: string;
  signature: string;
}

/**
 * How both letters home end (the letter to parents and carers and the
 * invitation): "Yours faithfully," then, with a school profile, who signs it
 * (the profile's `signOff`, when set) above the school's name; without one,
 * lines to fill in by hand (signed, name, role), never a name the school
 * never gave ("The PSHE team"). `text` prints a template text with the
 * letter's values filled in (`{signOff}` among them).
 */
export function signLetter(
  ctx: PdfContext,
  school: School | undefined,
  template: LetterEnding,
  text: (ctx: PdfContext, source: string) => void,
): void {
  text(ctx, template.signoff);
  if (school) {
    if (school.signOff) text(ctx, template.signedBy);
    text(ctx, template.signature);
    return;
  }
  fillInRow(ctx, [{ label: 'Signed', share: 1 }]);
  fillInRow(ctx, [
    { label: 'Name', share: 1.2 },
    { label: 'Role', share: 1 },
  ]);
}
