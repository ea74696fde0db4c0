import { HELP_NEARBY_SIGNPOSTS, SELF_HARM_PATTERNS } from '../checks/mentions.ts';
import { fixtureSignposts } from './fixture-library.ts';
import type { FixtureFiles, Rule, RuleFixture } from './types.ts';

/**
 * The checks of issue 14 ("Checks that keep it right"): help next to every
 * mention of self-harm, no notes to ourselves in what is printed, a letter home
 * that does not repeat its frame, safeguarding terms, and reading level. Each
 * runs on the loaded lesson (`checks/lesson-checks.ts`).
 */

/** A phrase pattern (`{a|b} c`) as docs/rules.md can print it in a table cell: `(a/b) c`. */
const asText = (pattern: string) => pattern.replaceAll('{', '(').replaceAll('}', ')').replaceAll('|', '/');
/** The default lesson's scenario text replaced by `markdown` (line 25 of the lesson, column 7). */
const say = (markdown: string) => ['Sam is worried.', markdown] as const;
/** The first cycle's explanation (line 23 on) replaced by `markdown`, each line indented for the block. */
const explain = (markdown: string) =>
  [
    'Talk about trusted adults and :signpost[childline].\n\n      :::scenario{name="Sam"}\n      Sam is worried.\n      :::\n',
    `${markdown.replaceAll('\n', '\n      ')}\n`,
  ] as const;
/** `markdown` added to the first cycle's explanation after its scenario (from line 28), each line indented for the block. */
const after = (markdown: string) =>
  [
    'Sam is worried.\n      :::\n',
    `Sam is worried.\n      :::\n\n      ${markdown.replaceAll('\n', '\n      ')}\n`,
  ] as const;
/** A lesson with the self-harm code, level 3 and Samaritans: what a lesson that mentions self-harm needs already. */
const selfHarmLesson: RuleFixture['edit'] = [
  ['contentGuidance: [e/rshe-content]', 'contentGuidance: [x/self-harm-mentioned]'],
  ['supervisionLevel: 2', 'supervisionLevel: 3'],
  ['signposts: [childline]', 'signposts: [childline, samaritans]'],
];
/** signposts.yaml with one more service whose `source` is `text`. */
const servicesWithSource = (text: string): FixtureFiles => ({
  'signposts.yaml': `${fixtureSignposts}- id: shout
  name: Shout
  helpsWith: Text when things are hard.
  audience: Anyone
  ages: any age
  text: '85258'
  verifiedOn: '2026-06-01'
  source: ${text}
`,
});
/** A `sources` list with one entry, added at the end of the lesson (title on line 33, address on 34). */
const withSource = (title: string, url = 'https://www.gov.uk/a'): readonly [string, string] => [
  "reviewDate: '2027-01-01'\n",
  `reviewDate: '2027-01-01'\nsources:\n  - title: ${title}\n    url: ${url}\n`,
];
/** A parent letter added at the end of the lesson (its text starts on line 33, column 3; 34 with `sexEducation`). */
const letter = (text: string): readonly [string, string] => [
  "reviewDate: '2027-01-01'\n",
  `reviewDate: '2027-01-01'\nparentLetter: |\n  ${text}\n`,
];
const sexEducation: readonly [string, string] = ['supervisionLevel: 2', 'supervisionLevel: 2\nsexEducation: true'];
/** The scenario of the default lesson replaced by a practice task at key stage 3. */
const dense =
  'Sam considers the consequences of disseminating intimate imagery, recognising that organisations investigating ' +
  'exploitation prioritise safeguarding considerations over disciplinary interventions. Understanding ' +
  'institutional responsibilities, Sam evaluates whether notification mechanisms sufficiently protect individuals.';
const plain =
  'Sam gets a message from someone he met in a game. They ask for a photo. Sam does not want to send one. ' +
  'He is not sure what to do. He thinks about who he could tell. What could Sam say? Who could he talk to?';

