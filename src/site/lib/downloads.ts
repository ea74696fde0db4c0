import type { Lesson } from '../../lesson/types.ts';

/** One file a teacher can download for a lesson (design.md, "Outputs"). */
export interface Download {
  href: string;
  label: string;
  /** File type, shown next to the link: "PDF", "PowerPoint", "Zip". */
  kind: string;
  detail: string;
}

/** Every download of a lesson, in the order a teacher is likely to want them. */
export function lessonDownloads(lesson: Lesson): Download[] {
  const base = `/downloads/${lesson.id}/${lesson.id}`;
  const pupils = lesson.audience === 'pupils';
  const list: Download[] = [
    {
      href: `${base}-lesson-plan.pdf`,
      label: pupils ? 'Lesson plan' : 'Facilitator plan',
      kind: 'PDF',
      detail: 'Everything on this page, to print.',
    },
    {
      href: `${base}-handout.pdf`,
      label: pupils ? 'Pupil handout' : 'Participant handout',
      kind: 'PDF',
      detail: 'Activities and where to get help; no teacher notes.',
    },
    {
      href: `${base}-handout-large-print.pdf`,
      label: 'Large-print handout',
      kind: 'PDF',
      detail: 'The same handout in large print.',
    },
    { href: `${base}-slides.pdf`, label: 'Slides', kind: 'PDF', detail: 'One slide a page.' },
    {
      href: `${base}-slides-with-notes.pdf`,
      label: 'Slides with presenter notes',
      kind: 'PDF',
      detail: 'A4, each slide with its notes.',
    },
  ];
  if (pupils) {
    list.push(
      {
        href: `${base}-dsl-briefing.pdf`,
        label: 'DSL briefing',
        kind: 'PDF',
        detail: 'One page for the Designated Safeguarding Lead to approve.',
      },
      {
        href: `${base}-parent-letter.pdf`,
        label: 'Letter to parents and carers',
        kind: 'PDF',
        detail: 'Tells families what the lesson covers.',
      },
    );
  }
  list.push(
    { href: `${base}-slides.pptx`, label: 'Editable slides', kind: 'PowerPoint', detail: 'With speaker notes.' },
    {
      href: `${base}-pack.zip`,
      label: 'Complete lesson pack',
      kind: 'Zip',
      detail: 'All of the above, the lesson file and the licences.',
    },
  );
  return list;
}

/** The zip of every lesson pack in a unit. */
export const unitPackHref = (unitId: string) => `/downloads/units/${unitId}-pack.zip`;
