/**
 * The one schema of PSHE Kit's files: lessons, units, help services and the
 * school profile (design.md, "Lesson format (v1)"). TypeScript types and the
 * JSON Schemas in the library folder are derived from it. Rules that span
 * fields live in `rules/`, after the schema. Every list has a cap well above
 * what a lesson needs (issue 11: the starter library's longest lists are 17
 * sources, 11 signposts, 8 keywords, 7 ground rules, 4 slides in a cycle),
 * so a pasted list of thousands is a located `schema-size` error.
 */
import { z } from 'zod';
import { limits } from '../limits.ts';
import { CHARACTER_NAME, CHARACTER_NAME_MAX, CHARACTER_NAME_RULE, normaliseName } from './characters.ts';
import { markdown } from './markdown-field.ts';

import { SLUG } from './slug.ts';

export { SLUG };

export const contentGuidanceCodes = [
  'l/discriminatory-language',
  'l/offensive-language',
  'u/sensitive-content',
  'u/violence-or-suffering',
  'u/mental-health-challenges',
  'u/crime-or-illegal-activities',
  'u/sexual-violence',
  's/nudity-or-sexual-content',
  'e/rshe-content',
  'x/self-harm-mentioned',
] as const;

export const keyStages = ['key-stage-1', 'key-stage-2', 'key-stage-3', 'key-stage-4', 'key-stage-5'] as const;

/** Year groups that belong to each key stage in England. */
export const yearsOfKeyStage: Record<(typeof keyStages)[number], readonly number[]> = {
  'key-stage-1': [1, 2],
  'key-stage-2': [3, 4, 5, 6],
  'key-stage-3': [7, 8, 9],
  'key-stage-4': [10, 11],
  'key-stage-5': [12, 13],
};

export const connectedWorldStrands = [
  'self-image-and-identity',
  'online-relationships',
  'online-reputation',
  'online-bullying',
  'managing-online-information',
  'health-wellbeing-and-lifestyle',
  'privacy-and-security',
  'copyright-and-ownership',
] as const;

export const fourCs = ['content', 'contact', 'conduct', 'commerce'] as const;

export const audiences = ['pupils', 'staff', 'parents'] as const;

const text = z.string().trim().min(1).max(limits.textLength.value);
/** Contact details, ages, audience and hours: printed in every page's footer of some documents. */
const contact = z.string().trim().min(1).max(limits.contactLength.value);
/** A service's, the school's or a person's name: in headers and footers on every page. */
const name = z.string().trim().min(1).max(limits.nameLength.value);
const slug = z.string().regex(SLUG, 'an id in lower case with hyphens, such as "getting-help"');
const isoDate = z.iso.date();
const minutes = z.int().positive();

const quizQuestion = z.strictObject({
  question: text,
  answers: z.array(text).min(1).max(10),
  distractors: z.array(text).min(1).max(10),
});
const quiz = z.array(quizQuestion).min(1).max(10);

const timedActivity = z.strictObject({
  activity: markdown(),
  durationInMinutes: minutes,
});

const slide = z.strictObject({
  title: text,
  body: markdown().optional(),
  notes: markdown().optional(),
});

const cycle = z.strictObject({
  title: text,
  durationInMinutes: minutes,
  explanation: markdown(),
  slides: z.array(slide).min(1).max(30).optional(),
  checkForUnderstanding: quiz.optional(),
  practice: markdown().optional(),
  feedback: markdown().optional(),
  support: markdown().optional(),
  stretch: markdown().optional(),
});

/**
 * The fictional people a lesson names outside its `:::scenario{name=…}` blocks
 * (issue 15): with the scenario names, the names a class may rename. Each once.
 */
const characters = z
  .array(z.string().max(CHARACTER_NAME_MAX).regex(CHARACTER_NAME, CHARACTER_NAME_RULE))
  .min(1)
  .max(20)
  .superRefine((names, context) => {
    const seen = new Set<string>();
    names.forEach((name, index) => {
      const key = normaliseName(name);
      if (seen.has(key)) {
        context.addIssue({
          code: 'custom',
          path: [index],
          message: `"${name}" is already in the list; list each name once`,
        });
      }
      seen.add(key);
    });
  })
  .meta({
    description:
      'Fictional people the lesson names outside its :::scenario{name=…} blocks; with the scenario names, the names a class may rename',
  });

const psheCode = z.string().regex(/^KS[1-5] [HRL][0-9]{1,2}$/, 'a key stage and code such as "KS4 R1"');

