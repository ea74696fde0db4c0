import { fixtureLesson, pngHeader } from './fixture-library.ts';
import type { RuleFixture, Rule } from './types.ts';

const selfHarm = ['contentGuidance: [e/rshe-content]', 'contentGuidance: [x/self-harm-mentioned]'] as const;
/** The default lesson's scenario text replaced by `markdown`, a line of the first cycle's explanation. */
const say = (markdown: string) => ['Sam is worried.', markdown] as const;
/** The image the examples show, next to the lesson. */
const chart = { 'unit-a/chart.png': pngHeader(40, 30) };
/** `count` uses of chart.png, one line each. */
const images = (count: number): RuleFixture['edit'] => [
  ['Sam is worried.', Array.from({ length: count }, (_, i) => `![Chart ${i + 1}](chart.png)`).join('\n\n      ')],
];

/**
 * Safeguarding rules: what a lesson for pupils must say, codes and content it
 * must not hold, and addresses and files it must not reach.
 */
export const safetyRules = {
  'content-guidance-locked': {
    severity: 'error',
    source: 'safety',
    description: "Oak's locking codes (n/…) are not allowed: such content is not for PSHE Kit lessons.",
    message: (code: string) =>
      `Content guidance code \`${code}\` marks content that PSHE Kit lessons must not contain (Oak locks such lessons). Remove the content and the code.`,
    fixtures: {
      ok: [{ name: 'an e/ code' }],
      notOk: [{ name: 'an n/ code', edit: [['[e/rshe-content]', '[n/self-harm]']], at: { line: 11, column: 19 } }],
    },
  },
  'content-guidance-toxic': {
    severity: 'error',
    source: 'safety',
    description: "Oak's toxic codes (t/…) are not allowed.",
    message: (code: string) =>
      `Content guidance code \`${code}\` marks toxic content, which has no place in a lesson. Remove the content and the code.`,
    fixtures: {
      ok: [{ name: 'an e/ code' }],
      notOk: [
        { name: 'a t/ code', edit: [['[e/rshe-content]', '[t/guides-self-harm]']], at: { line: 11, column: 19 } },
      ],
    },
  },
  'pupil-key-stage-required': {
    severity: 'error',
    source: 'safety',
    description: 'A pupil lesson needs `keyStage`.',
    message: () => 'A pupil lesson needs `keyStage` (such as key-stage-3), so teachers and the site can place it.',
    fixtures: {
      ok: [
        {
          name: 'a staff session without a key stage',
          edit: [['keyStage: key-stage-3\nyearGroups: [8]', 'audience: staff']],
        },
      ],
      notOk: [
        {
          name: 'a pupil lesson without a key stage',
          edit: [['keyStage: key-stage-3\nyearGroups: [8]\n', '']],
          at: { line: 1, column: 8 },
        },
      ],
    },
  },
  'pupil-dsl-notes-required': {
    severity: 'error',
    source: 'safety',
    description: 'A pupil lesson needs `dslNotes`.',
    message: () =>
      'A pupil lesson needs `dslNotes`: who to inform, pupils who may be affected, and what to do on a disclosure.',
    fixtures: {
      ok: [{ name: 'a pupil lesson with dslNotes' }],
      notOk: [
        {
          name: 'a pupil lesson without dslNotes',
          edit: [['dslNotes: |\n  Inform the DSL before the lesson.\n', '']],
          at: { line: 1, column: 8 },
        },
      ],
    },
  },
  'pupil-signposts-required': {
    severity: 'error',
    source: 'safety',
    description: 'A pupil lesson needs `signposts`.',
    message: () =>
      'A pupil lesson needs `signposts`: every lesson ends with where to get help outside school (such as childline).',
    fixtures: {
      ok: [{ name: 'a pupil lesson with signposts' }],
      notOk: [
        {
          name: 'a pupil lesson without signposts',
          edit: [['signposts: [childline]\n', '']],
          at: { line: 1, column: 8 },
        },
      ],
    },
  },
  'pupil-outcome-i-can': {
    severity: 'warning',
    source: 'safety',
    description: 'A pupil learning outcome should start "I can".',
    message: () => 'A pupil learning outcome should start "I can", so pupils can judge it themselves.',
    fixtures: {
      ok: [{ name: 'an outcome starting "I can"' }],
      notOk: [{ name: 'an outcome about pupils', edit: [['I can name', 'Pupils name']], at: { line: 5, column: 18 } }],
    },
  },
  'self-harm-supervision': {
    severity: 'error',
    source: 'safety',
    description: '`x/self-harm-mentioned` needs supervision level 3 or 4.',
    message: (level: number) =>
      `A lesson that mentions self-harm needs supervision level 3 (required) or 4, got ${level}.`,
    fixtures: {
      ok: [
        {
          name: 'self-harm at level 3',
          edit: [
            selfHarm,
            ['supervisionLevel: 2', 'supervisionLevel: 3'],
            ['signposts: [childline]', 'signposts: [childline, samaritans]'],
          ],
        },
      ],
      notOk: [
        {
          name: 'self-harm at level 2',
          edit: [selfHarm, ['signposts: [childline]', 'signposts: [childline, samaritans]']],
          at: { line: 12, column: 19 },
        },
      ],
    },
  },
  'self-harm-signpost': {
    severity: 'error',
    source: 'safety',
    description: '`x/self-harm-mentioned` needs a mental-health signpost (samaritans, shout or papyrus).',
    message: () =>
      'A lesson that mentions self-harm must signpost mental-health support: add samaritans, shout or papyrus to `signposts`.',
    fixtures: {
      ok: [
        {
          name: 'self-harm with samaritans',
          edit: [
            selfHarm,
            ['supervisionLevel: 2', 'supervisionLevel: 3'],
            ['signposts: [childline]', 'signposts: [childline, samaritans]'],
          ],
        },
      ],
      notOk: [
        {
          name: 'self-harm with childline only',
          edit: [selfHarm, ['supervisionLevel: 2', 'supervisionLevel: 3']],
          at: { line: 11, column: 19 },
        },
      ],
    },
  },
  'review-date-passed': {
    severity: 'warning',
    source: 'safety',
    description: '`reviewDate` has passed.',
    message: (date: string) =>
      `The review date ${date} has passed. Check the facts, help services and law, then set a new date.`,
    fixtures: {
      ok: [{ name: 'checked on the review date', today: '2027-01-01' }],
      notOk: [{ name: 'checked the day after', today: '2027-01-02', at: { line: 31, column: 13 } }],
    },
  },
  'signpost-stale': {
    severity: 'warning',
    source: 'safety',
    description: 'A help service was last verified over 12 months ago.',
    message: ({ name, verifiedOn }: { name: string; verifiedOn: string }) =>
      `${name} was last verified on ${verifiedOn}, over 12 months ago. Check its contact details against its own website, then update \`verifiedOn\` and \`source\`.`,
    fixtures: {
      ok: [{ name: 'verified 12 months ago less a day', today: '2027-05-31' }],
      notOk: [
        {
          name: 'verified 12 months ago and a day',
          today: '2027-06-02',
          at: { line: 8, column: 15, file: 'signposts.yaml' },
        },
      ],
    },
  },
  'markdown-raw-html': {
    severity: 'error',
    source: 'safety',
    description: 'Raw HTML in markdown.',
    fixtures: {
      ok: [{ name: 'a less-than sign in text', edit: [say('Sam is 3 < 4.')] }],
      notOk: [{ name: 'a script element', edit: [say('<script>alert(1)</script>')], at: { line: 25, column: 7 } }],
    },
  },
  'link-not-https': {
    severity: 'error',
    source: 'safety',
    description: 'A link that is not https.',
    /** For a source's `url` (markdown links and help services are worded by `linkProblem`). */
    message: (url: string) => `Source address \`${url}\` is not https. Use the https:// address of the page.`,
    fixtures: {
      ok: [
        {
          name: 'https, mailto and tel links',
          edit: [say('See [this](https://example.com), [mail](mailto:a@b.uk) or [call](tel:116123).')],
        },
        { name: 'an https source', edit: [withSource('https://example.com/a')] },
      ],
      notOk: [
        { name: 'an http link', edit: [say('See [this](http://example.com).')], at: { line: 25, column: 11 } },
        { name: 'an http source', edit: [withSource('http://example.com/a')], at: { line: 34, column: 10 } },
        {
          name: 'an http help service',
          files: () => ({ 'signposts.yaml': signpostsWithUrl('http://www.childline.org.uk') }),
          at: { line: 7, column: 8, file: 'signposts.yaml' },
        },
      ],
    },
  },
  'link-unsafe-scheme': {
    severity: 'error',
    source: 'safety',
    description: 'A `javascript:` or `data:` link.',
    /** For a source's `url` (markdown links and help services are worded by `linkProblem`). */
    message: () => 'Unsafe link. Sources must be web addresses starting https://.',
    fixtures: {
      ok: [{ name: 'an https link', edit: [say('See [this](https://example.com).')] }],
      notOk: [
        { name: 'a javascript: link', edit: [say('See [this](javascript:alert(1)).')], at: { line: 25, column: 11 } },
        { name: 'a data: image', edit: [say('![A chart](data:image/png;base64,AAAA)')], at: { line: 25, column: 7 } },
        { name: 'a javascript: source', edit: [withSource('javascript:alert(1)')], at: { line: 34, column: 10 } },
      ],
    },
  },
  'image-remote': {
    severity: 'error',
    source: 'safety',
    description: 'An image loaded from another host.',
    fixtures: {
      ok: [{ name: 'an image next to the lesson', edit: [say('![A chart](chart.png)')], files: chart }],
      notOk: [
        {
          name: 'an image from the web',
          edit: [say('![A chart](https://example.com/a.png)')],
          at: { line: 25, column: 7 },
        },
      ],
    },
  },
  'image-alt-missing': {
    severity: 'error',
    source: 'safety',
    description: 'An image without alt text.',
    fixtures: {
      ok: [{ name: 'an image with alt text', edit: [say('![A chart](chart.png)')], files: chart }],
      notOk: [
        { name: 'an image without alt text', edit: [say('![](chart.png)')], files: chart, at: { line: 25, column: 7 } },
      ],
    },
  },
  'file-outside-library': {
    severity: 'error',
    source: 'safety',
    description: 'A lesson, unit, help services or school profile file is a link to a file outside the library folder.',
    fixtures: {
      ok: [
        {
          name: 'a lesson file that links to a file inside the library',
          links: { 'unit-a/linked.yaml': { to: 'asking-for-help.yaml' } },
        },
      ],
      notOk: [
        {
          name: 'a lesson file that links to a file outside',
          links: { 'unit-a/linked.yaml': { outside: fixtureLesson } },
          at: { line: 1, column: 1, file: 'unit-a/linked.yaml' },
        },
        {
          name: 'a unit.yaml that links to a file outside',
          files: { 'unit-a/unit.yaml': null },
          links: { 'unit-a/unit.yaml': { outside: 'title: Unit A\nlessons: [asking-for-help]\n' } },
          at: { line: 1, column: 1, file: 'unit-a/unit.yaml' },
        },
      ],
    },
  },
  'image-outside-library': {
    severity: 'error',
    source: 'safety',
    description:
      "An image (or a link to one) resolves outside the library folder, or the school logo outside the profile's folder.",
    fixtures: {
      ok: [
        { name: 'an image named through the library', edit: [say('![A chart](../unit-a/chart.png)')], files: chart },
      ],
      notOk: [
        { name: 'an image above the library', edit: [say('![A chart](../../chart.png)')], at: { line: 25, column: 7 } },
        {
          name: 'an image that links outside',
          edit: [say('![A chart](chart.png)')],
          links: { 'unit-a/chart.png': { outside: pngHeader(40, 30) } },
          at: { line: 25, column: 7 },
        },
      ],
    },
  },
  'image-too-large': {
    severity: 'error',
    source: 'safety',
    description: 'An image file is over the size limit in bytes or pixels (see Limits).',
    fixtures: {
      ok: [
        {
          name: 'an image 8,000 pixels wide',
          edit: [say('![A chart](chart.png)')],
          files: { 'unit-a/chart.png': pngHeader(8000, 100) },
        },
      ],
      notOk: [
        {
          name: 'an image 8,001 pixels wide',
          edit: [say('![A chart](chart.png)')],
          files: { 'unit-a/chart.png': pngHeader(8001, 100) },
          at: { line: 25, column: 7 },
        },
        {
          name: 'an image file over 5 MB',
          edit: [say('![A chart](chart.png)')],
          files: () => ({ 'unit-a/chart.png': new Uint8Array(5 * 1024 * 1024 + 1) }),
          at: { line: 25, column: 7 },
        },
      ],
    },
  },
  'image-too-many': {
    severity: 'error',
    source: 'safety',
    description: 'A lesson shows more images than the limit (see Limits).',
    fixtures: {
      ok: [{ name: '20 images', edit: images(20), files: chart }],
      notOk: [{ name: '21 images', edit: images(21), files: chart, at: { line: 65, column: 7 } }],
    },
  },
} satisfies Record<string, Rule>;

/** A `sources` list with one entry at `url`, added at the end of the lesson. */
function withSource(url: string): readonly [string, string] {
  return ["reviewDate: '2027-01-01'\n", `reviewDate: '2027-01-01'\nsources:\n  - title: A page\n    url: ${url}\n`];
}

/** signposts.yaml with Childline at `url`. */
function signpostsWithUrl(url: string): string {
  return `- id: childline
  name: Childline
  helpsWith: Talk about anything.
  audience: Young people
  ages: under 19
  phone: 0800 1111
  url: ${url}
  verifiedOn: '2026-06-01'
`;
}
