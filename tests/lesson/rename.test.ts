import type { Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { characterNameProblem, lessonCharacters, scenariosOf } from '../../src/lesson/characters.ts';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import { renameCharacters } from '../../src/lesson/rename.ts';
import type { Lesson, MarkdownField } from '../../src/lesson/types.ts';
import { parseMarkdown } from '../../src/markdown/processor.ts';
import { makeLibrary } from './fixture.ts';

/**
 * A lesson that names Jay (and Sam) everywhere a name can be: a single-quoted
 * outcome, a key learning point with a possessive, the DSL notes (with a
 * typographic apostrophe), a scenario, link text, inline code, a quiz, the
 * letter home and `characters`; and words that only look like the name.
 */
const jayLesson = `title: Jay asks for help
keyStage: key-stage-3
yearGroups: [8]
durationInMinutes: 50
learningOutcome: 'I can say how Jay could get help.'
keyLearningPoints:
  - Jay's friends can help, and so can Sam.
keywords:
  - keyword: DSL
    definition: The member of staff who keeps pupils safe.
contentGuidance: [e/rshe-content]
supervisionLevel: 2
dslNotes: |
  Jay’s story is invented. If a pupil is called Jay, rename the character first.
baseline:
  activity: List adults Jay could trust.
  durationInMinutes: 5
cycles:
  - title: Trusted adults for Jay
    durationInMinutes: 40
    explanation: |
      Talk about trusted adults and :signpost[childline].

      :::scenario{name="Jay"}
      Jay is worried. Sam tells Jay to talk to a teacher. Jayden, jaywalking, O'Jay and Jay-Z stay as they are.
      :::

      Read [Jay's story](https://example.org/stories/Jay) and type \`Jay\` into the search box at https://www.example.org/Jay.
    checkForUnderstanding:
      - question: Who could Jay talk to?
        answers: [A trusted adult]
        distractors: [Nobody at all]
endpoint:
  activity: List adults again.
  durationInMinutes: 5
signposts: [childline]
parentLetter: |
  Your child will read about Jay, a made-up pupil.
characters: [Jay, Sam]
reviewDate: '2027-01-01'
`;

function loadOne(yaml: string, renames?: Record<string, string>): Lesson {
  const dir = makeLibrary({ 'unit-a/asking-for-help.yaml': yaml });
  const { library, diagnostics } = loadLibrary(dir, { today: '2026-11-26', renames });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return library.lessons[0];
}

const jay = loadOne(jayLesson);
const explanation = (lesson: Lesson) => lesson.cycles[0].explanation;
/** Every text node's value and every scenario's name of a field, joined: what a reader of it sees. */
function words(field: MarkdownField | undefined): string {
  const out: string[] = [];
  const walk = (node: Root | Root['children'][number]) => {
    if ('value' in node && node.type !== 'inlineCode') out.push(node.value);
    if (node.type === 'containerDirective') out.push(`[scenario ${node.attributes?.name ?? ''}]`);
    if ('children' in node) node.children.forEach(walk);
  };
  if (field) walk(field.tree);
  return out.join(' ');
}
const inlineCode = (field: MarkdownField) => {
  const out: string[] = [];
  const walk = (node: Root | Root['children'][number]) => {
    if (node.type === 'inlineCode') out.push(node.value);
    if ('children' in node) node.children.forEach(walk);
  };
  walk(field.tree);
  return out;
};

describe('renameCharacters', () => {
  const alex = renameCharacters(jay, { Jay: 'Alex' });

  it('should rename every whole-word use in plain fields, quizzes, DSL notes, the letter and `characters`', () => {
    expect(alex.title).toBe('Alex asks for help');
    expect(alex.learningOutcome).toBe('I can say how Alex could get help.');
    expect(alex.baseline?.activity.source).toBe('List adults Alex could trust.');
    expect(alex.cycles[0].title).toBe('Trusted adults for Alex');
    expect(alex.cycles[0].checkForUnderstanding?.[0].question).toBe('Who could Alex talk to?');
    expect(words(alex.dslNotes)).toContain('If a pupil is called Alex, rename');
    expect(words(alex.parentLetter)).toBe('Your child will read about Alex, a made-up pupil.');
    expect(alex.characters).toEqual(['Alex', 'Sam']);
  });

  it("should carry possessives over, with either apostrophe: Jay's → Alex's, Jay’s → Alex’s", () => {
    expect(alex.keyLearningPoints[0]).toBe("Alex's friends can help, and so can Sam.");
    expect(words(alex.dslNotes)).toContain('Alex’s story is invented.');
  });

  it("should rename the scenario's name and its text, and link text, but not inline code or addresses", () => {
    const [scenario] = scenariosOf(explanation(alex).tree);
    expect(scenario.name).toBe('Alex');
    const seen = words(explanation(alex));
    expect(seen).toContain('Alex is worried. Sam tells Alex to talk to a teacher.');
    expect(seen).toContain("Alex's story");
    expect(inlineCode(explanation(alex))).toEqual(['Jay']);
    expect(JSON.stringify(explanation(alex).tree)).toContain('https://example.org/stories/Jay');
    expect(seen).toContain('https://www.example.org/Jay');
  });

  it('should leave a name inside another word, a lower-case word and a hyphenated name alone', () => {
    expect(words(explanation(alex))).toContain("Jayden, jaywalking, O'Jay and Jay-Z stay as they are.");
  });

  it('should rename the YAML the pack holds, which still loads, and give the same words as the renamed model', () => {
    expect(alex.yamlSource).toContain('scenario{name="Alex"}');
    expect(alex.yamlSource).toContain('characters: [Alex, Sam]');
    expect(alex.yamlSource).toContain('https://example.org/stories/Jay');
    // A straight apostrophe in a new name is doubled in a single-quoted YAML scalar, as YAML writes it.
    const darcy = renameCharacters(jay, { Jay: "D'Arcy" });
    expect(darcy.learningOutcome).toBe("I can say how D'Arcy could get help.");
    expect(darcy.yamlSource).toContain("learningOutcome: 'I can say how D''Arcy could get help.'");
    const again = loadOne(darcy.yamlSource);
    expect(again.keyLearningPoints).toEqual(["D'Arcy's friends can help, and so can Sam."]);
    expect(again.title).toBe("D'Arcy asks for help");
    expect(again.learningOutcome).toBe(darcy.learningOutcome);
  });

  it("should rename the pack's YAML as the documents are: escapes, folded lines, doubled quotes, image files, types", () => {
    const yaml = [
      "title: 'D''Arcy and Jay'",
      'learningOutcome: "I can say how \\u004Aay could get help."',
      'characters: [Jay, Sam]',
      '# Jay is invented.',
      'summary: >',
      '  Jay goes',
      '  home.',
      'dslNotes: |',
      '  ![Jay at home](Jay.png)',
      '  Jay is invented.',
      '',
    ].join('\n');
    const lesson = { ...jay, yamlSource: yaml };
    const renamed = renameCharacters(lesson, { Jay: 'Null' }).yamlSource;
    const values = parse(renamed) as Record<string, unknown>;
    expect(values.title).toBe("D'Arcy and Null");
    expect(values.learningOutcome).toBe('I can say how Null could get help.');
    // A new name YAML would read as nothing stays text.
    expect(values.characters).toEqual(['Null', 'Sam']);
    expect(values.summary).toBe('Null goes home.\n');
    // An image file keeps its name; the picture's description is renamed.
    expect(values.dslNotes).toBe('![Null at home](Jay.png)\nNull is invented.\n');
    expect(renamed).toContain('# Null is invented.');
    expect(renamed).toContain('dslNotes: |\n  ![Null at home](Jay.png)\n  Null is invented.\n');
    expect(renamed).not.toMatch(/\bJay\b(?!\.png)/);
  });

  it('should never change the lesson it is given, and share what it did not change', () => {
    const before = JSON.stringify(jay);
    renameCharacters(jay, { Jay: 'Alex', Sam: 'Kim' });
    expect(JSON.stringify(jay)).toBe(before);
    expect(alex.keywords).toBe(jay.keywords);
    expect(alex.positions).toBe(jay.positions);
    expect(alex.cycles[0].checkForUnderstanding?.[0].answers).toBe(jay.cycles[0].checkForUnderstanding?.[0].answers);
  });

  it('should keep positions, so diagnostics still point into the file', () => {
    const [before] = scenariosOf(explanation(jay).tree);
    const [after] = scenariosOf(explanation(alex).tree);
    expect(after.node.position).toEqual(before.node.position);
    expect(after.node.position?.start.line).toBe(24);
  });

  it('should return the lesson itself when it names none of the characters, and record what it renamed', () => {
    expect(renameCharacters(jay, { Priya: 'Alex' })).toBe(jay);
    expect(renameCharacters(jay, {})).toBe(jay);
    expect(jay.renames).toBeUndefined();
    expect(renameCharacters(jay, { Priya: 'Noor', Jay: 'Alex' }).renames).toEqual([{ Jay: 'Alex' }]);
  });

  it('should rename simultaneously: Jay → Sam and Sam → Jay swaps them', () => {
    const swapped = renameCharacters(jay, { Jay: 'Sam', Sam: 'Jay' });
    expect(swapped.keyLearningPoints[0]).toBe("Sam's friends can help, and so can Jay.");
    expect(words(explanation(swapped))).toContain('Sam is worried. Jay tells Sam to talk to a teacher.');
    expect(scenariosOf(explanation(swapped).tree)[0].name).toBe('Sam');
    expect(swapped.characters).toEqual(['Sam', 'Jay']);
  });

  it('should never give a character the name of another character of the same lesson', () => {
    // Two people in the story would become one: the rename is left out for this lesson.
    expect(jay.characters).toContain('Sam');
    expect(renameCharacters(jay, { Jay: 'Sam' })).toBe(jay);
    // A swap is fine: Sam is renamed away at the same time.
    expect(renameCharacters(jay, { Jay: 'Sam', Sam: 'Jay' }).characters).toEqual(
      jay.characters!.map((name) => (name === 'Jay' ? 'Sam' : name === 'Sam' ? 'Jay' : name)),
    );
  });

  it('should leave a name inside an email address alone, and stay fast on text made of address characters', () => {
    expect(renameCharacters({ ...jay, title: 'Email Jay.Smith@school.org, Jay.' }, { Jay: 'Alex' }).title).toBe(
      'Email Jay.Smith@school.org, Alex.',
    );
    const started = performance.now();
    const title = `${'a.'.repeat(15_000)} Jay ${'b'.repeat(30_000)}@`;
    expect(renameCharacters({ ...jay, title }, { Jay: 'Alex' }).title).toContain(' Alex ');
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("should rename only the lesson's own characters, never a help service or another capitalised word", () => {
    const markdown = 'Childline can help. Jay calls Childline.';
    const lesson = { ...jay, summary: { source: markdown, tree: parseMarkdown(markdown).tree } };
    expect(renameCharacters(lesson, { Childline: 'Sam' })).toBe(lesson);
    expect(words(renameCharacters(lesson, { Childline: 'Kim', Jay: 'Alex' }).summary)).toBe(
      'Childline can help. Alex calls Childline.',
    );
  });

  it('should rename a name of several words across a line break, and prefer the longer name', () => {
    const summary: MarkdownField = {
      source: 'Mary Jane met Mary and\nMary\nJane again.',
      tree: parseMarkdown('Mary Jane met Mary and\nMary\nJane again.').tree,
    };
    const lesson = { ...jay, summary, characters: [...(jay.characters ?? []), 'Mary Jane', 'Mary'] };
    const renamed = renameCharacters(lesson, { 'Mary Jane': 'Ola', Mary: 'Ruth' });
    expect(words(renamed.summary)).toBe('Ola met Ruth and\nOla again.');
  });

  it("should rename image alt text and titles, and leave a help service's id and code blocks alone", () => {
    const markdown = '![Jay at a laptop](jay.png "Jay")\n\n:signpost[Jay]\n\n```\nJay\n```\n';
    const lesson = { ...jay, summary: { source: markdown, tree: parseMarkdown(markdown).tree } };
    const tree = JSON.stringify(renameCharacters(lesson, { Jay: 'Alex' }).summary?.tree);
    expect(tree).toContain('"alt":"Alex at a laptop"');
    expect(tree).toContain('"title":"Alex"');
    expect(tree).toContain('"url":"jay.png"');
    expect(tree).toContain('"value":"Jay"'); // the signpost's text and the code block
    expect(tree).not.toContain('Jay at');
  });
});

describe('lessonCharacters', () => {
  it("should give the scenarios' names, then `characters`, each once, in the order first seen", () => {
    expect(lessonCharacters(jay)).toEqual(['Jay', 'Sam']);
    expect(lessonCharacters({ ...jay, characters: ['Priya', 'Jay'] })).toEqual(['Jay', 'Priya']);
    expect(lessonCharacters({ ...jay, characters: undefined })).toEqual(['Jay']);
  });

  it('should find scenarios in every markdown field, and give the new names after renaming', () => {
    expect(lessonCharacters(renameCharacters(jay, { Jay: 'Alex', Sam: 'Kim' }))).toEqual(['Alex', 'Kim']);
    const markdown = ':::scenario{name="Noor"}\nNoor waits.\n:::\n';
    const withDsl = { ...jay, dslNotes: { source: markdown, tree: parseMarkdown(markdown).tree } };
    expect(lessonCharacters(withDsl)).toEqual(['Noor', 'Jay', 'Sam']);
  });
});

describe('renaming and hostile input', () => {
  it('should refuse names that are not names, before building any pattern', () => {
    for (const bad of ['Jay.*', '', ' ', 'J', 'jay', 'Jay!', 'Jay  Sam', 'A'.repeat(41), '(?<x>)', 'Jay\nSam']) {
      expect(characterNameProblem(bad), bad).toBeDefined();
      expect(() => renameCharacters(jay, { [bad]: 'Alex' }), bad).toThrow(RangeError);
      expect(() => renameCharacters(jay, { Jay: bad }), bad).toThrow(RangeError);
    }
    for (const good of ['Jo', 'Mary-Jane', "D'Arcy", 'O’Neil', 'Ana Lucía', 'Zoë', 'Ngozi', 'A'.repeat(40), 'Сергей'])
      expect(characterNameProblem(good), good).toBeUndefined();
  });

  it('should rename with a name of 40 characters', () => {
    const long = `Jay${'a'.repeat(37)}`;
    expect(renameCharacters(jay, { Jay: long }).title).toBe(`${long} asks for help`);
  });

  it('should rename a lesson with 10,000 renames in well under a second, the pattern built once per set', () => {
    const renames: Record<string, string> = {};
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    for (let i = 0; i < 10_000; i++) {
      const name = `${letters[i % 26].toUpperCase()}${letters[Math.floor(i / 26) % 26]}${letters[Math.floor(i / 676) % 26]}n`;
      renames[name] = `Zed${letters[i % 26]}`;
    }
    renames.Jay = 'Alex';
    const started = performance.now();
    const renamed = renameCharacters(jay, renames);
    const first = performance.now() - started;
    const again = performance.now();
    for (let i = 0; i < 20; i++) renameCharacters(jay, renames);
    const each = (performance.now() - again) / 20;
    expect(renamed.title).toBe('Alex asks for help');
    expect(first).toBeLessThan(1000);
    expect(each).toBeLessThan(50);
  });

  it('should stay linear on a 30,000-character field of near-names', () => {
    const renames = { Jay: 'Alex', 'Jay Jay': 'Kim', 'Mary Jane': 'Ruth' };
    for (const text of [
      'Jay '.repeat(7500),
      'Jay-'.repeat(7500),
      'Mary '.repeat(6000),
      `Mary${' '.repeat(29_990)}X`,
      'J'.repeat(30_000),
      'https://'.repeat(3750),
    ]) {
      const lesson = { ...jay, summary: { source: text, tree: parseMarkdown(text).tree } };
      const started = performance.now();
      renameCharacters(lesson, renames);
      expect(performance.now() - started, text.slice(0, 12)).toBeLessThan(500);
    }
  });

  it('should treat regular-expression characters in the text as text', () => {
    const markdown = 'Jay.* and (Jay) and [Jay] and Jay? and $Jay^';
    const lesson = { ...jay, summary: { source: markdown, tree: parseMarkdown(markdown).tree } };
    expect(words(renameCharacters(lesson, { Jay: 'Alex' }).summary)).toBe(
      'Alex.* and (Alex) and [Alex] and Alex? and $Alex^',
    );
    // "tel:" inside a word is not an address.
    expect(
      renameCharacters({ ...jay, learningOutcome: 'Hotel:Jay and tel:Jay' }, { Jay: 'Alex' }).learningOutcome,
    ).toBe('Hotel:Alex and tel:Jay');
  });
});

describe('a scenario node', () => {
  it('is what `scenariosOf` finds, in document order', () => {
    const tree = parseMarkdown(':::scenario{name=" Ann "}\nA\n:::\n\n:::scenario\nB\n:::\n').tree;
    expect(scenariosOf(tree).map((s) => [s.name, (s.node as ContainerDirective).type])).toEqual([
      ['Ann', 'containerDirective'],
      ['', 'containerDirective'],
    ]);
  });
});
