import { describe, expect, it } from 'vitest';
import { buildSlideDeck, slideWarnings } from '../../src/slides/index.ts';
import { exampleLibrary, lessonFromYaml, lessonYaml } from './fixture.ts';

const longBody = Array.from(
  { length: 16 },
  (_, i) => `          - Point ${i + 1} that the class needs to hear today`,
).join('\n');

describe('slideWarnings', () => {
  it('should warn at the slide’s YAML line when a slide holds more text than fits', () => {
    const { lesson, library } = lessonFromYaml(
      lessonYaml(`  - title: Lots to say
    durationInMinutes: 20
    explanation: |
      Short explanation.
    slides:
      - title: Everything at once
        body: |
${longBody}
`),
    );
    const warnings = slideWarnings(lesson, library);
    expect(warnings).toHaveLength(1);
    const [warning] = warnings;
    expect(warning).toMatchObject({
      ruleId: 'slide-too-long',
      severity: 'warning',
      file: lesson.file,
      line: 20,
      // The slide's mapping starts at its first key, after the list's "- ".
      column: 9,
    });
    expect(warning.message).toMatch(/Everything at once/);
    const titles = buildSlideDeck(lesson, library).slides.map((s) => s.title);
    expect(titles).toContain('Everything at once (1 of 2)');
    expect(titles).toContain('Everything at once (2 of 2)');
  });

  it('should not warn for lessons whose slides fit', () => {
    const library = exampleLibrary();
    for (const lesson of library.lessons) expect(slideWarnings(lesson, library)).toEqual([]);
  });
});
