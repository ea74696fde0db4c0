import type { School, Signpost } from '../../lesson/types.ts';

/**
 * The school profile as `/personalise/`'s form holds it: which field is
 * which input, in the order the school.yaml the page makes lists them, and
 * how each is labelled. The Astro page (the text fields) and the page's
 * script (the local services, added and removed as the user goes) both take
 * their labels from here. Every field of the profile and of a service is
 * listed: adding one to the schema without a place here is a type error.
 */

export interface FieldWording {
  label: string;
  hint?: string;
  autocomplete?: string;
  /** The input's type, when not text. */
  type?: 'date' | 'email' | 'tel' | 'url';
}

/** The profile's fields held as text boxes. */
export const SCHOOL_TEXT_FIELDS = ['name', 'dslName', 'dslContact', 'deputyDsl', 'signOff', 'accentColour'] as const;
export type SchoolTextField = (typeof SCHOOL_TEXT_FIELDS)[number];

export const schoolWording: Record<SchoolTextField, FieldWording> = {
  name: { label: 'School name', hint: 'As it appears on letters home.', autocomplete: 'organization' },
  dslName: { label: 'Designated Safeguarding Lead’s name (optional)', hint: 'Such as Ms Okafor.' },
  dslContact: {
    label: 'How pupils and families reach the DSL',
    hint: 'Such as: Room 12, or ask any member of staff to find Ms Okafor.',
  },
  deputyDsl: { label: 'How to reach the deputy DSL (optional)' },
  signOff: { label: 'Who signs the letters home (optional)', hint: 'Such as: Mrs Patel, Head of PSHE.' },
  accentColour: { label: 'Accent colour (optional)', hint: 'A colour such as #1d4ed8.' },
};

/** The logo's field. */
export const logoWording: FieldWording = {
  label: 'School logo (optional)',
  hint: 'A PNG or JPEG file, printed at the top of the letters home. To use it with pshe build, put the file beside school.yaml.',
};

/**
 * A local service's fields, in the order school.yaml lists them. `id` is not
 * shown: it is kept from a loaded profile, or made from the name.
 */
export const SERVICE_FIELDS = [
  'name',
  'helpsWith',
  'helpsWithAdults',
  'audience',
  'ages',
  'phone',
  'text',
  'url',
  'email',
  'hours',
  'verifiedOn',
  'source',
] as const;
export type ServiceField = (typeof SERVICE_FIELDS)[number];

export const serviceWording: Record<ServiceField, FieldWording> = {
  name: { label: 'Name of the service' },
  helpsWith: { label: 'What it helps with, for pupils', hint: 'Such as: Talk to a youth worker about anything.' },
  helpsWithAdults: {
    label: 'What it helps with, for adults (optional)',
    hint: 'Used in the letters and the DSL’s papers.',
  },
  audience: { label: 'Who it is for', hint: 'Such as: Young people in Riverside and their families.' },
  ages: { label: 'Ages', hint: 'Such as: 11 to 18.' },
  phone: { label: 'Phone (optional)', type: 'tel' },
  text: { label: 'Text message (optional)', hint: 'Such as: Text 07700 900123.' },
  url: { label: 'Website (optional)', hint: 'An address starting https://', type: 'url' },
  email: { label: 'Email (optional)', type: 'email' },
  hours: { label: 'Opening hours (optional)' },
  verifiedOn: { label: 'Date these details were checked', type: 'date' },
  source: { label: 'Where they were checked (optional)', hint: 'Such as the service’s own contact page.' },
};

/** The input of a school field or the logo (`school-name`), and of a service's field (`service-0-ages`). */
export const schoolInput = (field: SchoolTextField | 'logo') => `school-${field}`;
export const serviceInput = (index: number, field: ServiceField) => `service-${index}-${field}`;

/** Where a problem with the services as a whole is shown (too many; a service a lesson needs is missing). */
export const SERVICES_TARGET = 'services';

// Type checks only: every field of the profile and of a service has its place in the form, and no more.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const everySchoolField: Same<keyof School, SchoolTextField | 'logo' | 'localServices'> = true;
const everyServiceField: Same<Exclude<keyof Signpost, 'id'>, ServiceField> = true;
void everySchoolField;
void everyServiceField;
