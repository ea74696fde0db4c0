import { parentLetterKeys, parentLetterTemplate, type ParentLetterTemplate } from '../templates.ts';
import { limits } from '../../limits.ts';
import { diagnostic } from '../diagnostic.ts';
import { rules } from '../rules.ts';
import type { Diagnostic } from '../types.ts';
import type { YamlSource } from '../yaml-source.ts';
import type { Passage } from './passages.ts';
import { words } from './phrases.ts';

/**
 * `parent-letter-repeats-template`: the lesson's `parentLetter` is printed
 * inside the letter that templates/parent-letter.yaml frames, so a sentence
 * of it that says again what the frame says makes the letter longer and, when
 * the two drift apart, contradictory. Two tests, on each sentence:
 *
 * - for a sex-education lesson (the frame then prints `withdrawal`), a
 *   sentence about the right to withdraw: a word for withdrawing (withdraw,
 *   withdrawn, withdrawal, opt out, excuse from) together with words that
 *   make it a right or a request (right, entitled, ask, request, option, or
 *   "you can", "parents may" and the like). "If your child is withdrawn, they
 *   can still learn the safety steps with the DSL" is not one: it says what
 *   happens then, which the frame does not;
 * - any lesson: a sentence whose content words (at least three; words of
 *   the stop list below and `{placeholders}` left out, compared in lower
 *   case) are at least 70 % found in one sentence of the frame as printed
 *   for this lesson.
 */

const WITHDRAW =
  /\b(?:withdraw|withdraws|withdrawing|withdrawn|withdrew|withdrawal|opt(?:s|ed|ing)? out|excus(?:e|ed|es|ing) (?:\w+ ){0,3}from)\b/i;
const RIGHT =
  /\b(?:right|rights|entitled|ask|asking|request|requesting|option)\b|\b(?:you|parents?|carers?|families) (?:can|may|could|are able to)\b/i;

/** Share of a sentence's content words that one frame sentence holds, from which it is a repeat. */
export const REPEAT_SHARE = 0.7;
/** Sentences with fewer content words are too short to judge. */
const MIN_CONTENT_WORDS = 3;

const STOP = new Set(
  `a about after all also am an and any are as at be because been before being but by can could did do does for from
  had has have he her him his how i if in into is it its just me more most my no not of on or our out over she so
  some such than that the their them then there these they this those through to too up us very was we were what
  when where which while who will with would you your yours n't`.split(/\s+/),
);

/** Lower-case content words of a text, placeholders and markdown marks left out. */
function contentWords(text: string): Set<string> {
  return new Set(
    words(text.replace(/\{\w+\}/g, ' '))
      .map((word) => word.word.replace(/'s$/, ''))
      .filter((word) => !STOP.has(word)),
  );
}

/** Sentences of a text: runs up to a full stop, question or exclamation mark, with where each starts. */
function sentences(text: string): { text: string; from: number }[] {
  const out: { text: string; from: number }[] = [];
  const pattern = /[^.!?]+(?:[.!?]+|$)/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const lead = match[0].length - match[0].trimStart().length;
    if (match[0].trim()) out.push({ text: match[0].trim(), from: match.index + lead });
  }
  return out;
}

/** The letter's texts that frame a lesson's own, in the order it prints them (not who signs it). */
const FRAME_KEYS = parentLetterKeys.filter((key) => key !== 'signature' && key !== 'signedBy') as Exclude<
  (typeof parentLetterKeys)[number],
  'signature' | 'signedBy'
>[];

/** The texts of templates/parent-letter.yaml that frame a lesson's `parentLetter`, by key. */
export type LetterFrame = Pick<ParentLetterTemplate, (typeof FRAME_KEYS)[number]>;

let frame: LetterFrame | undefined;

/** templates/parent-letter.yaml, read once per thread by the same loader as the letter's renderer. */
export function letterFrame(): LetterFrame {
  frame ??= parentLetterTemplate();
  return frame;
}

const frames = new Map<boolean, Set<string>[]>();

/** The content words of each sentence of the letter's frame, as printed for a lesson that is (not) sex education. */
function frameSentences(sexEducation: boolean, template: LetterFrame): Set<string>[] {
  const known = template === frame ? frames.get(sexEducation) : undefined;
  if (known) return known;
  const texts = FRAME_KEYS.filter((key) => sexEducation || key !== 'withdrawal').map((key) => template[key]);
  const out = texts.flatMap((text) =>
    sentences(text.replace(/[*_`]/g, '')).map((sentence) => contentWords(sentence.text)),
  );
  if (template === frame) frames.set(sexEducation, out);
  return out;
}

export function checkParentLetter(
  lesson: { sexEducation?: boolean; parentLetter?: unknown },
  passages: readonly Passage[],
  source: YamlSource,
  template: LetterFrame = letterFrame(),
): Diagnostic[] {
  if (!lesson.parentLetter) return [];
  const sexEducation = lesson.sexEducation === true;
  const frame = frameSentences(sexEducation, template);
  const out: Diagnostic[] = [];
  for (const passage of passages) {
    if (passage.field !== 'parentLetter') continue;
    for (const unit of passage.units) {
      for (const sentence of sentences(unit.text)) {
        // As many as a file's problems are printed (`limits.diagnosticsPerFile`): a hostile letter costs no more.
        if (out.length >= limits.diagnosticsPerFile.value) return out;
        const at = () => unit.locate(sentence.from);
        const shown = sentence.text.length > 80 ? `${sentence.text.slice(0, 79)}…` : sentence.text;
        if (sexEducation && WITHDRAW.test(sentence.text) && RIGHT.test(sentence.text)) {
          out.push(
            diagnostic(
              'parent-letter-repeats-template',
              source.file,
              at(),
              rules['parent-letter-repeats-template'].message.withdrawal(shown),
            ),
          );
          continue;
        }
        const own = contentWords(sentence.text);
        if (own.size < MIN_CONTENT_WORDS) continue;
        let best = 0;
        for (const other of frame) {
          let shared = 0;
          for (const word of own) if (other.has(word)) shared++;
          best = Math.max(best, shared / own.size);
        }
        if (best >= REPEAT_SHARE) {
          out.push(
            diagnostic(
              'parent-letter-repeats-template',
              source.file,
              at(),
              rules['parent-letter-repeats-template'].message.repeat({
                sentence: shown,
                share: Math.round(best * 100),
              }),
            ),
          );
        }
      }
    }
  }
  return out;
}