export const contentRules = {
  'self-harm-help-nearby': {
    severity: 'error',
    source: 'safety',
    description: `A block (a slide's worth: the text between headings or \`---\`, each \`:::scenario\` or \`:::discuss\`, an authored slide's body and notes, any other markdown field) mentions self-harm or suicide without a \`:signpost[…]\` to ${HELP_NEARBY_SIGNPOSTS.join(', ')} in the same block. Mentions, as whole words in any case (a/b: either): ${SELF_HARM_PATTERNS.map((pattern) => `"${asText(pattern)}"`).join(', ')}.`,
    message: (said: string) =>
      `This block mentions "${said}" with no help beside it. Add a mental-health service in the same block (slide, scenario or section), such as :signpost[childline], :signpost[shout], :signpost[papyrus] or :signpost[samaritans].`,
    fixtures: {
      ok: [
        {
          name: 'a scenario that mentions self-harm with Childline in it',
          edit: [
            ...selfHarmLesson,
            say('Sam is worried about a friend who talks about self-harm. :signpost[childline]'),
          ],
        },
        {
          name: 'a slide of the explanation that mentions suicide with Samaritans on it',
          edit: [
            ...selfHarmLesson,
            explain('## Getting help\n\nSome people have thoughts of suicide. :signpost[samaritans] is there.'),
          ],
        },
        { name: 'no mention', edit: [say('Sam is worried about a friend.')] },
      ],
      notOk: [
        {
          name: 'a scenario that mentions hurting himself, with help only outside the scenario',
          edit: [...selfHarmLesson, say('Sam says he wants to hurt himself.')],
          at: { line: 25, column: 28 },
        },
        {
          name: 'a slide after a heading, with help only on the slide before',
          edit: [...selfHarmLesson, after('## Later\n\nSome young people self-harm when things are hard.')],
          at: { line: 30, column: 25 },
        },
      ],
    },
  },
  'source-internal-note': {
    severity: 'error',
    source: 'safety',
    description:
      'A lesson\'s source (title, address or publisher) or a help service\'s `source` holds a note to ourselves: a file name of our notes (`law.md`, any `….md` or `….yaml`), "cited in", `research/`, "note to self", TODO or FIXME. Sources are printed in every plan and pack.',
    message: ({ field, found, what }: { field: string; found: string; what: string }) =>
      `This ${field} holds "${found}", ${what}, which must not be printed. Give only the published title, address or publisher.`,
    fixtures: {
      ok: [
        { name: 'a published title and address', edit: [withSource('Keeping children safe in education')] },
        {
          name: 'an address on a domain that ends .md',
          edit: [withSource('A page', 'https://example.md/guidance')],
        },
        {
          name: "a help service's source that names the page and its date",
          files: servicesWithSource('"giveusashout.org (Shout, 4 Nov 2024)"'),
        },
      ],
      notOk: [
        {
          name: 'a title that says where we cited it',
          edit: [withSource('"Possession (commentary; cited in law.md)"')],
          at: { line: 33, column: 12 },
        },
        {
          name: "a help service's source that names our notes",
          files: servicesWithSource('"childline.org.uk; address from law.md"'),
          at: { line: 23, column: 11, file: 'signposts.yaml' },
        },
        {
          name: 'an address of our own notes',
          edit: [withSource('Law', 'https://example.org/research/law.md')],
          at: { line: 34, column: 10 },
        },
      ],
    },
  },
  'parent-letter-repeats-template': {
    severity: 'warning',
    source: 'safety',
    description:
      'A sentence of `parentLetter` says again what the letter home (templates/parent-letter.yaml) already prints for the lesson: for `sexEducation: true`, a sentence about the right to withdraw (withdraw, withdrawal, opt out or excuse from, with right, ask, request or "you can"); for any lesson, a sentence at least 70 % of whose content words (three or more) are in one sentence of the letter\'s frame.',
    message: {
      withdrawal: (sentence: string) =>
        `The letter home already explains the right to ask for withdrawal from sex education: remove "${sentence}". Say instead how a withdrawn pupil still learns the safety steps, if the lesson has them.`,
      repeat: ({ sentence, share }: { sentence: string; share: number }) =>
        `"${sentence}" repeats the letter home's own text (${share} % of its words are in one of its sentences). Keep to what is particular to this lesson.`,
    },
    fixtures: {
      ok: [
        {
          name: 'a sex-education letter that says how a withdrawn pupil learns the safety steps',
          edit: [
            sexEducation,
            letter(
              'If your child is withdrawn, the DSL will go through the safety steps with them in a short session.',
            ),
          ],
        },
        { name: 'a letter about the lesson itself', edit: [letter('Your child will learn who they can talk to.')] },
      ],
      notOk: [
        {
          name: 'a sex-education letter that repeats the right to withdraw',
          edit: [sexEducation, letter('Pupils learn about images. You can ask for your child to be withdrawn.')],
          at: { line: 34, column: 30 },
        },
        {
          name: "a letter that repeats the frame's sentence on materials",
          edit: [letter('Every material in this lesson is available on request: just ask the school.')],
          at: { line: 33, column: 3 },
        },
      ],
    },
  },
  'safeguarding-terminology': {
    severity: 'warning',
    source: 'safety',
    description:
      'A term that safeguarding guidance asks professionals not to use ("child pornography", "revenge porn", "child prostitution", victim-blaming wording such as "should not have sent it"; "sexting" in text for staff and parents), from templates/terminology.yaml and the library\'s own `terminology.yaml`; the message says what to write instead and whose guidance that is. A listed term inside quotation marks is allowed where its entry says `allowWhenQuoted`.',
    message: ({ term, instead, source, adults }: { term: string; instead: string; source: string; adults: boolean }) =>
      `Avoid "${term}"${adults ? ' in text for staff and parents' : ''}: ${instead} (${source}).`,
    fixtures: {
      ok: [
        { name: 'the preferred term', edit: [say('Sam learns about intimate image abuse.')] },
        {
          name: 'a teacher note that quotes the term to avoid',
          edit: [say(':::teacher\n      Say intimate image abuse, not "revenge porn".\n      :::')],
        },
        { name: '"sexting" in a scenario pupils read', edit: [say('Sam hears older pupils talk about sexting.')] },
      ],
      notOk: [
        {
          name: '"revenge porn" in a scenario',
          edit: [say('Sam is worried about revenge porn.')],
          at: { line: 25, column: 28 },
        },
        {
          name: "a term from the library's own terminology.yaml",
          edit: [say('Sam meets a stranger danger talk.')],
          files: {
            'terminology.yaml': `- avoid: [stranger danger]
  instead: talk about people who are not who they say they are
  sources:
    - title: Example guidance
      publisher: Example
      url: https://example.org/guidance
`,
          },
          at: { line: 25, column: 19 },
        },
        {
          name: '"sexting" in the DSL notes',
          edit: [['Inform the DSL before the lesson.', 'Read the advice on sexting first.']],
          at: { line: 14, column: 22 },
        },
      ],
    },
  },
  'reading-level': {
    severity: 'warning',
    source: 'safety',
    description:
      "A pupil-facing passage (explanation and practice outside `:::teacher`, scenarios, slide bodies, baseline and endpoint activities, quiz questions and options, key learning points, the outcome) of 15 words or more reads above its key stage's target reading age: 7 (KS1), 10 (KS2), 12 (KS3), 14 (KS4), 16 (KS5), the upper end of PSHE Kit's writing guidance (KS3 about 11–12, KS4 about 13–14). Reading age is grade + 5 by Flesch–Kincaid, Coleman–Liau, the Automated Readability Index and SMOG (formulas retext-readability uses); at least three of the four must be more than a year over the target (their error on a short passage). The lesson's own key words count as everyday words. Staff and parent sessions are not checked.",
    message: ({
      score,
      target,
      keyStage,
      sentence,
      words,
    }: {
      score: number;
      target: number;
      keyStage: string;
      sentence: string;
      words: number;
    }) =>
      `This passage reads at about age ${score}, over a year above the target of ${target} for key stage ${keyStage}. Its longest sentence (${words} words): "${sentence}". Use shorter sentences and everyday words.`,
    fixtures: {
      ok: [{ name: 'short sentences in everyday words', edit: [say(plain)] }],
      notOk: [{ name: 'long sentences of long words', edit: [say(dense)], at: { line: 25, column: 7 } }],
    },
  },
} satisfies Record<string, Rule>;
