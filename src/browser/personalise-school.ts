import { checkImageBytes, checkImageName } from '../image-check.ts';
import type { LessonImage } from '../library-file.ts';
import { limits } from '../limits.ts';
import {
  SCHOOL_TEXT_FIELDS,
  SERVICE_FIELDS,
  logoWording,
  schoolInput,
  serviceInput,
  serviceWording,
  type ServiceField,
} from '../site/lib/school-form.ts';
import { byId } from './dom.ts';
import { clearErrors, showErrors } from './error-summary.ts';
import { formField } from './form-field.ts';
import type { SchoolForm, ServiceForm } from './school-yaml.ts';

/**
 * The "Your school" part of `/personalise/`: the profile's text fields (made
 * by the Astro page), the logo (a file chosen on this device, checked as the
 * library's file gate checks a logo's name and bytes) and the local services (added
 * and removed here). It reads and fills the form as a {@link SchoolForm};
 * school-yaml.ts turns that into the school.yaml the worker checks.
 */

/** A logo chosen here, or the site's own: its file name and the image the renderers draw. */
export interface Logo {
  name: string;
  image: Omit<LessonImage, 'file'>;
}

let logo: Logo | undefined;
/** Told when the logo or the services change without the form's own events (removed, added, read). */
let changed = () => {};

export const currentLogo = () => logo;

const say = (words: string) => {
  byId<HTMLParagraphElement>('progress').textContent = words;
};

function showLogo(next: Logo | undefined) {
  logo = next;
  byId<HTMLParagraphElement>('school-logo-status').textContent = next
    ? `Printed on the letters: ${next.name}.`
    : 'No logo: the letters are printed without one.';
  byId<HTMLButtonElement>('remove-logo').hidden = !next;
  // What the file box shows is the file chosen last, which may no longer be the logo.
  byId<HTMLInputElement>(schoolInput('logo')).value = '';
  changed();
}

/** A logo's problem (too big, not a PNG or JPEG), in the words the library's file gate uses; undefined when it may be used. */
export function logoProblem(name: string, bytes: Uint8Array, size = bytes.length): string | undefined {
  return checkImageBytes(bytes, `The logo \`${name}\``, 'logo', size).problem?.message;
}

async function chooseLogo(file: File) {
  clearErrors();
  // Nothing is read of a file over the byte limit: its size is enough to refuse it.
  const over = file.size > limits.imageBytes.value;
  const bytes = over ? new Uint8Array(0) : new Uint8Array(await file.arrayBuffer());
  // The name as the build's file gate reads it from school.yaml (`crest:v2.png` reads as an address), then the bytes.
  const named = checkImageName(file.name, 'logo', { decode: false });
  const checked = named.problem ? named : checkImageBytes(bytes, `The logo \`${file.name}\``, 'logo', file.size);
  if (checked.problem) {
    byId<HTMLInputElement>(schoolInput('logo')).value = '';
    return showErrors([{ input: schoolInput('logo'), message: checked.problem.message }]);
  }
  if (!('header' in checked) || !checked.header) return;
  showLogo({ name: file.name, image: { bytes, ...checked.header } });
  say(`The logo is now ${file.name}.`);
}

/** The services' fields, one group each, numbered from 1 again whenever one is added or removed. */
function renderServices(services: readonly ServiceForm[]) {
  byId<HTMLDivElement>('services').replaceChildren(
    ...services.map((service, index) => {
      const group = document.createElement('fieldset');
      group.className = 'service';
      group.dataset.id = service.id ?? '';
      const legend = document.createElement('legend');
      const heading = document.createElement('h3');
      heading.textContent = `Local service ${index + 1}`;
      legend.append(heading);
      group.append(legend);
      for (const field of SERVICE_FIELDS) {
        group.append(formField(serviceInput(index, field), serviceWording[field], { value: service[field] }).field);
      }
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'button button-secondary';
      remove.textContent = `Remove local service ${index + 1}`;
      remove.addEventListener('click', () => {
        // The services are numbered again: errors shown for the old numbers would point at the wrong ones.
        clearErrors();
        renderServices(readServices().filter((_, at) => at !== index));
        say(`Local service ${index + 1} is removed.`);
        byId<HTMLButtonElement>('add-service').focus();
      });
      group.append(remove);
      return group;
    }),
  );
  const add = byId<HTMLButtonElement>('add-service');
  const full = services.length >= limits.localServices.value;
  add.disabled = full;
  byId<HTMLParagraphElement>('services-full').hidden = !full;
  changed();
}

function readServices(): ServiceForm[] {
  return [...document.querySelectorAll<HTMLFieldSetElement>('#services fieldset.service')].map((group, index) => {
    const service: ServiceForm = group.dataset.id ? { id: group.dataset.id } : {};
    for (const field of SERVICE_FIELDS) {
      const value = byId<HTMLInputElement>(serviceInput(index, field)).value;
      if (value.trim()) service[field as ServiceField] = value;
    }
    return service;
  });
}

/** The profile as the form holds it now. */
export function readSchool(): SchoolForm {
  const fields: SchoolForm['fields'] = {};
  for (const field of SCHOOL_TEXT_FIELDS) {
    const value = byId<HTMLInputElement>(schoolInput(field)).value;
    if (value.trim()) fields[field] = value;
  }
  return { fields, ...(logo ? { logo: logo.name } : {}), services: readServices() };
}

/** Put a profile in the form: every text field (empty where it has none), its services, and the logo given. */
export function fillSchool(form: SchoolForm, withLogo: Logo | undefined) {
  for (const field of SCHOOL_TEXT_FIELDS) byId<HTMLInputElement>(schoolInput(field)).value = form.fields[field] ?? '';
  renderServices(form.services.slice(0, limits.localServices.value));
  showLogo(withLogo);
}

/**
 * Wire the logo's and the services' controls, and show the profile the page starts with.
 * `onChange` is told of every change the form's own input events do not carry.
 */
export function startSchool(start: SchoolForm, startLogo: Logo | undefined, onChange: () => void) {
  changed = onChange;
  const { field, input } = formField(schoolInput('logo'), logoWording, { hintId: 'school-logo-status' });
  input.type = 'file';
  input.accept = 'image/png,image/jpeg,.png,.jpg,.jpeg';
  byId<HTMLDivElement>('logo-field').prepend(field);
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void chooseLogo(file);
  });
  byId<HTMLButtonElement>('remove-logo').addEventListener('click', () => {
    showLogo(undefined);
    say('The logo is removed: the letters are printed without one.');
    input.focus();
  });
  byId<HTMLButtonElement>('add-service').addEventListener('click', () => {
    clearErrors();
    const services = readServices();
    renderServices([...services, {}]);
    byId<HTMLInputElement>(serviceInput(services.length, 'name')).focus();
  });
  fillSchool(start, startLogo);
}
