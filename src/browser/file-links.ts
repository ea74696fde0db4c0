import type { MadeFile } from './render-messages.ts';

/**
 * Files made on this device, offered as links named by each file (its
 * accessible name is the file's name, a download from a `Blob`), with their
 * size; the links they replace are let go. The list's section is shown only
 * when there are files.
 */
export function showFiles(list: HTMLUListElement, section: HTMLElement, files: readonly MadeFile[]): void {
  for (const link of list.querySelectorAll<HTMLAnchorElement>('a[href^="blob:"]')) URL.revokeObjectURL(link.href);
  list.replaceChildren(
    ...files.map((file) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([file.bytes as BlobPart]));
      link.download = file.name;
      link.textContent = file.name;
      const size = document.createElement('span');
      size.className = 'download-detail';
      size.textContent = ` ${Math.max(1, Math.round(file.bytes.length / 1024))} KB`;
      item.append(link, size);
      return item;
    }),
  );
  section.hidden = files.length === 0;
}
