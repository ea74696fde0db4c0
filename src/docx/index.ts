import { handoutOutline } from '../documents/handout.ts';
import { lessonPlanOutline } from '../documents/lesson-plan.ts';
import type { Lesson, Library } from '../lesson/types.ts';
import { renderDocx, type DocxOptions } from './render-docx.ts';

export { normaliseDocx, type DocxOptions } from './render-docx.ts';

/** The handout as a Word document: what the PDF handout holds, in Word's styles, to edit. */
export function renderHandoutDocx(lesson: Lesson, library: Library, options: DocxOptions = {}): Promise<Uint8Array> {
  return renderDocx(lesson, library, handoutOutline(lesson, library), options);
}

/** The lesson plan as a Word document: what the PDF plan holds, in Word's styles, to edit. */
export function renderLessonPlanDocx(lesson: Lesson, library: Library, options: DocxOptions = {}): Promise<Uint8Array> {
  return renderDocx(lesson, library, lessonPlanOutline(lesson, library), options);
}
