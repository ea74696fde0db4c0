import { parse } from 'yaml';
import { readAsset } from '#assets';
import type { AssetName } from '../platform/asset-files.ts';

export interface ParentLetterTemplate {
  title: string;
  greeting: string;
  opening: string;
  learningHeading: string;
  materials: string;
  withdrawal: string;
  support: string;
  questions: string;
  helpHeading: string;
  signoff: string;
  /** Printed after `signoff` when the school profile sets `signOff` (`{signOff}`). */
  signedBy: string;
  signature: string;
}

export interface InvitationLetterTemplate {
  title: string;
  greeting: string;
  opening: string;
  invitation: string;
  learningHeading: string;
  whenHeading: string;
  privacy: string;
  materials: string;
  access: string;
  helpHeading: string;
  signoff: string;
  /** Printed after `signoff` when the school profile sets `signOff` (`{signOff}`). */
  signedBy: string;
  signature: string;
}

export interface DisclosureTemplate {
  title: string;
  /** The same steps' heading on the DSL's own briefing, which the DSL reads about staff. */
  dslTitle: string;
  steps: string[];
  approval: string;
}

const loaded = new Map<string, Record<string, unknown>>();

/** Read a template once per process; a missing key is an error that names the file and the key. */
function load<T>(file: string, keys: string[]): T {
  let data = loaded.get(file);
  if (!data) {
    // The texts renderers fill in (design.md, Layout: `templates/`), read at the edge (src/platform).
    const value: unknown = parse(new TextDecoder().decode(readAsset(`templates/${file}` as AssetName)));
    if (!value || typeof value !== 'object') throw new Error(`templates/${file} is not a YAML mapping`);
    data = value as Record<string, unknown>;
    loaded.set(file, data);
  }
  for (const key of keys) {
    const value = data[key];
    const ok = typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
    if (!ok) throw new Error(`templates/${file} needs the text \`${key}\``);
  }
  return data as T;
}

/**
 * The letter home's texts in the order it prints them (`withdrawal` only for
 * sex education), then who signs it (`signedBy` only with a profile's `signOff`)
 * and its signature.
 */
export const parentLetterKeys = [
  'title',
  'greeting',
  'opening',
  'learningHeading',
  'materials',
  'withdrawal',
  'support',
  'questions',
  'helpHeading',
  'signoff',
  'signedBy',
  'signature',
] as const satisfies readonly (keyof ParentLetterTemplate)[];

export const parentLetterTemplate = () => load<ParentLetterTemplate>('parent-letter.yaml', [...parentLetterKeys]);

export const invitationLetterTemplate = () =>
  load<InvitationLetterTemplate>('invitation-letter.yaml', [
    'title',
    'greeting',
    'opening',
    'invitation',
    'learningHeading',
    'whenHeading',
    'privacy',
    'materials',
    'access',
    'helpHeading',
    'signoff',
    'signedBy',
    'signature',
  ]);

export const disclosureTemplate = () =>
  load<DisclosureTemplate>('disclosure-steps.yaml', ['title', 'dslTitle', 'steps', 'approval']);
