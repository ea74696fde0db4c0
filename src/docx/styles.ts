import {
  AlignmentType,
  DocumentDefaults,
  ImportedXmlComponent,
  LevelFormat,
  type INumberingOptions,
  type IStylesOptions,
  type NumberingDefinition,
} from 'docx';
import type { Theme } from '../pdf/types.ts';

/**
 * The Word documents' styles: Word's own built-in styles (Title, Heading 1–3,
 * List Bullet, List Number, Footer) and a few of PSHE Kit's, so a teacher who
 * edits the document changes a style, not one paragraph's formatting. Sizes
 * follow the PDFs' standard theme (src/pdf/theme.ts); colours come from the
 * same palette, with the school's accent.
 */

/** Word's measures: half-points for type, twips (1/20 pt) for space. */
const halfPoints = (pt: number) => Math.round(pt * 2);
const twips = (pt: number) => Math.round(pt * 20);
const hex = (colour: string) => colour.replace('#', '').toUpperCase();

/** The font the PDFs use, with a common sans-serif that Word falls back to where it is not installed. */
export const FONT = 'Atkinson Hyperlegible';

/** A4, and the PDFs' margins (src/pdf/documents/setup.ts), with room below for the footer. */
export const page = {
  width: 11906,
  height: 16838,
  margin: { top: twips(66), right: twips(58), bottom: twips(72), left: twips(58), footer: twips(24) },
};

/** The width of the text column, in twips. */
export const textWidth = page.width - page.margin.left - page.margin.right;

/** The boxes of the PDFs (callouts): each a one-cell table of its own style, with a bar down its left side. */
export type BoxStyle = 'scenario' | 'staff' | 'discuss' | 'warning' | 'help' | 'guidance' | 'quote' | 'code' | 'plain';

export const boxStyleIds: Record<BoxStyle, { id: string; name: string }> = {
  scenario: { id: 'ScenarioBox', name: 'Scenario box' },
  staff: { id: 'StaffBox', name: 'Staff note box' },
  discuss: { id: 'DiscussBox', name: 'Discussion box' },
  warning: { id: 'WarningBox', name: 'Content note box' },
  help: { id: 'HelpBox', name: 'Help box' },
  guidance: { id: 'GuidanceBox', name: 'Content guidance box' },
  quote: { id: 'QuoteBox', name: 'Quotation box' },
  code: { id: 'CodeBox', name: 'Code box' },
  plain: { id: 'NoteBox', name: 'Note box' },
};

/** A box's bar and fill, as the PDFs draw them. */
export function boxColours(colours: Theme['colours'], style: BoxStyle): { bar: string; fill: string } {
  switch (style) {
    case 'staff':
      return { bar: colours.staffBar, fill: colours.staffFill };
    case 'warning':
      return { bar: colours.warningBar, fill: colours.warningFill };
    case 'scenario':
    case 'discuss':
      return { bar: colours.accent, fill: colours.scenarioFill };
    case 'help':
    case 'guidance':
      return { bar: colours.accent, fill: colours.accentTint };
    default:
      return { bar: colours.quoteBar, fill: '#ffffff' };
  }
}

/** A table style in WordprocessingML: `docx` writes paragraph and character styles, not table styles. */
function tableStyle(id: string, name: string, body: string): ImportedXmlComponent {
  return ImportedXmlComponent.fromXmlString(
    `<w:style w:type="table" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>${body}</w:style>`,
  );
}

function tableStyles(colours: Theme['colours']): ImportedXmlComponent[] {
  const rule = hex(colours.rule);
  const cellMargins =
    '<w:tblCellMar><w:top w:w="80" w:type="dxa"/><w:left w:w="115" w:type="dxa"/><w:bottom w:w="80" w:type="dxa"/><w:right w:w="115" w:type="dxa"/></w:tblCellMar>';
  const lesson = tableStyle(
    'LessonTable',
    'Lesson table',
    `<w:tblPr>${cellMargins}<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
      .map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="${rule}"/>`)
      .join('')}</w:tblBorders></w:tblPr>` +
      `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${hex(colours.tableHeaderFill)}"/></w:tcPr></w:tblStylePr>`,
  );
  const boxes = (Object.keys(boxStyleIds) as BoxStyle[]).map((style) => {
    const { id, name } = boxStyleIds[style];
    const { bar, fill } = boxColours(colours, style);
    return tableStyle(
      id,
      name,
      `<w:tblPr><w:tblCellMar><w:top w:w="120" w:type="dxa"/><w:left w:w="200" w:type="dxa"/><w:bottom w:w="120" w:type="dxa"/><w:right w:w="200" w:type="dxa"/></w:tblCellMar>` +
        `<w:tblBorders><w:left w:val="single" w:sz="24" w:space="0" w:color="${hex(bar)}"/></w:tblBorders></w:tblPr>` +
        `<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${hex(fill)}"/></w:tcPr>`,
    );
  });
  // Word's default table style, which the styles above are based on.
  const normal = ImportedXmlComponent.fromXmlString(
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
  );
  return [normal, lesson, ...boxes];
}

