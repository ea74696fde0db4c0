import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLesson } from '../../src/lesson/checks/lesson-checks.ts';
import { SELF_HARM_PHRASES } from '../../src/lesson/checks/mentions.ts';
import { checkParentLetter, letterFrame } from '../../src/lesson/checks/parent-letter.ts';
import { lessonPassages } from '../../src/lesson/checks/passages.ts';
import { expand, insideQuotes, PhraseIndex, quotedRanges, words } from '../../src/lesson/checks/phrases.ts';
import { countPassage, readingAges } from '../../src/lesson/checks/reading-level.ts';
import { checkServiceSourceNotes, internalNote } from '../../src/lesson/checks/source-notes.ts';
import { builtInTerminology, terminologyFor } from '../../src/lesson/checks/terminology.ts';
import { loadLibraryTerminology } from '../../src/lesson/checks/library-terminology.ts';
import type { TerminologyEntry } from '../../src/lesson/checks/terminology.ts';
import { loadDocument } from '../../src/lesson/load-document.ts';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import type { Diagnostic } from '../../src/lesson/types.ts';
import { lineOf, makeLibrary, mutate, validLesson } from './fixture.ts';

/** A lesson's YAML loaded as the loader does (schema, markdown trees placed in the file). */
function load(yaml: string) {
  const loaded = loadDocument('lesson', 'lesson.yaml', Buffer.from(yaml));
  if (!loaded.data || !loaded.source) throw new Error(JSON.stringify(loaded.diagnostics.slice(0, 3)));
  return { lesson: loaded.data, source: loaded.source };
}

/** The diagnostics of the lesson checks for `yaml`, of one rule. */
function found(yaml: string, rule: string, terminology?: readonly TerminologyEntry[]): Diagnostic[] {
  const { lesson, source } = load(yaml);
  return checkLesson({ lesson, source, today: '2026-11-26', terminology }).filter((d) => d.ruleId === rule);
}

/** The valid lesson with its scenario's text replaced by `markdown` (lines after the first are indented for the block). */
const scenario = (markdown: string) => mutate('Sam is worried.', markdown.replaceAll('\n', '\n      '));
/** The valid lesson with `markdown` added to the first cycle's explanation, after the scenario. */
const afterScenario = (markdown: string) =>
  mutate(
    'Sam is worried.\n      :::\n',
    `Sam is worried.\n      :::\n\n      ${markdown.replaceAll('\n', '\n      ')}\n`,
  );
const at = (d: Diagnostic) => ({ line: d.line, column: d.column });

describe('finding phrases', () => {
  it('should cut words at hyphens, keep apostrophes inside, and split "n\'t"', () => {
    expect(words('Self-harm isn’t Sam’s café 3.5').map((word) => word.word)).toEqual([
      'self',
      'harm',
      'is',
      "n't",
      "sam's",
      'café',
      '3',
      '5',
    ]);
  });

  it('should write out {a|b} choices', () => {
    expect(expand('{a|b} c {d|e}')).toEqual(['a c d', 'a c e', 'b c d', 'b c e']);
  });

  it('should find the longest phrase at a word, whole words only, without overlaps', () => {
    const index = new PhraseIndex<string>();
    index.add('child porn', 'short');
    index.add('child pornography', 'long');
    index.add('porn', 'alone');
    const text = 'Child pornography; child porn; childporn; porno';
    expect(index.find(text).map((match) => [text.slice(match.from, match.to), match.value])).toEqual([
      ['Child pornography', 'long'],
      ['child porn', 'short'],
    ]);
  });

  it('should take quotation marks for quotes and apostrophes for apostrophes', () => {
    const text = `Say "nudes", not ‘sexting’; don't say 'revenge porn' or “child porn”. Sam's phone isn't 'quoted`;
    const ranges = quotedRanges(text);
    const quoted = (term: string) => {
      const from = text.indexOf(term);
      return insideQuotes(ranges, from, from + term.length);
    };
    expect(quoted('nudes')).toBe(true);
    expect(quoted('sexting')).toBe(true);
    expect(quoted('revenge porn')).toBe(true);
    expect(quoted('child porn')).toBe(true);
    expect(quoted('phone')).toBe(false);
    expect(quoted('quoted')).toBe(false);
  });
});

