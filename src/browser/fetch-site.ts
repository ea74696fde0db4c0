/** This site's files, as the browser pages fetch them: each from the site itself, never another host. */

export async function fetchBytes(url: URL): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname} could not be fetched (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/** This site's JSON at `url`, or undefined when there is none (or what is there is not JSON). */
export async function fetchJson<T>(url: URL): Promise<T | undefined> {
  const response = await fetch(url);
  if (!response.ok) return undefined;
  try {
    return (await response.json()) as T;
  } catch {
    return undefined;
  }
}

export async function fetchText(url: URL): Promise<string | undefined> {
  const response = await fetch(url);
  return response.ok ? response.text() : undefined;
}
