import type { Library, Signpost } from '../lesson/types.ts';

/** A help service by id: the library's services first, then the school's local ones (design.md). */
export function findSignpost(id: string, library: Library): Signpost | undefined {
  return library.signposts.find((s) => s.id === id) ?? library.school?.localServices?.find((s) => s.id === id);
}

/** How to reach a service, as people read it: phone, text, web address (in that order, those set). */
export function signpostContacts(service: Signpost): string[] {
  const contacts: string[] = [];
  if (service.phone) contacts.push(`call ${service.phone}`);
  if (service.text) contacts.push(`text ${service.text}`);
  if (service.url) contacts.push(service.url.replace(/^https:\/\//, '').replace(/\/$/, ''));
  return contacts;
}

/** One line for a service, "Name: call …, text …, web": what a slide shows for `:signpost[id]`. */
export function signpostLine(id: string, library: Library): string {
  const service = findSignpost(id, library);
  if (!service) return id;
  const contacts = signpostContacts(service);
  return contacts.length ? `${service.name}: ${contacts.join(', ')}` : service.name;
}