describe('self-harm-help-nearby', () => {
  const selfHarm = (yaml: string) =>
    mutate(
      'signposts: [childline]',
      'signposts: [childline, samaritans]',
      mutate('supervisionLevel: 2', 'supervisionLevel: 3', mutate('[e/rshe-content]', '[x/self-harm-mentioned]', yaml)),
    );

  it.each([
    ['self-harm', 'Some people self-harm.'],
    ['self harming', 'Self harming is a sign.'],
    ['suicidal', 'A friend feels suicidal.'],
    ['hurting themselves', 'They talk about hurting themselves.'],
    ['harm yourself', "Don't harm yourself."],
    ['kill themselves', 'They said they would kill themselves.'],
    ['end their life', 'Thoughts to end their life.'],
    ["doesn't want to be here", 'He says he doesn’t want to be here.'],
    ['not wanting to be here', 'Not wanting to be here any more.'],
  ])('should find "%s"', (_name, sentence) => {
    expect(found(selfHarm(scenario(sentence)), 'self-harm-help-nearby')).toHaveLength(1);
  });

  it.each([
    'Harmful content online.',
    'Some people hurt others.',
    'Self-esteem matters.',
    'She wants to be here for her friend.',
  ])('should not take "%s" for a mention', (sentence) => {
    expect(found(selfHarm(scenario(sentence)), 'self-harm-help-nearby')).toEqual([]);
  });

  it('should list every documented phrase once', () => {
    expect(new Set(SELF_HARM_PHRASES).size).toBe(SELF_HARM_PHRASES.length);
    expect(SELF_HARM_PHRASES).toContain('hurting themselves');
    expect(SELF_HARM_PHRASES).toContain("n't want to be here");
  });

  it('should place the error at the mention, on a later line of a paragraph', () => {
    const yaml = selfHarm(scenario('Sam is worried\nabout a friend who\n  might hurt herself.'));
    const [error] = found(yaml, 'self-harm-help-nearby');
    const line = lineOf(yaml, 'might hurt herself');
    expect(at(error)).toEqual({ line, column: yaml.split('\n')[line - 1].indexOf('hurt') + 1 });
    expect(error.message).toContain('"hurt herself"');
  });

  it('should count a signpost in a teacher note of the same slide', () => {
    const yaml = selfHarm(
      afterScenario('## Getting help\n\nSome people self-harm.\n\n:::teacher\nMention :signpost[shout].\n:::'),
    );
    expect(found(yaml, 'self-harm-help-nearby')).toEqual([]);
  });

  it('should not count a signpost of the surrounding slide for a scenario, nor of the slide before', () => {
    // The explanation's first paragraph names Childline; the scenario is a slide of its own.
    const inScenario = selfHarm(scenario('Sam thinks about suicide.'));
    expect(found(inScenario, 'self-harm-help-nearby')).toHaveLength(1);
    const nextSlide = selfHarm(afterScenario('---\n\nSome people self-harm.'));
    expect(found(nextSlide, 'self-harm-help-nearby')).toHaveLength(1);
  });

  it("should take an authored slide's body and notes as one block", () => {
    const yaml = selfHarm(
      mutate(
        '    explanation: |',
        '    slides:\n      - title: Help\n        body: Some people self-harm.\n        notes: Point to :signpost[papyrus].\n    explanation: |',
      ),
    );
    expect(found(yaml, 'self-harm-help-nearby')).toEqual([]);
  });

  it('should check staff sessions and every markdown field, such as the DSL notes', () => {
    const yaml = mutate(
      'Inform the DSL before the lesson.',
      'Some pupils may self-harm.',
      mutate('keyStage: key-stage-3\nyearGroups: [8]', 'audience: staff'),
    );
    const line = lineOf(yaml, 'Some pupils');
    expect(at(found(yaml, 'self-harm-help-nearby')[0])).toEqual({
      line,
      column: yaml.split('\n')[line - 1].indexOf('self') + 1,
    });
  });

  it('should leave plain fields, which cannot hold a signpost, to self-harm-signpost', () => {
    const yaml = selfHarm(mutate('  - Trusted adults can help.', '  - Tell an adult if a friend talks about suicide.'));
    expect(found(yaml, 'self-harm-help-nearby')).toEqual([]);
  });
});

