import { strFromU8, unzipSync } from 'fflate';

/** The parts of a .pptx as text, in the order they are stored. */
export function parts(bytes: Uint8Array): Map<string, string> {
  const entries = unzipSync(bytes);
  return new Map(Object.entries(entries).map(([name, data]) => [name, strFromU8(data)]));
}

const byNumber = (prefix: string) => (a: string, b: string) =>
  Number(a.slice(prefix.length).replace(/\D/g, '')) - Number(b.slice(prefix.length).replace(/\D/g, ''));

/** The slide XML parts, slide 1 first. */
export function slideXml(files: Map<string, string>): string[] {
  const names = [...files.keys()].filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
  return names.sort(byNumber('ppt/slides/slide')).map((name) => files.get(name)!);
}

/** The notes XML parts, slide 1 first. */
export function notesXml(files: Map<string, string>): string[] {
  const names = [...files.keys()].filter((name) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name));
  return names.sort(byNumber('ppt/notesSlides/notesSlide')).map((name) => files.get(name)!);
}

/** The text of every `<a:t>` in a part, XML entities decoded. */
export function texts(xml: string): string {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
    .map((match) => match[1])
    .join(' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
