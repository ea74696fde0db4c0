import { fileNameOf } from '../file-name.ts';
import { SLUG } from '../lesson/slug.ts';
import type { Diagnostic } from '../lesson/types.ts';
import { limits } from '../limits.ts';
import {
  SCHOOL_TEXT_FIELDS,
  SERVICE_FIELDS,
  SERVICES_TARGET,
  schoolInput,
  serviceInput,
  type SchoolTextField,
  type ServiceField,
} from '../site/lib/school-form.ts';

/**
 * The school profile as `/personalise/`'s form holds it, and the school.yaml
 * text made from it: what the render worker checks (with the schema
 * `pshe build --school` uses), what **Save as school.yaml** downloads, and
 * the map from each line back to the input it came from, so that every
 * problem the check finds is shown at its field. A key a line, each value a
 * double-quoted string (a JSON string is a YAML double-quoted scalar), so
 * nothing typed can change the file's shape.
 */

/** A local service as typed: its fields' text, and its id (kept from a loaded file, else made from its name). */
export type ServiceForm = Partial<Record<ServiceField | 'id', string>>;

export interface SchoolForm {
  fields: Partial<Record<SchoolTextField, string>>;
  /** The logo's file name, when there is one. */
  logo?: string;
  services: ServiceForm[];
}

export interface SchoolYaml {
  text: string;
  /** The input each line came from (`school-name`, `service-0-ages`), by line number (from 1). */
  inputAt: Map<number, string>;
  /** The service each line of a service belongs to, by line number. */
  serviceAt: Map<number, number>;
  /** The line of `localServices:`, when there are services. */
  servicesLine?: number;
}

const quoted = (value: string) => JSON.stringify(value);

/** An id for a service from its name: lower case, hyphens (as the schema's ids are). */
function idFrom(name: string, index: number): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    // Room for a `-2`, within the length every id has (the schema's slug, the lesson ids' limit).
    .slice(0, limits.idLength.value - 4)
    .replace(/-+$/, '');
  return slug || `local-service-${index + 1}`;
}

/** The form's profile as school.yaml text, or undefined when nothing is typed. */
export function schoolYaml(form: SchoolForm): SchoolYaml | undefined {
  const lines: string[] = [];
  const inputAt = new Map<number, string>();
  const serviceAt = new Map<number, number>();
  const add = (line: string, input: string) => {
    lines.push(line);
    inputAt.set(lines.length, input);
  };
  for (const field of SCHOOL_TEXT_FIELDS) {
    const value = form.fields[field]?.trim();
    if (value) add(`${field}: ${quoted(value)}`, schoolInput(field));
  }
  if (form.logo) add(`logo: ${quoted(form.logo)}`, schoolInput('logo'));
  const services = form.services.filter((service) => SERVICE_FIELDS.some((field) => service[field]?.trim()));
  let servicesLine: number | undefined;
  if (services.length) {
    lines.push('localServices:');
    servicesLine = lines.length;
    const ids = new Set<string>();
    form.services.forEach((service, index) => {
      if (!services.includes(service)) return;
      // A loaded service keeps its id (lessons may point to it), unless it is not one or is taken.
      const kept = service.id?.trim();
      let id = kept && SLUG.test(kept) && !ids.has(kept) ? kept : idFrom(service.name ?? '', index);
      for (let n = 2; ids.has(id); n++) id = `${idFrom(service.name ?? '', index)}-${n}`;
      ids.add(id);
      lines.push(`  - id: ${quoted(id)}`);
      inputAt.set(lines.length, serviceInput(index, 'name'));
      serviceAt.set(lines.length, index);
      for (const field of SERVICE_FIELDS) {
        const value = service[field]?.trim();
        if (!value) continue;
        add(`    ${field}: ${quoted(value)}`, serviceInput(index, field));
        serviceAt.set(lines.length, index);
      }
    });
  }
  if (!lines.length) return undefined;
  return { text: `${lines.join('\n')}\n`, inputAt, serviceAt, ...(servicesLine ? { servicesLine } : {}) };
}

/**
 * The input a problem of the check belongs at: the field its line came from;
 * for a field that is missing (reported where its mapping starts), the field
 * the message names, in that service or at the top; for the list of services
 * as a whole, or a problem with no line, the services' own place.
 */
export function inputOfProblem(problem: Pick<Diagnostic, 'line' | 'message' | 'ruleId'>, made: SchoolYaml): string {
  const service = made.serviceAt.get(problem.line);
  if (problem.ruleId === 'schema-required') {
    const named = /`(\w+)`/.exec(problem.message)?.[1] ?? '';
    if (service !== undefined && (SERVICE_FIELDS as readonly string[]).includes(named)) {
      return serviceInput(service, named as ServiceField);
    }
    if ((SCHOOL_TEXT_FIELDS as readonly string[]).includes(named)) return schoolInput(named as SchoolTextField);
  }
  if (problem.line === made.servicesLine || problem.line < 1) return SERVICES_TARGET;
  return (
    made.inputAt.get(problem.line) ?? (service !== undefined ? serviceInput(service, 'name') : schoolInput('name'))
  );
}

/** Which local service (from 0) a problem's line belongs to, if any. */
export const serviceOfProblem = (problem: Pick<Diagnostic, 'line'>, made: SchoolYaml) =>
  made.serviceAt.get(problem.line);

/** A profile's values (a parsed school.yaml, or the site's own) as the form holds them; anything not text is left out. */
export function schoolFormOf(values: Record<string, unknown>): SchoolForm {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const fields: SchoolForm['fields'] = {};
  for (const field of SCHOOL_TEXT_FIELDS) {
    const value = text(values[field]);
    if (value !== undefined) fields[field] = value;
  }
  const logo = text(values.logo) && fileNameOf(text(values.logo)!);
  const services = Array.isArray(values.localServices)
    ? values.localServices.flatMap((service: unknown) => {
        if (!service || typeof service !== 'object') return [];
        const entry = service as Record<string, unknown>;
        const form: ServiceForm = {};
        for (const field of ['id', ...SERVICE_FIELDS] as const) {
          const value = text(entry[field]);
          if (value !== undefined) form[field] = value;
        }
        return [form];
      })
    : [];
  return { fields, ...(logo ? { logo } : {}), services };
}
