import type { DiagnosticSource, Lesson, Severity } from '../types.ts';

/** Files of a small library by path (`unit-a/unit.yaml`); `null` removes a default file. */
export type FixtureFiles = Record<string, string | Uint8Array | null>;

/**
 * One example of a rule, as remark-lint keeps `ok.md` and `not-ok.md` in each
 * rule's doc comment: a small library, made from the default one
 * (`fixture-library.ts`) with a few changes, that `pshe check` loads.
 * `tests/lesson/rule-fixtures.test.ts` runs every one.
 */
export interface RuleFixture {
  /** What the example shows, for the test's name. */
  name: string;
  /** Changes to the default lesson, `[find, replace]`, each applied once (find must be there). */
  edit?: readonly (readonly [find: string, replace: string])[];
  /** Files added to the default library or replacing its files; a function when they are large to build. */
  files?: FixtureFiles | (() => FixtureFiles);
  /**
   * What files cannot express, made in the library folder once written: folders (one named like a
   * file), and symbolic links, to a path or to a new file outside the library holding `outside`.
   * Declared rather than run here, so the rule table has no file system in it (it is bundled
   * for the browser with the renderers); tests/lesson/rule-fixtures.test.ts makes them.
   */
  folders?: readonly string[];
  links?: Readonly<Record<string, { to: string } | { outside: string | Uint8Array }>>;
  /** The date that date rules compare with (default: `fixtureToday`). */
  today?: string;
  /**
   * Render every lesson that loaded (`renderDownloads`), for the rules only a
   * render reports; a function first changes the loaded lesson into content
   * the loader never lets through (a renderer's own defence).
   */
  render?: true | ((lesson: Lesson) => Lesson);
  /** Not-ok only: where the rule is reported (`file` relative to the library; default the lesson). */
  at?: { line: number; column: number; file?: string };
}

/** A function that words a rule's message from what the check found. */
export type MessageTemplate = (...args: never[]) => string;

/** One rule of `pshe check`: what docs/rules.md says, how its message reads, and its examples. */
export interface Rule {
  severity: Severity;
  /** Which layer reports it. */
  source: DiagnosticSource;
  /** One sentence for docs/rules.md. */
  description: string;
  /**
   * The message, worded from what was found, for rules whose check lives in
   * `src/lesson/checks/` or `zod-issues.ts`; a rule with several wordings has one
   * template per case. Rules reported elsewhere (the YAML parser, the file gate,
   * the markdown plugins, the renderers) word their message there.
   */
  message?: MessageTemplate | Record<string, MessageTemplate>;
  /** At least one example the rule does not report, and one it reports at `at`. */
  fixtures: { ok: readonly RuleFixture[]; notOk: readonly [RuleFixture, ...RuleFixture[]] };
}
