import type { Paragraph, RootContent } from 'mdast';
import type { Lesson, Library } from '../lesson/types.ts';
import { list, paragraph, signpost, strong, text } from './mdast-build.ts';
import { findSignpost } from './signpost-lookup.ts';
import { positionOf } from './source-lines.ts';
import type { Slide } from './types.ts';

/** The service to name when a lesson lists none: Childline for pupils, the NSPCC for adults (design.md). */
const fallbackSignpost = { pupils: 'childline', staff: 'nspcc-helpline', parents: 'nspcc-helpline' } as const;

/** "In school": the school's DSL by name and how to reach them, or the generic wording without a profile. */
function inSchool(library: Library): Paragraph {
  const school = library.school;
  if (!school)
    return paragraph(
      strong('In school: '),
      text("talk to your school's Designated Safeguarding Lead, or any adult in school you trust."),
    );
  const who = school.dslName
    ? `${school.dslName}, the Designated Safeguarding Lead`
    : 'the Designated Safeguarding Lead';
  return paragraph(strong('In school: '), text(`talk to ${who}. ${school.dslContact.replace(/\s+/g, ' ').trim()}`));
}

/**
 * The last slide of every deck: where to get help, in school (the DSL) and
 * outside (the lesson's signposts, as `:signpost[id]` nodes that each renderer
 * shows as name and contact). Pupils are told they will not be in trouble.
 */
export function helpSlide(lesson: Lesson, library: Library): Slide {
  const listed = lesson.signposts?.length ? lesson.signposts : [fallbackSignpost[lesson.audience]];
  const ids = listed.filter((id) => findSignpost(id, library));
  const body: RootContent[] = [inSchool(library)];
  if (ids.length) body.push(paragraph(strong('Outside school:')), list(ids.map((id) => paragraph(signpost(id)))));
  if (lesson.audience === 'pupils') body.push(paragraph('You will not be in trouble for asking for help.'));
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
