/**
 * What the render worker runs, loaded by it once the page has handed over the
 * installed versions (the patches in src/pdf/pdfkit-internals check them as
 * their modules load): the school profile's check, the lesson checker, the renaming, and every
 * lesson's and unit's file renderer, as `pshe build` runs them.
 */
export { nameGlyphProblem } from '../lesson/name-glyphs.ts';
export { renameCharacters } from '../lesson/rename.ts';
export { readSchoolProfile } from '../lesson/school-profile.ts';
export { approvalDay } from '../lesson/unit-approval.ts';
export { lessonPackFileName } from '../outputs.ts';
export { renderLessonFiles } from '../pipeline/render-downloads.ts';
export { renderUnitFiles } from '../pipeline/render-unit-files.ts';
export { unknownServices } from './unknown-services.ts';
export { checkLessonModel, loadLessonText } from '../check/check-text.ts';
export { lessonPreview } from '../preview/lesson-preview.ts';