describe('which text is for pupils', () => {
  it('should read explanations as pupil text unless the cycle has authored slides, and scenarios always', () => {
    const derived = load(afterScenario('Pupil text.\n\n:::teacher\nTeacher text.\n:::'));
    const readers = (data: ReturnType<typeof load>) =>
      lessonPassages(data.lesson, data.source)
        .filter((passage) => passage.field === 'cycles.0.explanation')
        .flatMap((passage) => passage.units.map((unit) => `${unit.reader}: ${unit.text}`));
    expect(readers(derived)).toEqual([
      'pupils: Talk about trusted adults and Service.',
      'pupils: Sam is worried.',
      'pupils: Pupil text.',
      'adults: Teacher text.',
    ]);
    const authored = load(
      mutate('    explanation: |', '    slides:\n      - title: A slide\n        body: Hello.\n    explanation: |'),
    );
    expect(readers(authored)).toEqual(['adults: Talk about trusted adults and Service.', 'pupils: Sam is worried.']);
  });
});

describe('source-internal-note', () => {
  it.each([
    ['Possession (cited in law.md)', 'text', 'cited in'],
    ['See domain.md', 'text', 'domain.md'],
    ['notes/sources.yaml', 'text', 'notes/sources.yaml'],
    ['TODO: find the page', 'text', 'TODO'],
    ['A FIXME here', 'text', 'FIXME'],
    ['Note to self: check', 'text', 'Note to self'],
    ['https://example.org/research/law.md', 'url', '/research/law.md'],
  ] as const)('should find %j', (value, kind, shown) => {
    expect(internalNote(value, kind)?.found).toBe(shown);
  });

  it.each([
    ['Keeping children safe in education 2025', 'text'],
    ['A list of things to do', 'text'],
    ['https://example.md/guidance', 'url'],
    ['https://www.gov.uk/guidance/a-page', 'url'],
  ] as const)('should let %j through', (value, kind) => {
    expect(internalNote(value, kind)).toBeUndefined();
  });

  it("should check a help service's source at its value", () => {
    const yaml =
      '- id: childline\n  name: Childline\n  helpsWith: Anything.\n  audience: Young people\n  ages: under 19\n  verifiedOn: "2026-06-01"\n  source: "childline.org.uk; address from law.md source 32"\n';
    const loaded = loadDocument('signposts', 'signposts.yaml', Buffer.from(yaml));
    const [note] = checkServiceSourceNotes(loaded.data ?? [], loaded.source as NonNullable<typeof loaded.source>);
    expect(note).toMatchObject({ ruleId: 'source-internal-note', line: 7, column: 11 });
    expect(note.message).toContain('"law.md"');
  });

  it('should keep every built-in terminology source free of notes and on https', () => {
    for (const entry of builtInTerminology()) {
      for (const source of entry.sources) {
        expect(internalNote(source.title, 'text')).toBeUndefined();
        expect(internalNote(source.url, 'url')).toBeUndefined();
        expect(source.url.startsWith('https://')).toBe(true);
      }
    }
  });
});

describe('parent-letter-repeats-template', () => {
  const letter = (text: string, sexEducation = false) => {
    const yaml = `${validLesson}${sexEducation ? 'sexEducation: true\n' : ''}parentLetter: |\n  ${text}\n`;
    const { lesson, source } = load(yaml);
    return checkParentLetter(lesson, lessonPassages(lesson, source), source);
  };

  it('should warn about the right to withdraw only in a sex-education lesson', () => {
    const text = 'As this is sex education, you have the right to withdraw your child.';
    expect(letter(text, true)).toHaveLength(1);
    expect(letter(text, false)).toEqual([]);
  });

  it.each([
    'If your child is withdrawn, the DSL will go through the safety steps with them.',
    'Pupils who are withdrawn still get the help list to take home.',
  ])('should let a sentence about what happens to a withdrawn pupil through: %s', (text) => {
    expect(letter(text, true)).toEqual([]);
  });

  it.each(['Parents can opt out of this lesson.', 'You may ask for your child to be excused from the lesson.'])(
    'should warn about %j',
    (text) => {
      expect(letter(text, true)).toHaveLength(1);
    },
  );

  it('should compare with the frame printed for the lesson: 70 % of content words in one sentence', () => {
    const frame = letterFrame();
    expect(frame.materials).toContain('available for you to see on request');
    expect(
      letter('All the materials, including the slides and handouts, are available for you to see on request.'),
    ).toHaveLength(1);
    expect(letter('Your child will practise saying no, and learn which adults can help.')).toEqual([]);
  });

  it('should place the warning at the sentence', () => {
    const [warning] = letter(
      'Your child will learn who can help. Every material we use is available to see on request.',
    );
    expect(warning.column).toBe(3 + 'Your child will learn who can help. '.length);
  });
});

