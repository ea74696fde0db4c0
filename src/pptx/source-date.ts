/** The build's one reproducible date lives in src/source-date.ts; re-exported here for src/pptx's callers. */
export { FIXED_DATE, sourceDate, w3cdtf } from '../source-date.ts';