export const lessonSchema = z.strictObject({
  id: slug.optional(),
  title: text.max(80),
  audience: z.enum(audiences).default('pupils'),
  keyStage: z.enum(keyStages).optional(),
  yearGroups: z.array(z.int().min(1).max(13)).min(1).max(13).optional(),
  durationInMinutes: minutes,
  summary: markdown().optional(),
  learningOutcome: text,
  keyLearningPoints: z.array(text).min(1).max(6),
  priorKnowledge: z.array(text).max(20).optional(),
  keywords: z
    .array(z.strictObject({ keyword: text, definition: text }))
    .min(1)
    .max(30),
  misconceptions: z
    .array(z.strictObject({ misconception: text, response: text }))
    .max(20)
    .optional(),
  contentGuidance: z.array(z.enum(contentGuidanceCodes)).max(contentGuidanceCodes.length),
  supervisionLevel: z.int().min(1).max(4),
  safeLearning: z
    .strictObject({
      groundRules: z.array(text).min(1).max(20).optional(),
      distancing: markdown().optional(),
      questionBox: z.boolean().optional(),
      timeOut: markdown().optional(),
    })
    .optional(),
  dslNotes: markdown().optional(),
  baseline: timedActivity.optional(),
  endpoint: timedActivity.optional(),
  starterQuiz: quiz.optional(),
  exitQuiz: quiz.optional(),
  cycles: z.array(cycle).min(1).max(4),
  signposts: z.array(slug).max(30).optional(),
  sexEducation: z.boolean().optional(),
  parentLetter: markdown().optional(),
  curriculumLinks: z
    .strictObject({
      rshe: z.array(text).max(30).optional(),
      psheAssociation: z.array(psheCode).max(30).optional(),
      connectedWorld: z.array(z.enum(connectedWorldStrands)).max(connectedWorldStrands.length).optional(),
      fourCs: z.array(z.enum(fourCs)).max(fourCs.length).optional(),
    })
    .optional(),
  sources: z
    .array(z.strictObject({ title: text, url: z.string(), publisher: text.optional() }))
    .max(50)
    .optional(),
  reviewDate: isoDate.optional(),
  characters: characters.optional(),
});

export const unitSchema = z.strictObject({
  title: text.max(80),
  summary: markdown().optional(),
  keyStage: z.enum(keyStages).optional(),
  lessons: z.array(slug).min(1).max(50),
});

const signpostFields = {
  id: slug,
  name,
  /** What the service does, written for pupils. */
  helpsWith: text,
  /**
   * What the service does, written for parents, carers and staff; used instead
   * of `helpsWith` in anything for adults (help model, `helpsWithFor`).
   */
  helpsWithAdults: text
    .describe(
      'What the service does, written for parents, carers and staff; used instead of `helpsWith` in anything for adults',
    )
    .optional(),
  audience: contact,
  ages: contact,
  phone: contact.optional(),
  text: contact.optional(),
  url: z.string().max(limits.contactLength.value).optional(),
  email: contact.optional(),
  hours: contact.optional(),
  verifiedOn: isoDate,
  source: text.optional(),
};

export const signpostSchema = z.strictObject(signpostFields);
export const signpostsSchema = z.array(signpostSchema).min(1).max(100);

export const schoolSchema = z.strictObject({
  name,
  dslName: name.optional(),
  dslContact: contact,
  deputyDsl: contact.optional(),
  localServices: z.array(signpostSchema).max(limits.localServices.value).optional(),
  accentColour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as "#1d4ed8"')
    .optional(),
  logo: z.string().optional(),
  /** Who signs the letters home (issue 15), printed under "Yours faithfully," above the school's name. */
  signOff: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .meta({
      description:
        'Who signs the letter to parents and carers and the invitation, such as "Mrs Patel, Head of PSHE": printed after "Yours faithfully," above the school\'s name',
    })
    .optional(),
});

/** The four kinds of file in a library, each with its schema and JSON Schema file name. */
export const fileKinds = {
  lesson: { schema: lessonSchema, jsonSchema: 'lesson.schema.json', title: 'PSHE Kit lesson' },
  unit: { schema: unitSchema, jsonSchema: 'unit.schema.json', title: 'PSHE Kit unit' },
  signposts: {
    schema: signpostsSchema,
    jsonSchema: 'signposts.schema.json',
    title: 'PSHE Kit help services',
  },
  school: { schema: schoolSchema, jsonSchema: 'school.schema.json', title: 'PSHE Kit school profile' },
} as const;

export type FileKind = keyof typeof fileKinds;
