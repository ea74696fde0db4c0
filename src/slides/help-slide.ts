import type { Paragraph, RootContent } from 'mdast';
import { dslWords, genericDsl, lessonHelp, notInTrouble, slideServices, type DslRoute } from '../lesson/help.ts';
import type { Lesson, Library } from '../lesson/types.ts';
import { list, paragraph, signpost, strong, text } from './mdast-build.ts';
import { positionOf } from './source-lines.ts';
import type { Slide } from './types.ts';

/** "In school": the school's DSL by name and how to reach them, or the generic wording without a profile. */
function inSchool(dsl: DslRoute | undefined): Paragraph {
  if (!dsl) return paragraph(strong('In school: '), text(`talk to ${genericDsl}, or any adult in school you trust.`));
  return paragraph(strong('In school: '), text(`talk to ${dslWords(dsl, { atSchool: false })}. ${dsl.contact}`));
}

/**
 * The last slide of every deck: where to get help, in school (the DSL) and
 * outside (the lesson's signposts, as `:signpost[id]` nodes that each renderer
 * shows as name and contact). Pupils are told they will not be in trouble.
 */
export function helpSlide(lesson: Lesson, library: Library): Slide {
  const help = lessonHelp(lesson, library);
  const services = slideServices(help, library);
  const body: RootContent[] = [inSchool(help.dsl)];
  if (services.length)
    body.push(paragraph(strong('Outside school:')), list(services.map((service) => paragraph(signpost(service.id)))));
  if (lesson.audience === 'pupils') body.push(paragraph(notInTrouble));
  const at = lesson.signposts?.length ? positionOf(lesson, 'signposts') : undefined;
  return {
    kind: 'help',
    title: 'Where to get help',
    body,
    notes: [
      paragraph(
        'Leave this slide up at the end. If anyone tells you something worrying: listen, do not promise to keep it secret, write down their words, and pass it to the Designated Safeguarding Lead today.',
      ),
    ],
    section: 'Where to get help',
    ...(at ? { at } : {}),
  };
}
