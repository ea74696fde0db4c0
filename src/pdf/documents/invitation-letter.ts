import { fillInRow } from '../answer-lines.ts';
import { dslWords, footerService, lessonHelp } from '../../lesson/help.ts';
import type { HelpService } from '../../lesson/help.ts';
import { box } from '../callouts.ts';
import { footerRuns } from '../help.ts';
import { serviceList } from '../signposts.ts';
import { gap } from '../layout.ts';
import { signLetter } from '../letter-signature.ts';
import { renderBlocks, renderField } from '../render-markdown.ts';
import { bullets, section, titleBlock } from '../sections.ts';
import { fillTemplate, invitationLetterTemplate } from '../templates.ts';
import { standardTheme } from '../theme.ts';
import { paragraph, plain } from '../text.ts';
import type { PdfContext, RenderRun } from '../types.ts';
import { finishDocument, startDocument } from './setup.ts';

/**
 * Where a parent can get help now, kept short for a letter: the school's DSL,
 * the adults' helpline (the NSPCC Helpline) and the children's one (Childline)
 * from the help model, and 999 in an emergency. The session's handout lists
 * every service the session names.
 */
function helpNow(ctx: PdfContext, label: string): void {
  const { run } = ctx;
  const { dsl } = lessonHelp(run.lesson, run.library);
  const services = [footerService(run.library, 'parents'), footerService(run.library, 'pupils')].filter(
    (service): service is HelpService => Boolean(service),
  );
  box(ctx, 'help', {
    label,
    render: (inner) => {
      const inSchool = dsl
        ? `Contact ${dslWords(dsl)} at ${dsl.school}${dsl.deputy ? ` (deputy: ${dsl.deputy})` : ''}.`
        : 'Contact the school and ask for the Designated Safeguarding Lead.';
      paragraph(inner, [plain('In school: ', 'bold'), plain(inSchool)]);
      inner.doc.y += inner.theme.blockGap * 0.6;
      paragraph(inner, [plain('Outside school:', 'bold')]);
      inner.doc.y += inner.theme.blockGap * 0.3;
      serviceList(inner, services);
      inner.doc.y += inner.theme.blockGap * 0.6;
      paragraph(inner, 'If a child is in immediate danger, call 999.', { face: 'bold' });
    },
  });
}

/**
 * The invitation to a session for parents and carers, from
 * templates/invitation-letter.yaml: what the session covers and why (the
 * session's own `parentLetter`, else an invitation and its `summary`, then its learning outcome
 * and key learning points), lines for when and where, that no child is
 * discussed by name, how to see the materials beforehand, and where to get
 * help now, signed as the school's profile says (`signLetter`); without a
 * profile it ends with lines to sign, not a name the school never gave.
 */
export async function renderInvitationLetter(run: RenderRun): Promise<Uint8Array> {
  const { lesson, library } = run;
  const school = library.school;
  const template = invitationLetterTemplate();
  const theme = standardTheme(school?.accentColour);
  const { ctx, furniture } = startDocument(run, {
    theme,
    reader: 'participant',
    title: `${lesson.title}: invitation to parents and carers`,
    subject: `An invitation to parents and carers to the session ${lesson.title}`,
    footer: footerRuns(run, 'parents'),
  });
  const values = {
    schoolName: school?.name ?? 'the school',
    sessionTitle: lesson.title,
    minutes: String(lesson.durationInMinutes),
    dsl: school?.dslName ? `${school.dslName}, our Designated Safeguarding Lead,` : 'our Designated Safeguarding Lead',
    sitePath: `/lessons/${lesson.id}/`,
    signOff: school?.signOff ?? '',
  };
  const text = (inner: PdfContext, source: string) => renderBlocks(inner, fillTemplate(source, values));
  const between = () => gap(ctx);

  titleBlock(ctx, school?.name ?? 'PSHE', template.title, [lesson.title, `${lesson.durationInMinutes} minutes`]);
  text(ctx, template.greeting);
  between();
  text(ctx, template.opening);
  between();
  // The session's own words invite parents when it has them; otherwise the template does, with the summary.
  if (lesson.parentLetter) renderField(ctx, lesson.parentLetter, 'parentLetter');
  else {
    text(ctx, template.invitation);
    if (lesson.summary) {
      between();
      renderField(ctx, lesson.summary, 'summary');
    }
  }
  section(ctx, template.learningHeading);
  paragraph(ctx, lesson.learningOutcome);
  between();
  bullets(ctx, lesson.keyLearningPoints);
  section(ctx, template.whenHeading);
  fillInRow(ctx, [
    { label: 'Date', share: 1.4 },
    { label: 'Time', share: 1 },
  ]);
  fillInRow(ctx, [{ label: 'Place', share: 1 }]);
  between();
  text(ctx, template.privacy);
  between();
  text(ctx, template.materials);
  between();
  text(ctx, template.access);
  between();
  signLetter(ctx, school, template, text);
  gap(ctx, theme.blockGap * 2);
  helpNow(ctx, template.helpHeading);
  return finishDocument(ctx, furniture);
}
