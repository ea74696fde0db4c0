import type { Audience, Signpost } from '../lesson/types.ts';
import { box } from './callouts.ts';
import { reportLesson } from './diagnostics.ts';
import { paragraph, plain } from './text.ts';
import { dslWords, findService, serviceLine, serviceList } from './signposts.ts';
import type { PdfContext, RenderRun, Run } from './types.ts';

/** The service every footer names besides the DSL: Childline for pupils, the NSPCC Helpline for adults (design.md). */
export const footerServiceId = (audience: Audience) => (audience === 'pupils' ? 'childline' : 'nspcc-helpline');

function footerService(run: RenderRun, audience: Audience): Signpost | undefined {
  const id = footerServiceId(audience);
  const service = findService(run.library, id);
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
  const school = run.library.school;
  const service = footerService(run, audience);
  const outside = service ? [plain(' Outside school: '), plain(`${serviceLine(service)}.`)] : [];
  if (audience === 'pupils') {
    const inSchool = school
      ? `talk to ${dslWords(run.library)}: ${school.dslContact.replace(/\.$/, '')}.`
      : `talk to any member of staff, or ${dslWords(run.library)}.`;
    return [plain('Need help? ', 'bold'), plain(`In school, ${inSchool}`), ...outside];
  }
  const inSchool = school ? `tell ${dslWords(run.library)} at ${school.name}.` : `tell ${dslWords(run.library)}.`;
  return [plain('Worried about a child? ', 'bold'), plain(`In school, ${inSchool}`), ...outside];
}

/** The services a "where to get help" section lists: the lesson's, with the footer's service first. */
export function helpServiceIds(run: RenderRun, audience: Audience): string[] {
  const ids = [footerServiceId(audience), ...(run.lesson.signposts ?? [])];
  return [...new Set(ids)].filter((id) => findService(run.library, id));
}

/** "Where to get help": in school (the DSL), then outside school (the lesson's services), in a tinted box. */
export function helpSection(ctx: PdfContext, audience: Audience, label?: string): void {
  const { run } = ctx;
  const school = run.library.school;
  box(ctx, 'help', {
    label,
    render: (inner) => {
      const inSchool =
        audience === 'pupils'
          ? school
            ? `Talk to ${dslWords(run.library)}: ${school.dslContact.replace(/\.$/, '')}. You can also talk to any member of staff you trust.`
            : `Talk to any member of staff you trust, or ${dslWords(run.library)}.`
          : school
            ? `Tell ${dslWords(run.library)} at ${school.name}${school.deputyDsl ? ` (deputy: ${school.deputyDsl})` : ''}.`
            : `Tell ${dslWords(run.library)}.`;
      paragraph(inner, [plain('In school: ', 'bold'), plain(inSchool)]);
      inner.doc.y += inner.theme.blockGap * 0.6;
      paragraph(inner, [plain('Outside school:', 'bold')]);
      inner.doc.y += inner.theme.blockGap * 0.3;
      serviceList(inner, helpServiceIds(run, audience));
      if (audience === 'pupils') {
        inner.doc.y += inner.theme.blockGap * 0.6;
        paragraph(inner, 'You will not be in trouble for asking for help.', { face: 'bold' });
      }
    },
  });
}
