import { syllable } from 'syllable';
import { diagnostic } from '../diagnostic.ts';
import { rules } from '../rules.ts';
import type { Diagnostic } from '../types.ts';
import type { YamlSource } from '../yaml-source.ts';
import type { Passage, TextUnit } from './passages.ts';
import { wordCharAt, words, wordsOf } from './phrases.ts';

/**
 * `reading-level`: a pupil-facing passage (see `Passage.readingChecked`) that
 * reads above its key stage's target reading age.
 *
 * The score is the one retext-readability (the unified collective's plugin)
 * computes, over a whole passage instead of one sentence at a time: four
 * grade-level formulas, each made a reading age by adding 5 (US grade 1 is
 * age 6): Flesch–Kincaid (Kincaid et al., 1975), Coleman–Liau (1975), the
 * Automated Readability Index (Senter and Smith, 1967) and SMOG (McLaughlin,
 * 1969). Like the plugin, the passage is flagged only when most formulas
 * agree, here at least three of the four, each more than a year above the
 * target: one formula alone swings on a short passage (a quiz question of
 * "What is empathy?" and four short options is 16 by Coleman–Liau and 13 by
 * the Automated Readability Index). The message gives their median.
 *
 * Why not run retext-english and retext-readability themselves: the plugin
 * scores single sentences (a confidence out of 7), not a passage against a
 * key stage; and parsing the starter library's pupil-facing text with
 * retext-english cost about 3–4 ms a lesson warm and 15 ms cold, most of the
 * budget of every new check together. Counting here is one linear pass per
 * unit, whatever a hostile field holds; syllables come from `syllable`, the
 * counter the plugin uses.
 */

/**
 * The reading age each key stage's pupil-facing text should not go above:
 * the upper end of PSHE Kit's writing guidance (KS3 about 11–12, KS4 about
 * 13–14), so that a pupil reading at the level expected as the key stage
 * begins can read it; KS1, KS2 and KS5 follow the same pattern. Staff and
 * parent sessions are not checked.
 */
export const READING_AGE_TARGETS: Record<string, number> = {
  'key-stage-1': 7,
  'key-stage-2': 10,
  'key-stage-3': 12,
  'key-stage-4': 14,
  'key-stage-5': 16,
};

/** Fewer words than this is too little text for any formula to judge. */
export const MIN_WORDS = 15;
/** How many of the four formulas must put a passage over its target and margin. */
export const AGREEING_FORMULAS = 3;
/**
 * Years above the target a formula must give before it counts: on a passage
 * of a few sentences the formulas differ from one another by a year or more,
 * so well-written text that sits at the target is not flagged.
 */
export const MARGIN_YEARS = 1;

/** How a word the lesson teaches (one of its `keywords`) is counted: as a short everyday word. */
const FAMILIAR = { syllables: 1, letters: 4 } as const;

/** Abbreviations whose full stop does not end a sentence, as the text before the stop ends. */
const ABBREVIATION = /(?:^|[^\p{L}])(?:e\.g|i\.e|etc|mr|mrs|ms|dr|st|vs|no|approx|cf)$/iu;

const syllables = new Map<string, number>();

/** Syllables in one word, remembered per thread (a bounded cache: lessons share most of their words). */
function syllablesOf(word: string): number {
  let count = syllables.get(word);
  if (count === undefined) {
    // `syllable`'s patterns are meant for words; a run of letters past 40 is counted roughly.
    count = word.length > 40 ? Math.ceil(word.length / 3) : Math.max(1, syllable(word));
    if (syllables.size > 50_000) syllables.clear();
    syllables.set(word, count);
  }
  return count;
}

/** Letters in a word: everything but digits and apostrophes (words hold nothing else). */
function lettersIn(word: string): number {
  let letters = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || c === 39)) letters++;
  }
  return letters;
}

export interface PassageCounts {
  words: number;
  sentences: number;
  syllables: number;
  letters: number;
  /** Words of three syllables or more. */
  polysyllables: number;
  /** The sentence with the most words, as written. */
  longest: { text: string; words: number; unit: TextUnit; from: number } | undefined;
}

/** Where a sentence ends in the gap between two words (after its `.`, `!` or `?`, not one before a letter or digit), or -1. */
function sentenceEnd(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 46 && c !== 33 && c !== 63) continue;
    // "3.5" and "gov.uk" go on; so does a listed abbreviation ("e.g. a friend").
    if (i + 1 < text.length && wordCharAt(text, i + 1)) continue;
    if (c === 46 && ABBREVIATION.test(text.slice(Math.max(0, i - 8), i))) continue;
    let end = i + 1;
    while (end < to && /[.!?"'”’)]/.test(text[end])) end++;
    return end;
  }
  return -1;
}

/**
 * Count a passage's words, sentences, syllables and letters, from the words
 * the phrase checks found (`wordsOf`). A sentence ends at `.`, `!` or `?`
 * before a space or the end (not after a listed abbreviation, nor inside
 * `3.5`), and at the end of each unit: a heading, a list item or a quiz
 * option is a sentence of its own, with or without a full stop. Numbers are
 * read at a glance and not counted; "does" + "n't" is one word.
 */
