/**
 * The handout page's print controls: the Print button prints this page (the
 * browser's own dialog), and the link to the handout PDF says how many A4 pages
 * that PDF has. The count is read from the PDF itself (its page tree's `/Count`),
 * so it is always the count of the file on this site; the build renders the PDFs
 * alongside the site, so the pages cannot know it when they are written
 * (docs/decisions.md). Without the script the button stays hidden and the link
 * still works.
 */

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}

/** The number of pages in a PDF's page tree: pdfkit writes `/Type /Pages /Count n` as plain text. */
export function pdfPageCount(text: string): number | undefined {
  const match = /\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/.exec(text);
  const count = match ? Number(match[1]) : Number.NaN;
  return Number.isInteger(count) && count > 0 ? count : undefined;
}

async function countPages(link: HTMLAnchorElement, out: HTMLElement): Promise<void> {
  try {
    const response = await fetch(link.href, { credentials: 'same-origin' });
    if (!response.ok) return;
    // Latin-1 keeps every byte as one character, so the binary streams cannot break the match.
    const text = new TextDecoder('latin1').decode(await response.arrayBuffer());
    const count = pdfPageCount(text);
    if (count) out.textContent = ` (${count} A4 ${count === 1 ? 'page' : 'pages'})`;
  } catch {
    // Offline or opened from a file: the link works without the count.
  }
}

for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-page-count]')) {
  const out = link.querySelector<HTMLElement>('[data-page-count-text]');
  if (out && new URL(link.href, location.href).origin === location.origin) void countPages(link, out);
}
