import { diagnostic } from '../diagnostic.ts';
import { rules } from '../rules.ts';
import type { Diagnostic } from '../types.ts';
import type { YamlSource } from '../yaml-source.ts';
import { HELP_NEARBY_SIGNPOSTS, SELF_HARM_PHRASES } from './mentions.ts';
import type { Passage } from './passages.ts';
import { PhraseIndex, wordsOf } from './phrases.ts';

const mentions = new PhraseIndex<true>();
for (const phrase of SELF_HARM_PHRASES) mentions.add(phrase, true);

/**
 * `self-harm-help-nearby`: a block (see `Passage`) that mentions self-harm or
 * suicide must name a mental-health service or Childline with `:signpost[id]`
 * in the same block, teacher notes included: a signpost elsewhere in the
 * field does not count for a scenario, which is a slide of its own. Reported
 * once per block, at its first mention. Plain-text fields (quiz questions, key
 * learning points) cannot hold a signpost and are left to
 * `self-harm-signpost`, which asks for one in the lesson's help list.
 */
export function checkSelfHarmHelp(passages: readonly Passage[], source: YamlSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const passage of passages) {
    if (!passage.markdown || passage.signposts.some((id) => HELP_NEARBY_SIGNPOSTS.includes(id))) continue;
    for (const unit of passage.units) {
      const [first] = mentions.find(unit.text, wordsOf(unit));
      if (!first) continue;
      const said = unit.text.slice(first.from, first.to).replace(/\s+/g, ' ');
      out.push(
        diagnostic(
          'self-harm-help-nearby',
          source.file,
          unit.locate(first.from),
          rules['self-harm-help-nearby'].message(said),
        ),
      );
      break;
    }
  }
  return out;
}
