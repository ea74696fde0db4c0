/**
 * What one library may hold: every cap on untrusted input, in one place.
 * Each is chosen well above what a real lesson needs (the starter library's
 * largest values are noted) and is reported as a located error that names
 * the limit; `docs/rules.md` lists them, generated from this table.
 */
export interface Limit {
  value: number;
  unit: string;
  /** What is counted, as docs/rules.md words it. */
  what: string;
  /** The rule that reports it. */
  rule: string;
}

export const limits = {
  // lessons/ and examples/library, December 2026: largest file 43 KB, nesting 6 levels,
  // 400 keys and items, markdown nesting 2, tables 3 rows × 2 columns, lists 9 items,
  // longest word 69 characters (a `:signpost[…]` with its punctuation), longest markdown field 3,383.
  fileBytes: { value: 1024 * 1024, unit: 'bytes', what: 'size of one YAML file', rule: 'file-too-large' },
  yamlDepth: { value: 24, unit: 'levels', what: 'nesting of lists and mappings in a YAML file', rule: 'yaml-too-deep' },
  yamlKeys: {
    value: 5000,
    unit: 'keys and items',
    what: 'keys and list items in one YAML file',
    rule: 'yaml-too-large',
  },
  markdownDepth: {
    value: 12,
    unit: 'levels',
    what: 'nesting of lists, quotes and directives in one markdown field',
    rule: 'markdown-too-deep',
  },
  markdownLength: {
    value: 30_000,
    unit: 'characters',
    // micromark merges text events with a splice per run (quadratic): one 450 KB paragraph took 3 s;
    // a 1 MB file of 30,000-character fields checks in about 1.3 s.
    what: 'length of one markdown field',
    rule: 'schema-size',
  },
  idLength: {
    value: 80,
    unit: 'characters',
    what: 'a lesson id or unit folder name (it names files: `<id>-slides-with-notes.pdf` must fit a file system)',
    rule: 'lesson-id-invalid',
  },
  textLength: {
    value: 1000,
    unit: 'characters',
    what: 'one plain-text value (a key learning point, a definition, a quiz answer, a source; shipped maximum 281)',
    rule: 'schema-size',
  },
  contactLength: {
    value: 300,
    unit: 'characters',
    what: "a help service's or the school's contact details, ages, audience or hours (printed on every page; shipped maximum 119)",
    rule: 'schema-size',
  },
  localServices: {
    value: 30,
    unit: 'services',
    what: "local help services in the school's profile (each printed in the DSL briefing)",
    rule: 'schema-size',
  },
  nameLength: {
    value: 100,
    unit: 'characters',
    what: "a help service's, the school's or the DSL's name (shipped maximum 57)",
    rule: 'schema-size',
  },
  emphasisMarks: {
    value: 400,
    unit: 'marks',
    what: 'emphasis marks (`*` and `_`) in one markdown field (shipped maximum 68)',
    rule: 'markdown-too-deep',
  },
  wordLength: {
    value: 150,
    unit: 'characters',
    what: 'length of one word (a run of text without spaces)',
    rule: 'word-too-long',
  },
  tableRows: { value: 60, unit: 'rows', what: 'rows of one table', rule: 'table-too-large' },
  tableColumns: { value: 10, unit: 'columns', what: 'columns of one table', rule: 'table-too-large' },
  listItems: { value: 100, unit: 'items', what: 'items of one markdown list', rule: 'list-too-long' },
  imageBytes: {
    value: 5 * 1024 * 1024,
    unit: 'bytes',
    what: 'size of one image file (lesson image or logo)',
    rule: 'image-too-large',
  },
  imagePixels: {
    value: 16_000_000,
    unit: 'pixels',
    what: 'width × height of one image, read from its header',
    rule: 'image-too-large',
  },
  imageSide: { value: 8000, unit: 'pixels', what: 'width or height of one image', rule: 'image-too-large' },
  imageUses: {
    value: 20,
    unit: 'images',
    what: 'images shown in one lesson (each use counts)',
    rule: 'image-too-many',
  },
  diagnosticsPerFile: {
    value: 50,
    unit: 'problems',
    what: 'problems reported for one file (errors first; the rest are counted)',
    rule: 'diagnostics-truncated',
  },
} as const satisfies Record<string, Limit>;

export type LimitName = keyof typeof limits;
