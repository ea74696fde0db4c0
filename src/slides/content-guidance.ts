// The labels live with the lesson model, shared by every output.
export type { ContentGuidanceCode } from '../lesson/labels.ts';
export { contentGuidanceLabel, contentGuidanceLabels, supervisionLabel, supervisionLabels } from '../lesson/labels.ts';
