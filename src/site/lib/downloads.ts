import type { Lesson } from '../../lesson/types.ts';
import { outputFileName, outputsFor, unitPackFileName } from '../../outputs.ts';
import type { OutputKind } from '../../outputs.ts';

/** One file a teacher can download for a lesson (design.md, "Outputs"). */
export interface Download {
  href: string;
  label: string;
  /** File type, shown next to the link: "PDF", "PowerPoint", "Zip". */
  kind: OutputKind;
  detail: string;
}

/** Every download of a lesson, in the output registry's order (src/outputs.ts). */
export function lessonDownloads(lesson: Lesson): Download[] {
  return outputsFor(lesson.audience).map((output) => ({
    href: `/downloads/${lesson.id}/${outputFileName(lesson.id, output)}`,
    label: output.label[lesson.audience],
    kind: output.kind,
    detail: output.detail,
  }));
}

/** The zip of every lesson pack in a unit. */
export const unitPackHref = (unitId: string) => `/downloads/units/${unitPackFileName(unitId)}`;
