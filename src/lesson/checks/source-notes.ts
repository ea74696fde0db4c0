import { diagnostic } from '../diagnostic.ts';
import { rules } from '../rules.ts';
import type { Diagnostic, Signpost } from '../types.ts';
import { positionAt } from '../yaml-source.ts';
import type { YamlSource } from '../yaml-source.ts';

/**
 * What marks a note to ourselves, never part of a published title or address
 * (`source-internal-note`): a file name of our notes (`law.md`, any `….md`,
 * `….yaml`), "cited in", a `research/` folder, "note to self", and TODO or
 * FIXME in capitals. Each test is a literal or one character class, so it is
 * linear whatever the text holds.
 */
const NOTES: readonly { test: RegExp; what: string }[] = [
  { test: /\w\.md\b/i, what: 'a file name of our notes' },
  { test: /\.ya?ml\b/i, what: 'a file name' },
  { test: /\bcited in\b/i, what: 'a note of where we found it' },
  { test: /\bresearch\//i, what: 'a folder of our notes' },
  { test: /\bnote to self\b/i, what: 'a note to ourselves' },
  { test: /\b(?:TODO|FIXME)\b/, what: 'a note of work to do' },
];

/** Whatever part of a web address names the host: `.md` is Moldova's domain, not a file. */
const HOST = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

/** The first internal note in a value, or undefined. Addresses are looked at after their host. */
export function internalNote(value: string, kind: 'text' | 'url'): { found: string; what: string } | undefined {
  const text = kind === 'url' ? value.replace(HOST, '') : value;
  let first: { index: number; found: string; what: string } | undefined;
  for (const note of NOTES) {
    const match = note.test.exec(text);
    if (match && (!first || match.index < first.index))
      first = { index: match.index, found: match[0], what: note.what };
  }
  if (!first) return undefined;
  // Show the whole word around the match (`law.md`, not `w.md`), within a bounded window.
  const from = Math.max(0, first.index - 40);
  const before = /[\w./-]*$/.exec(text.slice(from, first.index))?.[0] ?? '';
  const after = /^[\w./-]*/.exec(text.slice(first.index + first.found.length, first.index + first.found.length + 40));
  return { found: `${before}${first.found}${after?.[0] ?? ''}`, what: first.what };
}

type Path = (string | number)[];

function report(source: YamlSource, path: Path, value: string, kind: 'text' | 'url', field: string): Diagnostic[] {
  const note = internalNote(value, kind);
  if (!note) return [];
  return [
    diagnostic(
      'source-internal-note',
      source.file,
      positionAt(source, path),
      rules['source-internal-note'].message({ field, ...note }),
    ),
  ];
}

/** A lesson's `sources`: each title, address and publisher. */
export function checkLessonSourceNotes(
  sources: readonly { title: string; url: string; publisher?: string }[] | undefined,
  source: YamlSource,
): Diagnostic[] {
  return (sources ?? []).flatMap((entry, index) => [
    ...report(source, ['sources', index, 'title'], entry.title, 'text', 'source title'),
    ...report(source, ['sources', index, 'url'], entry.url, 'url', 'source address'),
    ...(entry.publisher
      ? report(source, ['sources', index, 'publisher'], entry.publisher, 'text', 'source publisher')
      : []),
  ]);
}

/**
 * Help services' `source` fields (signposts.yaml, or a school profile's
 * `localServices`): `at` is the path to the list in that file.
 */
export function checkServiceSourceNotes(
  services: readonly Signpost[],
  source: YamlSource,
  at: Path = [],
): Diagnostic[] {
  return services.flatMap((service, index) =>
    service.source === undefined
      ? []
      : report(source, [...at, index, 'source'], service.source, 'text', `source of ${service.name}`),
  );
}
