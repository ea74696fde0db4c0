import {
  dslWords,
  footerService as modelFooterService,
  footerServiceId,
  lessonHelp,
  outsideSchool,
  type HelpService,
} from '../lesson/help.ts';
import type { Audience } from '../lesson/types.ts';
import { box } from './callouts.ts';
import { reportLesson } from './diagnostics.ts';
import { paragraph, plain } from './text.ts';
import { serviceLine, serviceList } from './signposts.ts';
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
  const service = footerService(run, audience);
  const outside = service ? [plain(' Outside school: '), plain(`${serviceLine(service)}.`)] : [];
  if (audience === 'pupils') {
    const inSchool = dsl
      ? `talk to ${dslWords(dsl)}: ${withoutFullStop(dsl.contact)}.`
      : `talk to any member of staff, or ${dslWords(dsl)}.`;
    return [plain('Need help? ', 'bold'), plain(`In school, ${inSchool}`), ...outside];
  }
  const inSchool = dsl ? `tell ${dslWords(dsl)} at ${dsl.school}.` : `tell ${dslWords(dsl)}.`;
  return [plain('Worried about a child? ', 'bold'), plain(`In school, ${inSchool}`), ...outside];
}

const withoutFullStop = (text: string) => text.replace(/\.$/, '');

/** "Where to get help": in school (the DSL), then outside school (the lesson's services), in a tinted box. */
export function helpSection(ctx: PdfContext, audience: Audience, label?: string): void {
  const { run } = ctx;
  const help = lessonHelp(run.lesson, run.library);
  const { dsl } = help;
  box(ctx, 'help', {
    label,
    render: (inner) => {
      const inSchool =
        audience === 'pupils'
          ? dsl
            ? `Talk to ${dslWords(dsl)}: ${withoutFullStop(dsl.contact)}. You can also talk to any member of staff you trust.`
            : `Talk to any member of staff you trust, or ${dslWords(dsl)}.`
          : dsl
            ? `Tell ${dslWords(dsl)} at ${dsl.school}${dsl.deputy ? ` (deputy: ${dsl.deputy})` : ''}.`
            : `Tell ${dslWords(dsl)}.`;
      paragraph(inner, [plain('In school: ', 'bold'), plain(inSchool)]);
      inner.doc.y += inner.theme.blockGap * 0.6;
      paragraph(inner, [plain('Outside school:', 'bold')]);
      inner.doc.y += inner.theme.blockGap * 0.3;
      serviceList(inner, outsideSchool(help, run.library, audience));
      if (audience === 'pupils') {
        inner.doc.y += inner.theme.blockGap * 0.6;
        paragraph(inner, 'You will not be in trouble for asking for help.', { face: 'bold' });
      }
    },
  });
}