function buildStyles(theme: Theme): IStylesOptions {
  const { colours, size } = theme;
  const text = hex(colours.text);
  const accent = hex(colours.accent);
  // Word's built-in Title and Heading 1–6, by their built-in names, so the navigation pane and
  // accessibility checkers know them (docx's own defaults are dropped once table styles are imported).
  const heading = (level: number, pt: number, before: number) => ({
    id: `Heading${level}`,
    name: `heading ${level}`,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { size: halfPoints(pt), bold: true, color: accent },
    paragraph: {
      spacing: { before: twips(before), after: twips(4) },
      keepNext: true,
      keepLines: true,
      outlineLevel: level - 1,
    },
  });
  // Given here in full: docx writes its own defaults (document defaults, Normal, the default table
  // style) only when it is not given styles to import, and the table styles must be imported.
  const defaults = new DocumentDefaults({
    run: { font: FONT, size: halfPoints(size.body), color: text, language: { value: 'en-GB' } },
    // `lineRule` said outright: LibreOffice reads a missing one as exact, and titles then overlap.
    paragraph: { spacing: { after: twips(6), line: 276, lineRule: 'auto' } },
  });
  return {
    characterStyles: [
      {
        id: 'Hyperlink',
        name: 'Hyperlink',
        basedOn: 'DefaultParagraphFont',
        run: { color: hex(colours.link), underline: {} },
      },
    ],
    paragraphStyles: [
      { id: 'Normal', name: 'Normal', quickFormat: true },
      {
        id: 'Title',
        name: 'Title',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: halfPoints(size.h1), bold: true },
        paragraph: { spacing: { after: twips(4) }, keepNext: true },
      },
      heading(1, size.h2, 14),
      heading(2, size.h3, 10),
      heading(3, size.h4, 8),
      heading(4, size.body, 6),
      heading(5, size.body, 6),
      heading(6, size.body, 6),
      {
        id: 'Subtitle',
        name: 'Subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { color: hex(colours.muted) },
        paragraph: { spacing: { after: twips(12) } },
      },
      {
        id: 'Kicker',
        name: 'Document kind',
        basedOn: 'Normal',
        next: 'Title',
        quickFormat: true,
        run: { size: halfPoints(size.small), bold: true, color: accent },
        paragraph: { spacing: { after: 0 }, keepNext: true },
      },
      {
        id: 'Note',
        name: 'Note',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { color: hex(colours.muted) },
      },
      {
        id: 'ListBullet',
        name: 'List Bullet',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { spacing: { after: twips(3) } },
      },
      {
        id: 'ListNumber',
        name: 'List Number',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { spacing: { after: twips(3) } },
      },
      {
        id: 'ListContinue',
        name: 'List Continue',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { indent: { left: 360 }, spacing: { after: twips(3) } },
      },
      {
        id: 'QuizOption',
        name: 'Quiz option',
        basedOn: 'Normal',
        next: 'QuizOption',
        quickFormat: true,
        paragraph: { indent: { left: 720, hanging: 360 }, spacing: { after: twips(2) } },
      },
      {
        id: 'BoxLabel',
        name: 'Box label',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { bold: true },
        paragraph: { keepNext: true },
      },
      {
        // Space to write: a ruled line that stays a line when text is typed on it; Enter gives another.
        id: 'WritingLine',
        name: 'Writing line',
        basedOn: 'Normal',
        next: 'WritingLine',
        quickFormat: true,
        paragraph: {
          spacing: { before: 0, after: 0, line: twips(theme.answerLineSpacing), lineRule: 'exact' },
          // `between` as well as `bottom`: Word draws one border round a run of paragraphs that share it, so
          // without it three lines to write on would show as one.
          border: {
            bottom: { style: 'single', size: 4, space: 1, color: hex(colours.rule) },
            between: { style: 'single', size: 4, space: 1, color: hex(colours.rule) },
          },
        },
      },
      {
        // The small empty paragraph after every table (src/docx/blocks.ts, withSpacers).
        id: 'Spacer',
        name: 'Space after a table',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: 2 },
        paragraph: { spacing: { before: 0, after: 0, line: twips(6), lineRule: 'exact' } },
      },
      {
        id: 'Caption',
        name: 'caption',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: halfPoints(size.small), color: hex(colours.muted) },
      },
      {
        id: 'Footer',
        name: 'footer',
        basedOn: 'Normal',
        run: { size: halfPoints(size.furniture), color: hex(colours.muted) },
        paragraph: { spacing: { after: 0 } },
      },
    ],
    importedStyles: [defaults, ...tableStyles(colours)],
  };
}

const indent = (level: number) => ({ left: 360 * (level + 1), hanging: 360 });

/**
 * How deep lists go in the Word documents: four levels, deeper items sit at
 * the fourth. Word allows nine; each level of each list costs markup in every
 * document, and lessons nest lists two deep at most.
 */
export const LIST_LEVELS = 4;

/** A numbered list's definition: 1., a., 1., … by level, its first item numbered `start`. */
export function numberedList(reference: string, start = 1): NumberingDefinition {
  return {
    reference,
    levels: Array.from({ length: LIST_LEVELS }, (_, level) => ({
      level,
      format: level % 2 ? LevelFormat.LOWER_LETTER : LevelFormat.DECIMAL,
      text: `%${level + 1}.`,
      start: level === 0 ? start : 1,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: indent(level) } },
    })),
  };
}

/** Bullets and numbers, four levels each: real Word lists that a teacher can extend with Enter. */
export function numbering(): INumberingOptions {
  const bullets = ['•', '◦', '▪'];
  return {
    config: [
      {
        reference: 'bullets',
        levels: Array.from({ length: LIST_LEVELS }, (_, level) => ({
          level,
          format: LevelFormat.BULLET,
          text: bullets[level % bullets.length],
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: indent(level) } },
        })),
      },
      numberedList('numbers'),
    ],
  };
}

const built = new Map<string, IStylesOptions>();

/**
 * The styles for a theme's colours, made once per accent colour: the table
 * styles are XML that docx parses, and every document of a build shares them
 * (docx only reads them when it writes a file).
 */
export function documentStyles(theme: Theme): IStylesOptions {
  const key = `${theme.name}:${theme.colours.accent}`;
  let styles = built.get(key);
  if (!styles) {
    if (built.size > 16) built.clear();
    styles = buildStyles(theme);
    built.set(key, styles);
  }
  return styles;
}
