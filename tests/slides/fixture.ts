import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import type { Lesson, Library } from '../../src/lesson/types.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** The example library every renderer test reads (2 lessons, unit staying-safe-online). */
export function exampleLibrary(): Library {
  return loadLibrary(path.join(root, 'examples/library'), { today: '2026-11-26' }).library;
}

export function exampleLesson(id: string): { lesson: Lesson; library: Library } {
  const library = exampleLibrary();
  const lesson = library.lessons.find((l) => l.id === id);
  if (!lesson) throw new Error(`no example lesson ${id}`);
  return { lesson, library };
}

/**
 * Load one lesson written for a test, in a library with the example
 * signposts, through the real loader (so positions are real YAML lines).
 */
export function lessonFromYaml(yaml: string, id = 'test-lesson'): { lesson: Lesson; library: Library } {
  const dir = mkdtempSync(path.join(tmpdir(), 'pshe-slides-'));
  try {
    writeFileSync(path.join(dir, 'signposts.yaml'), readFileSync(path.join(root, 'examples/library/signposts.yaml')));
    mkdirSync(path.join(dir, 'unit-a'));
    writeFileSync(path.join(dir, 'unit-a/unit.yaml'), `title: Unit A\nlessons: [${id}]\n`);
    writeFileSync(path.join(dir, `unit-a/${id}.yaml`), yaml);
    const { library, diagnostics } = loadLibrary(dir, { today: '2026-11-26' });
    const lesson = library.lessons.find((l) => l.id === id);
    if (!lesson) throw new Error(`fixture lesson did not load: ${diagnostics.map((d) => d.message).join('; ')}`);
    return { lesson, library };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A small valid pupil lesson; `cycles` is replaced by each test. */
export const lessonYaml = (cycles: string, extra = '') => `title: Asking for help
keyStage: key-stage-3
durationInMinutes: 50
learningOutcome: I can name two ways to get help.
keyLearningPoints:
  - Trusted adults can help.
keywords:
  - keyword: DSL
    definition: The member of staff who keeps pupils safe.
contentGuidance: [e/rshe-content, u/sensitive-content]
supervisionLevel: 3
dslNotes: |
  Inform the DSL before the lesson.
cycles:
${cycles}
signposts: [childline]
${extra}`;
