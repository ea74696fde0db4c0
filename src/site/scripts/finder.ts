/**
 * Search and filters on the library page: our own small script, no framework.
 * Search asks Pagefind's index (built over the site by `npx pagefind`), which is
 * served from this site, so it works offline. Filters show and hide the lesson
 * cards the page already holds. Without this script every lesson stays listed.
 */

interface PagefindResultData {
  url: string;
  excerpt: string;
  /** `kind` and `stage` come from each page's `data-pagefind-meta` (src/site/lib/search-meta.ts). */
  meta: { title?: string; kind?: string; stage?: string };
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

const finder = document.querySelector<HTMLElement>('[data-finder]');

/** Copy Pagefind's excerpt (escaped text with `<mark>`) as text and mark nodes only: no markup of its own gets in. */
function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html');
  const nodes: Node[] = [];
  for (const child of Array.from(parsed.body.firstChild?.childNodes ?? [])) {
    if (child.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = child.textContent;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(child.textContent ?? ''));
    }
  }
  return nodes;
}

/** A comma only screen readers hear, between a result's title and its kind. */
function visuallyHiddenComma(): HTMLElement {
  const comma = document.createElement('span');
  comma.className = 'visually-hidden';
  comma.textContent = ', ';
  return comma;
}

function setUpSearch(root: HTMLElement) {
  const form = root.querySelector<HTMLFormElement>('[data-search-form]');
  const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const list = root.querySelector<HTMLOListElement>('[data-search-list]');
  if (!form || !input || !status || !list) return;

  let pagefind: Promise<Pagefind> | undefined;
  const load = () => {
    // The address is built at run time so the bundler leaves Pagefind's own file alone.
    const url = new URL('/pagefind/pagefind.js', window.location.href).href;
    pagefind ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (module) => {
      await module.options({ excerptLength: 24 });
      return module;
    });
    return pagefind;
  };

  let latest = 0;
  const run = async () => {
    const query = input.value.trim();
    const ticket = ++latest;
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    status.textContent = 'Searching…';
    try {
      const search = await (await load()).search(query);
      const results = await Promise.all(search.results.slice(0, 12).map((result) => result.data()));
      if (ticket !== latest) return;
      list.replaceChildren(
        ...results.map((result) => {
          const item = document.createElement('li');
          const link = document.createElement('a');
          link.href = result.url;
          link.textContent = result.meta.title ?? result.url;
          const excerpt = document.createElement('p');
          excerpt.append(...excerptNodes(result.excerpt));
          const labels = [result.meta.kind, result.meta.stage].filter((label): label is string => Boolean(label));
          if (labels.length) {
            // Said after the title, so a screen reader hears "Sextortion and deepfakes, Lesson, Key stage 4".
            const kind = document.createElement('span');
            kind.className = 'result-kind';
            kind.textContent = labels.join(' · ');
            link.append(document.createTextNode(' '), visuallyHiddenComma(), kind);
          }
          item.append(link, excerpt);
          return item;
        }),
      );
      const count = search.results.length;
      status.textContent =
        count === 0
          ? `Nothing found for “${query}”. Try another word, or browse the lessons below.`
          : `${count} ${count === 1 ? 'page' : 'pages'} found for “${query}”${count > 12 ? ' (showing the first 12)' : ''}.`;
    } catch {
      if (ticket !== latest) return;
      status.textContent = 'Search is not available here. Browse the lessons below instead.';
    }
  };

  let timer: number | undefined;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(run, 250);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.clearTimeout(timer);
    void run();
  });
}

function setUpFilters(root: HTMLElement) {
  const form = root.querySelector<HTMLFormElement>('[data-filters]');
  const status = root.querySelector<HTMLElement>('[data-filter-status]');
  const cards = Array.from(document.querySelectorAll<HTMLElement>('.lesson-card'));
  const groups = Array.from(document.querySelectorAll<HTMLElement>('[data-unit]'));
  const noMatch = document.querySelector<HTMLElement>('[data-no-match]');
  if (!form || !status) return;
  const select = (name: string) => form.elements.namedItem(name) as HTMLSelectElement | null;
  const fields = { keyStage: select('keyStage'), audience: select('audience'), strand: select('strand') };

  const params = new URLSearchParams(window.location.search);
  for (const [name, field] of Object.entries(fields)) {
    const wanted = params.get(name);
    if (field && wanted && Array.from(field.options).some((o) => o.value === wanted)) field.value = wanted;
  }

  const apply = (announce: boolean) => {
    const keyStage = fields.keyStage?.value ?? '';
    const audience = fields.audience?.value ?? '';
    const strand = fields.strand?.value ?? '';
    let shown = 0;
    for (const card of cards) {
      const match =
        (!keyStage || card.dataset.keyStage === keyStage) &&
        (!audience || card.dataset.audience === audience) &&
        (!strand || (card.dataset.strands ?? '').split(' ').includes(strand));
      card.hidden = !match;
      if (match) shown += 1;
    }
    for (const group of groups) group.hidden = !group.querySelector('.lesson-card:not([hidden])');
    if (noMatch) noMatch.hidden = shown > 0;
    const filtered = Boolean(keyStage || audience || strand);
    if (announce || filtered) {
      status.textContent = filtered
        ? `Showing ${shown} of ${cards.length} lessons.`
        : `Showing all ${cards.length} lessons.`;
    }
    const query = new URLSearchParams();
    if (keyStage) query.set('keyStage', keyStage);
    if (audience) query.set('audience', audience);
    if (strand) query.set('strand', strand);
    const search = query.toString();
    window.history.replaceState(null, '', search ? `?${search}` : window.location.pathname);
  };

  form.addEventListener('change', () => apply(true));
  form.addEventListener('submit', (event) => event.preventDefault());
  // `reset` fires before the fields change back, so apply once they have.
  form.addEventListener('reset', () => window.setTimeout(() => apply(true), 0));
  apply(false);
}

if (finder) {
  finder.hidden = false;
  setUpSearch(finder);
  setUpFilters(finder);
}
