import { expand } from './phrases.ts';

/**
 * Facts the content checks share with the rule table (`rules/content.ts`, which
 * words docs/rules.md from them). No imports but the phrase helpers, so the
 * rule table can read them without a cycle through `diagnostic.ts`.
 */

/** Help services for mental health, one of which a lesson that mentions self-harm must list (`self-harm-signpost`). */
export const MENTAL_HEALTH_SIGNPOSTS = ['samaritans', 'shout', 'papyrus'] as const;

/**
 * The services that count as help next to a mention of self-harm or suicide
 * (`self-harm-help-nearby`): the mental-health services, and Childline, which
 * answers young people about anything, these worries included.
 */
export const HELP_NEARBY_SIGNPOSTS: readonly string[] = [...MENTAL_HEALTH_SIGNPOSTS, 'childline'];

const reflexive = 'themselves|themself|yourself|yourselves|himself|herself|myself|ourselves';

/**
 * What counts as a mention of self-harm or suicide, as whole words in any
 * case (hyphens and spaces alike, curly and straight apostrophes alike;
 * `{a|b}` lists choices). Kept short and literal: a mention the list misses is
 * still covered by `x/self-harm-mentioned` and the lesson's signposts.
 */
export const SELF_HARM_PATTERNS: readonly string[] = [
  'self {harm|harms|harmed|harming|harmer|harmers}',
  'selfharm',
  '{suicide|suicides|suicidal}',
  `{harm|harms|harmed|harming|hurt|hurts|hurting} {${reflexive}}`,
  `{kill|kills|killed|killing} {${reflexive}}`,
  '{end|ends|ended|ending} {their|your|his|her|my|our} {life|lives|own life|own lives}',
  "{not|n't|no longer} {want|wanting} to be here",
];

/** Every phrase of {@link SELF_HARM_PATTERNS}, written out. */
export const SELF_HARM_PHRASES: readonly string[] = SELF_HARM_PATTERNS.flatMap(expand);