describe('safeguarding-terminology', () => {
  it('should suggest the preferred term and name whose guidance it is', () => {
    const [warning] = found(scenario('People call it child porn.'), 'safeguarding-terminology');
    expect(warning.message).toMatch(/^Avoid "child porn": say "child sexual abuse material" \(CSAM\).*\(ECPAT/);
  });

  it('should allow a quoted term where the entry says so, and not an unquoted one beside it', () => {
    const yaml = scenario(':::teacher\nSay intimate image abuse, not "revenge porn". Revenge porn is wrong.\n:::');
    expect(found(yaml, 'safeguarding-terminology').map((d) => d.message.split(':')[0])).toEqual([
      'Avoid "Revenge porn"',
    ]);
  });

  it('should check "sexting" in adults\' text only', () => {
    expect(found(scenario('Sam hears about sexting.'), 'safeguarding-terminology')).toEqual([]);
    expect(found(scenario(':::teacher\nSexting is common.\n:::'), 'safeguarding-terminology')).toHaveLength(1);
    const staff = mutate(
      'keyStage: key-stage-3\nyearGroups: [8]',
      'audience: staff',
      scenario('Staff hear about sexting.'),
    );
    expect(found(staff, 'safeguarding-terminology')).toHaveLength(1);
  });

  it('should check quiz text and leave sources alone', () => {
    const yaml = `${validLesson}exitQuiz:\n  - question: Who is to blame?\n    answers: [The person who shared it]\n    distractors: [The girl who asked for it]\nsources:\n  - title: Revenge porn helpline report\n    url: https://example.org/a\n`;
    const warnings = found(yaml, 'safeguarding-terminology');
    expect(warnings.map(at)).toEqual([{ line: lineOf(yaml, 'distractors'), column: 32 }]);
  });

  it("should add a library's own terms to the built-in list", () => {
    const own: TerminologyEntry[] = [
      {
        avoid: ['stranger danger'],
        instead: 'talk about people who are not who they say they are',
        readers: 'everyone',
        allowWhenQuoted: false,
        sources: [{ title: 'Our policy', publisher: 'Example Academy', url: 'https://example.org/policy' }],
      },
    ];
    const yaml = scenario('A stranger danger talk about revenge porn.');
    expect(found(yaml, 'safeguarding-terminology').length).toBe(1);
    expect(found(yaml, 'safeguarding-terminology', own).map((d) => d.message.slice(0, 24))).toEqual([
      'Avoid "stranger danger":',
      'Avoid "revenge porn": sa',
    ]);
    expect(terminologyFor(own).length).toBe(builtInTerminology().length + 1);
  });
});

describe("a library's terminology.yaml", () => {
  const entry = `- avoid: [stranger danger]
  instead: talk about people who are not who they say they are
  sources:
    - title: Our policy
      publisher: Example Academy
      url: https://example.org/policy
`;
  const read = (files: Record<string, string>, setup?: (dir: string) => void) => {
    const dir = makeLibrary(files);
    setup?.(dir);
    const diagnostics: Diagnostic[] = [];
    return { entries: loadLibraryTerminology(dir, diagnostics), diagnostics };
  };

  it('should read a valid file, with the defaults filled in', () => {
    const { entries, diagnostics } = read({ 'terminology.yaml': entry });
    expect(diagnostics).toEqual([]);
    expect(entries).toEqual([
      expect.objectContaining({ avoid: ['stranger danger'], readers: 'everyone', allowWhenQuoted: false }),
    ]);
  });

  it('should be nothing when the library has none', () => {
    expect(read({})).toEqual({ entries: [], diagnostics: [] });
  });

  it('should place a schema problem in the file and use none of its entries', () => {
    const { entries, diagnostics } = read({
      'terminology.yaml': `${entry}- avoid: []\n  instead: x\n  sources: []\n  colour: red\n`,
    });
    expect(entries).toEqual([]);
    expect(diagnostics.map((d) => [d.ruleId, d.line])).toEqual(
      expect.arrayContaining([
        ['schema-size', 7],
        ['schema-unknown-key', 10],
      ]),
    );
    expect(diagnostics.every((d) => d.file.endsWith('terminology.yaml'))).toBe(true);
  });

  it('should refuse an http source, a phrase of nine words and a list that is not a list', () => {
    expect(read({ 'terminology.yaml': entry.replace('https://', 'http://') }).diagnostics).toHaveLength(1);
    expect(
      read({ 'terminology.yaml': entry.replace('stranger danger', 'a b c d e f g h i') }).diagnostics,
    ).toHaveLength(1);
    expect(read({ 'terminology.yaml': 'avoid: [x]\n' }).diagnostics.map((d) => d.ruleId)).toEqual(['yaml-not-mapping']);
  });

  it('should refuse more than 200 entries', () => {
    const { diagnostics } = read({ 'terminology.yaml': entry.repeat(201) });
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['schema-size']);
  });

  it('should be checked in every lesson, and its problems reported, when the library is loaded', () => {
    const dir = makeLibrary({
      'terminology.yaml': entry,
      'unit-a/asking-for-help.yaml': scenario('A stranger danger talk.'),
    });
    const own = loadLibrary(dir, { today: '2026-11-26' }).diagnostics.filter(
      (d) => d.ruleId === 'safeguarding-terminology',
    );
    expect(own.map((d) => d.message.split(':')[0])).toEqual(['Avoid "stranger danger"']);
    writeFileSync(path.join(dir, 'terminology.yaml'), 'avoid: [x]\n');
    const broken = loadLibrary(dir, { today: '2026-11-26' }).diagnostics;
    expect(broken.filter((d) => d.file.endsWith('terminology.yaml')).map((d) => d.ruleId)).toEqual([
      'yaml-not-mapping',
    ]);
  });

  it('should go through the file gate: a link outside the library is not read', () => {
    const outside = path.join(mkdtempSync(path.join(tmpdir(), 'pshe-outside-')), 'terms.yaml');
    writeFileSync(outside, entry);
    const { entries, diagnostics } = read({}, (dir) => symlinkSync(outside, path.join(dir, 'terminology.yaml')));
    expect(entries).toEqual([]);
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['file-outside-library']);
  });
});

