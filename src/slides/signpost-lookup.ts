import { contactPhrases, contactStyles, findService, helpService, serviceLine } from '../lesson/help.ts';
import type { HelpService } from '../lesson/help.ts';
import type { Library, Signpost } from '../lesson/types.ts';

/** A help service by id, from the help model (the library's services, then the school's local ones). */
export function findSignpost(id: string, library: Library): HelpService | undefined {
  return findService(library, id);
}

/** How to reach a service on a slide, in the help model's slide style: phone, text, web address. */
export function signpostContacts(service: Signpost | HelpService): string[] {
  return contactPhrases(helpService(service), contactStyles.slides).map((phrase) => phrase.words);
}

/** One line for a service, "Name: call …, text …, web": what a slide shows for `:signpost[id]`. */
export function signpostLine(id: string, library: Library): string {
  const service = findService(library, id);
  return service ? serviceLine(service, contactStyles.slides) : id;
}
