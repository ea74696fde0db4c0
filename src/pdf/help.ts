import {
  footerService as modelFooterService,
  footerServiceId,
  footerWords,
  inSchoolWords,
  lessonHelp,
  notInTrouble,
  outsideSchool,
  type HelpService,
} from '../lesson/help.ts';
import type { Audience } from '../lesson/types.ts';
import { box } from './callouts.ts';
import { reportLesson } from './diagnostics.ts';
import { paragraph, plain } from './text.ts';
import { serviceList } from './signposts.ts';
import type { PdfContext, RenderRun, Run } from './types.ts';

/** The help model's footer service for a reader; a missing one is reported (the footer then names only the DSL). */
function footerService(run: RenderRun, audience: Audience): HelpService | undefined {
  const service = modelFooterService(run.library, audience);
  const id = footerServiceId(audience);
  if (!service)
    reportLesson(run, `The help service \`${id}\` is missing from signposts.yaml, so page footers name only the DSL`);
  return service;
}

/**
 * The help line at the foot of every page: the school's DSL, then Childline
 * (pupils) or the NSPCC Helpline (staff and parents). Contact details come
 * from signposts.yaml, never typed here.
 */
export function footerRuns(run: RenderRun, audience: Audience): Run[] {
  const { dsl } = lessonHelp(run.lesson, run.library);
  const words = footerWords(dsl, audience, footerService(run, audience));
  return [plain(words.lead, 'bold'), plain(words.inSchool), ...(words.outside ?? []).map((text) => plain(text))];
}

/** "Where to get help": in school (the DSL), then outside school (the lesson's services), in a tinted box. */
export function helpSection(ctx: PdfContext, audience: Audience, label?: string): void {
  const { run } = ctx;
  const help = lessonHelp(run.lesson, run.library);
  const { dsl } = help;
  box(ctx, 'help', {
    label,
    render: (inner) => {
      const inSchool = inSchoolWords(dsl, audience);
      paragraph(inner, [plain('In school: ', 'bold'), plain(inSchool)]);
      inner.doc.y += inner.theme.blockGap * 0.6;
      paragraph(inner, [plain('Outside school:', 'bold')]);
      inner.doc.y += inner.theme.blockGap * 0.3;
      serviceList(inner, outsideSchool(help, run.library, audience));
      if (audience === 'pupils') {
        inner.doc.y += inner.theme.blockGap * 0.6;
        paragraph(inner, notInTrouble, { face: 'bold' });
      }
    },
  });
}