export function countPassage(units: readonly TextUnit[], familiar: ReadonlySet<string> = new Set()): PassageCounts {
  const counts: PassageCounts = {
    words: 0,
    sentences: 0,
    syllables: 0,
    letters: 0,
    polysyllables: 0,
    longest: undefined,
  };
  for (const unit of units) {
    const text = unit.text;
    const list = wordsOf(unit);
    let sentenceWords = 0;
    let sentenceFrom = -1;
    let lastEnd = 0;
    const end = (to: number) => {
      if (sentenceWords === 0) return;
      counts.sentences++;
      if (!counts.longest || sentenceWords > counts.longest.words) {
        counts.longest = { text: text.slice(sentenceFrom, to), words: sentenceWords, unit, from: sentenceFrom };
      }
      sentenceWords = 0;
      sentenceFrom = -1;
    };
    for (let index = 0; index < list.length; index++) {
      const item = list[index];
      if (item.word === "n't" && item.from === lastEnd) continue; // part of the word before
      if (sentenceWords) {
        const stop = sentenceEnd(text, lastEnd, item.from);
        if (stop >= 0) end(stop);
      }
      let word = item.word;
      lastEnd = item.to;
      const next = list[index + 1];
      if (next?.word === "n't" && next.from === item.to) {
        word += "n't";
        lastEnd = next.to;
      }
      if (!/\D/.test(word)) continue; // a number
      if (sentenceFrom < 0) sentenceFrom = item.from;
      sentenceWords++;
      counts.words++;
      if (familiar.has(word)) {
        // A key word of the lesson is taught in it: it reads as an everyday word.
        counts.syllables += FAMILIAR.syllables;
        counts.letters += FAMILIAR.letters;
        continue;
      }
      const count = syllablesOf(word);
      counts.syllables += count;
      if (count >= 3) counts.polysyllables++;
      counts.letters += lettersIn(word);
    }
    end(text.trimEnd().length);
  }
  return counts;
}

/** The four reading ages of a passage (formula grade + 5), in the order of the comment above. */
export function readingAges(counts: PassageCounts): number[] {
  const { words, sentences, syllables: syl, letters, polysyllables } = counts;
  const perSentence = words / sentences;
  const fleschKincaid = 0.39 * perSentence + 11.8 * (syl / words) - 15.59;
  const colemanLiau = 0.0588 * ((letters / words) * 100) - 0.296 * ((sentences / words) * 100) - 15.8;
  const automated = 4.71 * (letters / words) + 0.5 * perSentence - 21.43;
  const smog = 1.043 * Math.sqrt((polysyllables * 30) / sentences) + 3.1291;
  return [fleschKincaid, colemanLiau, automated, smog].map((grade) => grade + 5);
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** A sentence for a message: spaces collapsed, at most 80 characters. */
function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

export interface PassageLevel {
  passage: Passage;
  score: number;
  ages: number[];
  counts: PassageCounts;
}

/** The words of a lesson's key words (`keywords[].keyword`), in lower case: the vocabulary it teaches. */
export function keywordWords(keywords: readonly { keyword: string }[]): Set<string> {
  const out = new Set<string>();
  for (const { keyword } of keywords) for (const { word } of words(keyword)) out.add(word);
  return out;
}

/** The score of each pupil-facing passage long enough to judge (for the check, and for reports). */
export function passageLevels(passages: readonly Passage[], familiar: ReadonlySet<string> = new Set()): PassageLevel[] {
  const out: PassageLevel[] = [];
  for (const passage of passages) {
    if (!passage.readingChecked) continue;
    const units = passage.units.filter((unit) => unit.reader === 'pupils');
    if (!units.length) continue;
    const counts = countPassage(units, familiar);
    if (counts.words < MIN_WORDS || counts.sentences === 0) continue;
    const ages = readingAges(counts);
    out.push({ passage, score: median(ages), ages, counts });
  }
  return out;
}

export function checkReadingLevel(
  lesson: { audience: string; keyStage?: string; keywords: readonly { keyword: string }[] },
  passages: readonly Passage[],
  source: YamlSource,
): Diagnostic[] {
  if (lesson.audience !== 'pupils' || !lesson.keyStage) return [];
  const target = READING_AGE_TARGETS[lesson.keyStage];
  if (target === undefined) return [];
  const out: Diagnostic[] = [];
  for (const level of passageLevels(passages, keywordWords(lesson.keywords))) {
    const over = level.ages.filter((age) => age > target + MARGIN_YEARS).length;
    if (over < AGREEING_FORMULAS) continue;
    const longest = level.counts.longest;
    out.push(
      diagnostic(
        'reading-level',
        source.file,
        longest ? longest.unit.locate(longest.from) : level.passage.at(),
        rules['reading-level'].message({
          score: Math.round(level.score * 10) / 10,
          target,
          keyStage: lesson.keyStage.replace('key-stage-', ''),
          sentence: longest ? shorten(longest.text) : '',
          words: longest?.words ?? 0,
        }),
      ),
    );
  }
  return out;
}
