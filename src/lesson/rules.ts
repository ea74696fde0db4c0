import type { DiagnosticSource, Severity } from './types.ts';

interface RuleInfo {
  severity: Severity;
  source: DiagnosticSource;
  description: string;
}

/**
 * Every rule `pshe check` reports, by permanent id. Ids never change meaning,
 * so people can search for them; `docs/rules.md` is generated from this table.
 */
export const rules = {
  'file-unreadable': { severity: 'error', source: 'yaml', description: 'The file could not be read.' },
  'file-too-large': { severity: 'error', source: 'yaml', description: 'The file is over 1 MB.' },
  'file-not-utf8': { severity: 'error', source: 'yaml', description: 'The file is not UTF-8 text.' },
  'file-empty': { severity: 'error', source: 'yaml', description: 'The file has no content.' },
  'yaml-syntax': { severity: 'error', source: 'yaml', description: 'The YAML cannot be parsed.' },
  'yaml-tab-indent': { severity: 'error', source: 'yaml', description: 'Tabs are used for indentation.' },
  'yaml-duplicate-key': { severity: 'error', source: 'yaml', description: 'A key appears twice in one mapping.' },
  'yaml-alias-limit': {
    severity: 'error',
    source: 'yaml',
    description: 'YAML aliases expand to too much data (an "alias bomb").',
  },
  'yaml-not-mapping': {
    severity: 'error',
    source: 'yaml',
    description: 'The file is not the expected mapping (or, for signposts, list).',
  },
  'schema-type': { severity: 'error', source: 'schema', description: 'A value has the wrong type.' },
  'schema-required': { severity: 'error', source: 'schema', description: 'A required field is missing.' },
  'schema-unknown-key': { severity: 'error', source: 'schema', description: 'A key the format does not know.' },
  'schema-value': { severity: 'error', source: 'schema', description: 'A value is not one of the allowed values.' },
  'schema-format': { severity: 'error', source: 'schema', description: 'A value has the wrong format.' },
  'schema-size': { severity: 'error', source: 'schema', description: 'A value or list is too short or too long.' },
  'content-guidance-locked': {
    severity: 'error',
    source: 'safety',
    description: "Oak's locking codes (n/…) are not allowed: such content is not for PSHE Kit lessons.",
  },
  'content-guidance-toxic': {
    severity: 'error',
    source: 'safety',
    description: "Oak's toxic codes (t/…) are not allowed.",
  },
  'pupil-key-stage-required': { severity: 'error', source: 'safety', description: 'A pupil lesson needs `keyStage`.' },
  'pupil-dsl-notes-required': { severity: 'error', source: 'safety', description: 'A pupil lesson needs `dslNotes`.' },
  'pupil-signposts-required': { severity: 'error', source: 'safety', description: 'A pupil lesson needs `signposts`.' },
  'pupil-outcome-i-can': {
    severity: 'warning',
    source: 'safety',
    description: 'A pupil learning outcome should start "I can".',
  },
  'self-harm-supervision': {
    severity: 'error',
    source: 'safety',
    description: '`x/self-harm-mentioned` needs supervision level 3 or 4.',
  },
  'self-harm-signpost': {
    severity: 'error',
    source: 'safety',
    description: '`x/self-harm-mentioned` needs a mental-health signpost (samaritans, shout or papyrus).',
  },
  'year-group-key-stage': {
    severity: 'error',
    source: 'schema',
    description: 'A year group is outside the key stage.',
  },
  'timing-over': {
    severity: 'error',
    source: 'schema',
    description: 'The timed parts add up to more than `durationInMinutes`.',
  },
  'timing-under': {
    severity: 'warning',
    source: 'schema',
    description: 'The timed parts add up to less than three quarters of `durationInMinutes`.',
  },
  'review-date-passed': { severity: 'warning', source: 'safety', description: '`reviewDate` has passed.' },
  'signpost-stale': {
    severity: 'warning',
    source: 'safety',
    description: 'A help service was last verified over 12 months ago.',
  },
  'signpost-unknown': { severity: 'error', source: 'library', description: 'A signpost id is not in signposts.yaml.' },
  'signpost-duplicate-id': {
    severity: 'error',
    source: 'library',
    description: 'Two help services share an id.',
  },
  'lesson-duplicate-id': { severity: 'error', source: 'library', description: 'Two lessons share an id.' },
  'lesson-id-reserved': { severity: 'error', source: 'library', description: 'The lesson id `units` is reserved.' },
  'lesson-id-invalid': {
    severity: 'error',
    source: 'library',
    description: 'A lesson file name is not a valid id.',
  },
  'unit-missing-lesson': {
    severity: 'error',
    source: 'library',
    description: "A unit's `lessons` names a lesson that does not exist in its folder.",
  },
  'unit-lesson-not-listed': {
    severity: 'error',
    source: 'library',
    description: "A lesson is missing from its unit's `lessons`.",
  },
  'unit-file-missing': { severity: 'error', source: 'library', description: 'A unit folder has no unit.yaml.' },
  'library-not-found': {
    severity: 'error',
    source: 'library',
    description: 'The folder is not a library (no signposts.yaml).',
  },
  'library-empty': { severity: 'error', source: 'library', description: 'The library has no lessons.' },
  'unfinished-placeholder': {
    severity: 'error',
    source: 'library',
    description: 'The lesson still has placeholders from `pshe new`.',
  },
  'markdown-unknown-directive': {
    severity: 'error',
    source: 'markdown',
    description: 'A directive PSHE Kit does not know.',
  },
  'markdown-directive-attribute': {
    severity: 'error',
    source: 'markdown',
    description: 'A directive attribute that is unknown or has a bad value.',
  },
  'markdown-directive-kind': {
    severity: 'error',
    source: 'markdown',
    description: 'A directive written with the wrong number of colons.',
  },
  'markdown-raw-html': { severity: 'error', source: 'safety', description: 'Raw HTML in markdown.' },
  'link-not-https': { severity: 'error', source: 'safety', description: 'A link that is not https.' },
  'link-unsafe-scheme': {
    severity: 'error',
    source: 'safety',
    description: 'A `javascript:` or `data:` link.',
  },
  'image-remote': { severity: 'error', source: 'safety', description: 'An image loaded from another host.' },
  'image-alt-missing': { severity: 'error', source: 'safety', description: 'An image without alt text.' },
  'image-not-found': {
    severity: 'error',
    source: 'library',
    description: 'An image file that does not exist, or a school logo that is missing or not a PNG or JPEG.',
  },
  'file-outside-library': {
    severity: 'error',
    source: 'safety',
    description: 'A lesson or unit file is a link to a file outside the library folder.',
  },
  'image-outside-library': {
    severity: 'error',
    source: 'safety',
    description:
      "An image (or a link to one) resolves outside the library folder, or the school logo outside the profile's folder.",
  },
  'image-not-a-file': {
    severity: 'error',
    source: 'library',
    description: 'An image or logo names a folder or a device, not a file.',
  },
  'image-path-invalid': {
    severity: 'error',
    source: 'library',
    description: 'An image path cannot be read as a file name (a bad %-escape).',
  },
  'image-too-large': {
    severity: 'error',
    source: 'safety',
    description: 'An image file is over the size limit in bytes or pixels (see Limits).',
  },
  'image-too-many': {
    severity: 'error',
    source: 'safety',
    description: 'A lesson shows more images than the limit (see Limits).',
  },
  'yaml-too-deep': {
    severity: 'error',
    source: 'yaml',
    description: 'Lists and mappings are nested deeper than the limit (see Limits).',
  },
  'yaml-too-large': {
    severity: 'error',
    source: 'yaml',
    description: 'A YAML file holds more keys and list items than the limit (see Limits).',
  },
  'markdown-too-deep': {
    severity: 'error',
    source: 'markdown',
    description: 'Markdown lists, quotes or directives are nested deeper than the limit (see Limits).',
  },
  'word-too-long': {
    severity: 'error',
    source: 'markdown',
    description: 'A word is longer than the limit (see Limits); it could not be laid out on a page.',
  },
  'table-too-large': {
    severity: 'error',
    source: 'markdown',
    description: 'A table has more rows or columns than the limit (see Limits).',
  },
  'list-too-long': {
    severity: 'error',
    source: 'markdown',
    description: 'A markdown list has more items than the limit (see Limits).',
  },
  'diagnostics-truncated': {
    severity: 'warning',
    source: 'yaml',
    description: 'A file has more problems than are reported for one file (see Limits); fix these and check again.',
  },
  'control-character': {
    severity: 'error',
    source: 'yaml',
    description:
      'A control character (other than tab and new line), such as the vertical tab Word pastes for Shift+Enter.',
  },
  'glyph-missing': {
    severity: 'warning',
    source: 'render',
    description:
      "A character the PDFs' fonts cannot draw (an emoji, a script the fonts lack): it would print as a blank.",
  },
  'unit-id-invalid': {
    severity: 'error',
    source: 'library',
    description: 'A unit folder name is not an id (lower case words joined by hyphens).',
  },
  'slide-too-long': {
    severity: 'warning',
    source: 'render',
    description: 'A slide holds more text than fits; it will be split.',
  },
  'render-adjusted': {
    severity: 'warning',
    source: 'render',
    description:
      'A download was made, but some content had to be changed to fit (a table shrunk, an image replaced by its description).',
  },
  'render-failed': {
    severity: 'error',
    source: 'render',
    description: 'A download could not be rendered from this lesson.',
  },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof rules;
