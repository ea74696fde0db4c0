import { readAsset } from '#assets';
import { z } from 'zod';
import { limits } from '../../limits.ts';
import { diagnostic } from '../diagnostic.ts';
import { rules } from '../rules.ts';
import type { Diagnostic } from '../types.ts';
import { parseYamlFile } from '../yaml-source.ts';
import type { YamlSource } from '../yaml-source.ts';
import { issuesToDiagnostics } from '../zod-issues.ts';
import type { Passage } from './passages.ts';
import { insideQuotes, PhraseIndex, quotedRanges, words, wordsOf } from './phrases.ts';

/**
 * `safeguarding-terminology`: words that guidance asks professionals not to
 * use, each with what to say instead and where that comes from. The built-in
 * list is templates/terminology.yaml; a library may add its own
 * `terminology.yaml` at its root, in the same format (docs/lesson-format.md).
 */

/** Caps on a library's own list, which is untrusted input (design.md, Limits). */
export const terminologyLimits = { entries: 200, phrases: 10, phraseLength: 80, phraseWords: 8 } as const;

const text = (max: number) => z.string().trim().min(1).max(max);

const phrase = text(terminologyLimits.phraseLength).refine(
  (value) => words(value).length > 0 && words(value).length <= terminologyLimits.phraseWords,
  { message: `a phrase of 1 to ${terminologyLimits.phraseWords} words` },
);

/** One entry of a terminology list. */
export const terminologyEntrySchema = z.strictObject({
  /** The words to avoid, matched as whole words in any case. */
  avoid: z.array(phrase).min(1).max(terminologyLimits.phrases),
  /** What to write instead, as the warning words it after a colon. */
  instead: text(300),
  /** `adults`: only in text for staff and parents (teacher notes, DSL notes, the letter, adult sessions). */
  readers: z.enum(['everyone', 'adults']).default('everyone'),
  /** A use inside quotation marks is allowed (a note that names the term to say it is not to be used). */
  allowWhenQuoted: z.boolean().default(false),
  /** Where the preferred wording comes from: published guidance, never our notes. */
  sources: z
    .array(z.strictObject({ title: text(300), url: z.string().max(300).startsWith('https://'), publisher: text(200) }))
    .min(1)
    .max(5),
});

export const terminologySchema = z.array(terminologyEntrySchema).max(terminologyLimits.entries);

export type TerminologyEntry = z.output<typeof terminologyEntrySchema>;

let builtIn: TerminologyEntry[] | undefined;

/**
 * The built-in list, read once per thread. It is our own file: a problem in it
 * is a bug in PSHE Kit, so it throws, naming the file, as the other templates do.
 */
export function builtInTerminology(): TerminologyEntry[] {
  if (builtIn) return builtIn;
  const shown = 'templates/terminology.yaml';
  const { source, diagnostics } = parseYamlFile(shown, readAsset('templates/terminology.yaml'));
  const parsed = source ? terminologySchema.safeParse(source.data) : undefined;
  if (!parsed?.success) {
    const problems =
      source && parsed ? issuesToDiagnostics(source, terminologySchema, parsed.error.issues) : diagnostics;
    throw new Error(
      `${shown} is not a valid terminology list: ${problems.map((d) => `${d.line}:${d.column} ${d.message}`).join('; ')}`,
    );
  }
  builtIn = parsed.data;
  return builtIn;
}

/**
 * At most this many warnings of the rule for one lesson: the file's problems
 * are capped at the same number when printed (`limits.diagnosticsPerFile`), so
 * a field that repeats a term thousands of times costs no more than that.
 */
const REPORT_CAP = limits.diagnosticsPerFile.value;

/** A short name for an entry's first source, for the message: its publisher. */
const citation = (entry: TerminologyEntry) => entry.sources[0].publisher;

const indexes = new WeakMap<readonly TerminologyEntry[], PhraseIndex<TerminologyEntry>>();

function indexOf(entries: readonly TerminologyEntry[]): PhraseIndex<TerminologyEntry> {
  let index = indexes.get(entries);
  if (!index) {
    index = new PhraseIndex();
    for (const entry of entries) for (const avoid of entry.avoid) index.add(avoid, entry);
    indexes.set(entries, index);
  }
  return index;
}

const merged = new WeakMap<readonly TerminologyEntry[], TerminologyEntry[]>();

/** The built-in list with a library's own entries after it (a phrase in both keeps the built-in advice). */
export function terminologyFor(extra: readonly TerminologyEntry[] = []): readonly TerminologyEntry[] {
  if (!extra.length) return builtInTerminology();
  let list = merged.get(extra);
  if (!list) {
    list = [...builtInTerminology(), ...extra];
    merged.set(extra, list);
  }
  return list;
}

/**
 * Each use of a listed term in a lesson's text (every markdown field, quiz
 * text and plain field but sources, curriculum links and misconceptions as
 * pupils word them): a warning at the term, with what to say instead. An
 * entry for `adults` is checked only in text staff and parents read.
 */
export function checkTerminology(
  passages: readonly Passage[],
  source: YamlSource,
  entries: readonly TerminologyEntry[] = terminologyFor(),
): Diagnostic[] {
  const index = indexOf(entries);
  const out: Diagnostic[] = [];
  for (const passage of passages) {
    for (const unit of passage.units) {
      if (out.length >= REPORT_CAP) return out;
      const found = index.find(unit.text, wordsOf(unit));
      if (!found.length) continue;
      let quoted: [number, number][] | undefined;
      for (const match of found) {
        if (out.length >= REPORT_CAP) return out;
        const entry = match.value;
        if (entry.readers === 'adults' && unit.reader !== 'adults') continue;
        if (entry.allowWhenQuoted) {
          quoted ??= quotedRanges(unit.text);
          if (insideQuotes(quoted, match.from, match.to)) continue;
        }
        const term = unit.text.slice(match.from, match.to).replace(/\s+/g, ' ');
        out.push(
          diagnostic(
            'safeguarding-terminology',
            source.file,
            unit.locate(match.from),
            rules['safeguarding-terminology'].message({
              term,
              instead: entry.instead,
              source: citation(entry),
              adults: entry.readers === 'adults',
            }),
          ),
        );
      }
    }
  }
  return out;
}
