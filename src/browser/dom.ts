/** An element of the page by its id, typed as the caller knows it to be (the page's script made or found it). */
export const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** The same, when it may not be there. */
export const maybeById = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;