describe('reading-level', () => {
  const unit = (text: string) => ({ text, reader: 'pupils' as const, locate: () => ({ line: 1, column: 1 }) });

  it('should count sentences at stops, not in "3.5" or after "e.g.", and at the end of each unit', () => {
    const counts = countPassage([
      unit('Sam is 3.5 km away, e.g. at home. Is he safe? Yes!'),
      unit('A heading without a stop'),
    ]);
    expect(counts.sentences).toBe(4);
    // Numbers are not counted; "e.g" is two words.
    expect(counts.words).toBe(17);
    expect(counts.longest?.text).toBe('Sam is 3.5 km away, e.g. at home.');
  });

  it('should give plain text a low reading age and dense text a high one', () => {
    const plain = readingAges(
      countPassage([
        unit('Sam gets a message. He does not want to reply. He tells his mum. She helps him block the account.'),
      ]),
    );
    const dense = readingAges(
      countPassage([
        unit(
          'Organisations investigating exploitation prioritise safeguarding considerations over disciplinary interventions.',
        ),
      ]),
    );
    expect(Math.max(...plain)).toBeLessThan(10);
    expect(Math.min(...dense)).toBeGreaterThan(20);
  });

  const dense =
    'Sam considers the consequences of disseminating intimate imagery, recognising that organisations investigating exploitation prioritise safeguarding considerations.';

  it('should warn at key stage 3 with the score and the longest sentence, cut to 80 characters', () => {
    const [warning] = found(scenario(dense), 'reading-level');
    expect(warning.message).toMatch(
      /reads at about age \d+(\.\d)?, over a year above the target of 12 for key stage 3/,
    );
    expect(warning.message).toContain(`(16 words): "${dense.slice(0, 79)}…"`);
    expect(at(warning)).toEqual({ line: lineOf(validLesson, 'Sam is worried.'), column: 7 });
  });

  it('should not check staff sessions, teacher notes, or passages under 15 words', () => {
    const staff = mutate('keyStage: key-stage-3\nyearGroups: [8]', 'audience: staff', scenario(dense));
    expect(found(staff, 'reading-level')).toEqual([]);
    expect(found(scenario(`:::teacher\n${dense}\n:::`), 'reading-level')).toEqual([]);
    expect(found(scenario('Safeguarding considerations prioritise organisations.'), 'reading-level')).toEqual([]);
  });

  it("should count the lesson's own key words as everyday words", () => {
    const text =
      'Desensitisation is when violence stops shocking you. Desensitisation can happen without noticing. Talk about desensitisation with someone.';
    expect(found(scenario(text), 'reading-level')).toHaveLength(1);
    const taught = mutate(
      '  - keyword: DSL',
      '  - keyword: desensitisation\n    definition: Getting used to something.\n  - keyword: DSL',
      scenario(text),
    );
    expect(found(taught, 'reading-level')).toEqual([]);
  });
});
