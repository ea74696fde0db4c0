import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { buildSlideDeck, defaultGroundRules } from '../../src/slides/index.ts';
import type { Slide } from '../../src/slides/index.ts';
import { exampleLesson, lessonFromYaml, lessonYaml } from './fixture.ts';

const bodyText = (slide: Slide) => slide.body.map((node) => toString(node)).join('\n');
const notesText = (slide: Slide) => slide.notes.map((node) => toString(node)).join('\n');

function directivesIn(nodes: RootContent[], name: string): number {
  let count = 0;
  for (const node of nodes)
    visit(node, (child) => {
      if ((child.type === 'containerDirective' || child.type === 'textDirective') && child.name === name) count++;
    });
  return count;
}

describe('buildSlideDeck', () => {
  it('should open with the title, the content guidance in words and the supervision level', () => {
    const { lesson, library } = lessonFromYaml(
      lessonYaml('  - title: A\n    durationInMinutes: 10\n    explanation: Hello.\n'),
    );
    const [first] = buildSlideDeck(lesson, library).slides;
    expect(first.kind).toBe('title');
    expect(first.title).toBe('Asking for help');
    expect(bodyText(first)).toContain('RSHE content, Sensitive content');
    expect(bodyText(first)).not.toContain('u/sensitive-content');
    expect(bodyText(first)).toMatch(/level 3, adult supervision required/);
    expect(notesText(first)).toContain('Inform the DSL before the lesson.');
  });

  it("should show the lesson's ground rules, or the defaults for its audience when it sets none", () => {
    const { lesson, library } = exampleLesson('who-can-help');
    const own = buildSlideDeck(lesson, library).slides.find((s) => s.kind === 'ground-rules')!;
    expect(bodyText(own)).toContain('We do not name real people.');
    const { lesson: plain, library: plainLibrary } = lessonFromYaml(
      lessonYaml('  - title: A\n    durationInMinutes: 10\n    explanation: Hello.\n'),
    );
    const defaults = buildSlideDeck(plain, plainLibrary).slides.find((s) => s.kind === 'ground-rules')!;
    for (const rule of defaultGroundRules.pupils) expect(bodyText(defaults)).toContain(rule);
  });

  it('should follow the teaching order and always end with where to get help', () => {
    const { lesson, library } = exampleLesson('spotting-online-scams');
    const kinds = buildSlideDeck(lesson, library).slides.map((s) => s.kind);
    // The lesson plan's order: the starter quiz, then the baseline.
    expect(kinds.slice(0, 3)).toEqual(['title', 'ground-rules', 'quiz']);
    expect(kinds.indexOf('baseline')).toBeGreaterThan(kinds.indexOf('quiz'));
    expect(kinds.indexOf('endpoint')).toBeGreaterThan(kinds.lastIndexOf('quiz'));
    expect(kinds.at(-1)).toBe('help');
  });

  it('should never put teacher content in a slide body, and put it in the notes', () => {
    const { lesson, library } = lessonFromYaml(
      lessonYaml(`  - title: Trusted adults
    durationInMinutes: 20
    explanation: |
      Adults in school can help.

      :::teacher
      SECRET-TEACHER-NOTE: check who is absent.
      :::

      :::scenario{name="Sam"}
      Sam is worried about a message.

      :::teacher
      NESTED-TEACHER-NOTE: keep it general.
      :::
      :::
`),
    );
    const deck = buildSlideDeck(lesson, library);
    for (const slide of deck.slides) {
      expect(directivesIn(slide.body, 'teacher')).toBe(0);
      expect(bodyText(slide)).not.toMatch(/TEACHER-NOTE/);
    }
    const notes = deck.slides.map(notesText).join('\n');
    expect(notes).toContain('SECRET-TEACHER-NOTE: check who is absent.');
    expect(notes).toContain('NESTED-TEACHER-NOTE: keep it general.');
  });

  it('should give each scenario and discussion in the explanation and practice a slide of its own', () => {
    const { lesson, library } = exampleLesson('spotting-online-scams');
    const slides = buildSlideDeck(lesson, library).slides;
    const scenario = slides.find((s) => s.kind === 'scenario')!;
    expect(scenario.title).toBe('Scenario: Ava');
    expect(bodyText(scenario)).toContain('Ava gets a message');
    const discuss = slides.find((s) => s.kind === 'discuss')!;
    expect(bodyText(discuss)).toContain('Why might someone keep a scam secret');
    expect(directivesIn(scenario.body, 'scenario')).toBe(1);
  });

  it("should use a cycle's own slides, with their notes", () => {
    const { lesson, library } = exampleLesson('spotting-online-scams');
    const slide = buildSlideDeck(lesson, library).slides.find((s) => s.title === 'Three warning signs')!;
    expect(slide.section).toBe('What scams look like');
    expect(bodyText(slide)).toContain('Too good to be true');
    expect(notesText(slide)).toContain('Ask pupils for an example of each');
    expect(notesText(slide)).toContain('20 minutes');
  });

  it('should derive slides from the explanation when a cycle has none, a new slide at each heading', () => {
    const { lesson, library } = lessonFromYaml(
      lessonYaml(`  - title: Two ideas
    durationInMinutes: 20
    explanation: |
      Opening words.

      ## Idea one

      First idea text.

      ## Idea two

      Second idea text.
`),
    );
    const content = buildSlideDeck(lesson, library).slides.filter((s) => s.kind === 'content');
    expect(content.map((s) => s.title)).toEqual(['Two ideas', 'Idea one', 'Idea two']);
    expect(bodyText(content[1])).toBe('First idea text.');
    expect(content[1].at).toEqual({ line: 20, column: 7 });
  });

  it('should reveal the answers of a cycle’s checks together on one slide after them', () => {
    const { lesson, library } = exampleLesson('spotting-online-scams');
    const slides = buildSlideDeck(lesson, library).slides;
    const index = slides.findIndex((s) => s.kind === 'question');
    const question = slides[index];
    const checks = lesson.cycles[0].checkForUnderstanding ?? [];
    const answer = slides[index + checks.length];
    expect(slides.slice(index, index + checks.length).every((s) => s.kind === 'question')).toBe(true);
    expect(answer.kind).toBe('answer');
    expect(slides.filter((s) => s.kind === 'answer' && s.section === question.section)).toHaveLength(1);
    expect(bodyText(answer)).toContain('reply in the next ten minutes');
    for (const option of ['A message from a friend you were expecting', 'A school newsletter'])
      expect(bodyText(question)).toContain(option);
    expect(notesText(question)).toContain('reply in the next ten minutes');
  });

  it('should name the school DSL on the help slide when a profile is set, and the generic wording otherwise', () => {
    const { lesson, library } = exampleLesson('who-can-help');
    const generic = buildSlideDeck(lesson, library).slides.at(-1)!;
    expect(bodyText(generic)).toContain("your school's Designated Safeguarding Lead");
    expect(directivesIn(generic.body, 'signpost')).toBe(2);
    const school = { name: 'Test School', dslName: 'Ms Patel', dslContact: 'Room 12, or ask any member of staff.' };
    const named = buildSlideDeck(lesson, { ...library, school }).slides.at(-1)!;
    expect(bodyText(named)).toContain('Ms Patel, the Designated Safeguarding Lead');
    expect(bodyText(named)).toContain('Room 12');
    expect(bodyText(named)).toContain('You will not be in trouble for asking for help.');
  });

  it('should give the same deck twice and not share arrays with the lesson', () => {
    const { lesson, library } = exampleLesson('spotting-online-scams');
    const a = buildSlideDeck(lesson, library);
    const b = buildSlideDeck(lesson, library);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    a.slides[0].notes.push({ type: 'paragraph', children: [] });
    expect(buildSlideDeck(lesson, library).slides[0].notes.length).toBe(b.slides[0].notes.length);
  });
});
