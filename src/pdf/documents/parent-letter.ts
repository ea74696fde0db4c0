import { readLogo } from '#images';
import type { Lesson } from '../../lesson/types.ts';
import { footerRuns, helpSection } from '../help.ts';
import { openPdfImage } from '../images.ts';
import { gap } from '../layout.ts';
import { signLetter } from '../letter-signature.ts';
import { drawImage } from '../pdfkit-internals/index.ts';
import { renderBlocks, renderField } from '../render-markdown.ts';
import { bullets, section, titleBlock } from '../sections.ts';
import { fillTemplate, parentLetterTemplate } from '../templates.ts';
import { standardTheme } from '../theme.ts';
import type { PdfContext, RenderRun } from '../types.ts';
import { finishDocument, startDocument } from './setup.ts';

/** Who has the lesson, in the letter's words: "pupils in Year 7". */
function pupilsWords(lesson: Lesson): string {
  const years = lesson.yearGroups ?? [];
  if (years.length === 1) return `pupils in Year ${years[0]}`;
  if (years.length > 1) return `pupils in Years ${years.slice(0, -1).join(', ')} and ${years[years.length - 1]}`;
  if (lesson.keyStage) return `pupils in key stage ${lesson.keyStage.replace('key-stage-', '')}`;
  return "pupils in your child's class";
}

/** The school's logo at the top right, as on the school's own letters (the loader has checked the file). */
function letterhead(ctx: PdfContext, logo: string, schoolName: string) {
  const { image } = readLogo(logo);
  if (!image) return;
  const { doc, frame } = ctx;
  const opened = openPdfImage(doc, image.bytes);
  const height = Math.min(54, (image.height * 72) / 96);
  const width = Math.min(frame.width * 0.4, (image.width * height) / image.height);
  const scaled = (image.height * width) / image.width;
  const x = frame.x + frame.width - width;
  const y = doc.y;
  const element = doc.struct('Figure', {
    alt: `${schoolName} logo`,
    bbox: [x, y, x + width, y + scaled],
    placement: 'Block',
  } as PDFKit.Mixins.StructureElementOptions);
  ctx.parent.add(element);
  element.add(() => drawImage(doc, opened, x, y, { width, height: scaled }));
  element.end();
  doc.x = frame.x;
  doc.y = y + scaled + ctx.theme.blockGap;
}

/**
 * The letter to parents and carers for a pupil lesson, from
 * templates/parent-letter.yaml: what the lesson covers (the lesson's own
 * `parentLetter`), what the child will learn, that every material is
 * available on request, the right to ask for withdrawal when the lesson is sex
 * education, and how to reach the school's DSL; signed as the school's profile
 * says (`signLetter`), or with lines to sign by hand when there is none.
 */
export async function renderParentLetter(run: RenderRun): Promise<Uint8Array> {
  const { lesson, library } = run;
  const school = library.school;
  const template = parentLetterTemplate();
  const theme = standardTheme(school?.accentColour);
  const { ctx, furniture } = startDocument(run, {
    theme,
    reader: 'participant',
    title: `${lesson.title}: letter to parents and carers`,
    subject: `A letter to parents and carers about the PSHE lesson ${lesson.title}`,
    footer: footerRuns(run, 'parents'),
  });
  const values = {
    schoolName: school?.name ?? 'the school',
    lessonTitle: lesson.title,
    pupils: pupilsWords(lesson),
    dsl: school?.dslName ? `${school.dslName}, our Designated Safeguarding Lead` : 'our Designated Safeguarding Lead',
    dslContact: school?.dslContact.replace(/\.$/, '') ?? 'any member of staff can find them',
    signOff: school?.signOff ?? '',
  };
  const text = (ctx: PdfContext, source: string) => renderBlocks(ctx, fillTemplate(source, values));
  const between = () => gap(ctx);

  if (school?.logo) letterhead(ctx, school.logo, school.name);
  titleBlock(ctx, school?.name ?? 'PSHE', template.title, [`About the lesson: ${lesson.title}`]);
  text(ctx, template.greeting);
  between();
  text(ctx, template.opening);
  if (lesson.parentLetter) {
    between();
    renderField(ctx, lesson.parentLetter, 'parentLetter');
  }
  section(ctx, template.learningHeading);
  bullets(ctx, lesson.keyLearningPoints);
  between();
  text(ctx, template.materials);
  if (lesson.sexEducation) {
    between();
    text(ctx, template.withdrawal);
  }
  between();
  text(ctx, template.support);
  between();
  text(ctx, template.questions);
  between();
  signLetter(ctx, school, template, text);
  gap(ctx, theme.blockGap * 2);
  helpSection(ctx, 'parents', template.helpHeading);
  return finishDocument(ctx, furniture);
}
