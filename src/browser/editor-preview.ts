import type { LessonPreview } from '../preview/lesson-preview.ts';
import { byId } from './dom.ts';

/**
 * The editor's preview: the plan, the handout and the slides, in tabs (the
 * ARIA tabs pattern: a click or the arrow keys choose one, Tab goes to its
 * panel). Its HTML is the site's own renderer's (src/html), sanitized there.
 */

/** The preview of a lesson that loads; while it does not, the last one stays, said to be out of date. */
export function showPreview(preview: LessonPreview | undefined): void {
  const note = byId<HTMLParagraphElement>('preview-status');
  if (!preview) {
    note.textContent = 'Out of date: this is the lesson as it was before its errors. Fix them to see it again.';
    return;
  }
  note.textContent = 'Up to date: what the plan, the handout and the slides hold.';
  // Sanitized HTML: made in the worker by the site's renderer, with its schema (src/preview, src/html).
  byId<HTMLDivElement>('panel-teacher').innerHTML = preview.teacher;
  byId<HTMLDivElement>('panel-handout').innerHTML = preview.handout;
  byId<HTMLDivElement>('panel-slides').innerHTML = preview.slides;
}

export function startTabs(): void {
  const tabs = [...document.querySelectorAll<HTMLButtonElement>('.preview-tabs [role="tab"]')];
  const choose = (chosen: HTMLButtonElement) => {
    for (const tab of tabs) {
      const selected = tab === chosen;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      byId<HTMLDivElement>(tab.getAttribute('aria-controls')!).hidden = !selected;
    }
  };
  const keys: Record<string, (index: number) => number> = {
    ArrowRight: (index) => (index + 1) % tabs.length,
    ArrowLeft: (index) => (index - 1 + tabs.length) % tabs.length,
    Home: () => 0,
    End: () => tabs.length - 1,
  };
  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => choose(tab));
    tab.addEventListener('keydown', (event) => {
      const to = keys[event.key]?.(index);
      if (to === undefined) return;
      event.preventDefault();
      choose(tabs[to]);
      tabs[to].focus();
    });
  });
}
