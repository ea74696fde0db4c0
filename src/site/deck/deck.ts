/**
 * The slide deck in the browser (`/lessons/<id>/slides/`): move with the keys,
 * swipe or buttons; the slide number lives in the address (`#3`) so a reload
 * keeps the place; `B` blacks the screen, `F` goes full screen, `P` opens the
 * presenter view (this page with `?presenter`) in a second window. Every open
 * window of the same deck follows the others through a BroadcastChannel.
 * In the presenter view the notes are the main panel: `+`/`-` (or the buttons)
 * change their size, `J`/`K` scroll them, and the bar shows the time used in
 * the current part of the lesson against its planned minutes.
 * A quiz question's slide builds: the first "next" (or `A`, or the Show the
 * answer button) reveals its answer on the slide and says it to screen
 * readers; the next "next" moves on. Going back shows a slide fully built.
 * Nothing is fetched after the page has loaded.
 */

type Message =
  | { type: 'go'; index: number }
  | { type: 'black'; on: boolean }
  | { type: 'reveal'; index: number; on: boolean }
  | { type: 'hello' };

const root = document.querySelector<HTMLElement>('[data-deck]');
if (root) startDeck(root);

function startDeck(deck: HTMLElement) {
  const id = deck.dataset.deck ?? '';
  const slides = Array.from(deck.querySelectorAll<HTMLElement>('section.slide'));
  const notes = Array.from(deck.querySelectorAll<HTMLElement>('[data-notes-for]'));
  const position = deck.querySelector<HTMLElement>('[data-position]');
  const alert = deck.querySelector<HTMLElement>('[data-alert]');
  const blackout = deck.querySelector<HTMLElement>('[data-blackout]');
  const blackStatus = deck.querySelector<HTMLElement>('[data-black-status]');
  const nextTitle = deck.querySelector<HTMLElement>('[data-next-title]');
  const end = deck.querySelector<HTMLElement>('[data-end]');
  const notesPanel = deck.querySelector<HTMLElement>('[data-notes-panel]');
  const partStatus = deck.querySelector<HTMLElement>('[data-part-status]');
  const revealButton = deck.querySelector<HTMLElement>('[data-reveal-button]');
  const presenter = new URLSearchParams(location.search).has('presenter');
  const channel = 'BroadcastChannel' in window ? new BroadcastChannel(`pshe-deck:${id}`) : undefined;
  const last = slides.length - 1;
  let index = 0;
  let black = false;
  /** Slides whose answer is shown (a slide stays built once revealed, as in a presentation program). */
  const revealed = new Set<number>();
  const hasAnswer = (i: number) => slides[i]?.hasAttribute('data-reveal') ?? false;

  document.documentElement.classList.add('deck-js');
  if (presenter) {
    document.documentElement.classList.add('deck-presenter');
    document.title = `Presenter view: ${document.title}`;
  }
  for (const element of deck.querySelectorAll<HTMLElement>('[data-presenter-only]')) element.hidden = !presenter;
  for (const element of deck.querySelectorAll<HTMLElement>('[data-audience-only]')) element.hidden = presenter;

  const clamp = (value: number) => Math.min(Math.max(value, 0), last);
  const titleOf = (slide: HTMLElement | undefined) => slide?.dataset.title ?? '';

  /** The slide the address names (`#3` is the third), if any. */
  function fromHash(): number | undefined {
    const match = /^#(\d+)$/.exec(location.hash);
    return match ? clamp(Number(match[1]) - 1) : undefined;
  }

  /** Show or hide the answer on each slide as `revealed` says, and the button for the current one. */
  function renderAnswers() {
    slides.forEach((slide, i) => {
      const answer = slide.querySelector<HTMLElement>('[data-answer]');
      if (answer) answer.hidden = !revealed.has(i);
    });
    if (revealButton) revealButton.hidden = !hasAnswer(index) || revealed.has(index);
  }

  function setRevealed(i: number, on: boolean, options: { broadcast?: boolean; announce?: boolean } = {}) {
    if (on) revealed.add(i);
    else revealed.delete(i);
    renderAnswers();
    if (on && options.announce !== false) {
      const answer = slides[i]?.querySelector<HTMLElement>('[data-answer]');
      say((answer?.textContent ?? '').replace(/\s+/g, ' ').trim());
    }
    if (options.broadcast !== false) post({ type: 'reveal', index: i, on });
  }

  /** "Next": reveal the current question's answer first, then move on. */
  function forward() {
    if (hasAnswer(index) && !revealed.has(index)) setRevealed(index, true);
    else show(index + 1);
  }

  /** "Previous": back to the slide before, shown fully built. */
  function back() {
    const target = clamp(index - 1);
    if (target !== index && hasAnswer(target) && !revealed.has(target)) setRevealed(target, true, { announce: false });
    show(target);
  }

  function show(next: number, options: { broadcast?: boolean } = {}) {
    index = clamp(next);
    const focusWasInHiddenSlide = slides.some(
      (slide, i) => i !== index && slide.contains(document.activeElement) && document.activeElement !== document.body,
    );
    slides.forEach((slide, i) => {
      const current = i === index;
      // The presenter sees the next slide as a preview: shown, but out of the tab order and the accessibility tree.
      const preview = presenter && i === index + 1;
      slide.hidden = !current && !preview;
      slide.inert = preview;
      slide.classList.toggle('is-current', current);
      slide.classList.toggle('is-next', preview);
      if (preview) slide.setAttribute('aria-hidden', 'true');
      else slide.removeAttribute('aria-hidden');
    });
    notes.forEach((note, i) => (note.hidden = i !== index));
    renderAnswers();
    if (position) position.textContent = `Slide ${index + 1} of ${slides.length}: ${titleOf(slides[index])}`;
    if (nextTitle)
      nextTitle.textContent = index < last ? `Next: ${titleOf(slides[index + 1])}` : 'Next: end of the slides';
    if (end) end.hidden = !presenter || index < last;
    if (presenter) {
      partClock.enter(slides[index]);
      if (notesPanel) notesPanel.scrollTop = 0;
    }
    const hash = `#${index + 1}`;
    if (location.hash !== hash) history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
    if (focusWasInHiddenSlide) slides[index].focus();
    if (options.broadcast !== false) post({ type: 'go', index });
  }

  function post(message: Message) {
    channel?.postMessage(message);
  }

  function setBlack(on: boolean, options: { broadcast?: boolean } = {}) {
    black = on;
    // The presenter keeps seeing the slide; only the audience screen goes black.
    if (blackout) blackout.hidden = presenter || !on;
    if (blackStatus) blackStatus.hidden = !on;
    if (options.broadcast !== false) post({ type: 'black', on });
  }

  function toggleFullscreen() {
    const request = document.fullscreenElement
      ? document.exitFullscreen()
      : document.documentElement.requestFullscreen?.();
    request?.catch(() => say('Full screen is not available here. Use the browser’s own full-screen key (often F11).'));
  }

  function say(text: string) {
    if (alert) alert.textContent = text;
  }

  function openPresenter() {
    const url = `${location.pathname}?presenter#${index + 1}`;
    const opened = window.open(url, `pshe-presenter-${id}`, 'popup,width=1200,height=760');
    if (!opened)
      say(`The browser blocked the presenter window. Allow pop-ups for this site, or open ${url} in a new window.`);
  }

  // Keys. Modified keys belong to the browser; Space and Enter on a button or link keep their meaning.
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
    const onControl = Boolean(target?.closest('button, a, summary'));
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
      case 'PageDown':
        forward();
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
      case 'PageUp':
        back();
        break;
      case ' ':
        if (onControl) return;
        if (event.shiftKey) back();
        else forward();
        break;
      case 'a':
      case 'A':
        if (!hasAnswer(index)) return;
        setRevealed(index, !revealed.has(index));
        break;
      case 'Home':
        show(0);
        break;
      case 'End':
        show(last);
        break;
      case 'b':
      case 'B':
      case '.':
        setBlack(!black);
        break;
      case 'f':
      case 'F':
        toggleFullscreen();
        break;
      case 'p':
      case 'P':
        if (!presenter) openPresenter();
        break;
      case '+':
      case '=':
        if (!presenter) return;
        notesSize.change(1);
        break;
      case '-':
      case '_':
        if (!presenter) return;
        notesSize.change(-1);
        break;
      case 'j':
      case 'J':
      case 'k':
      case 'K':
        if (!presenter || !notesPanel) return;
        scrollNotes(notesPanel, event.key.toLowerCase() === 'j' ? 1 : -1);
        break;
      default:
        return;
    }
    event.preventDefault();
  });

  // Buttons.
  deck.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-action]') : null;
    const action = button?.dataset.action;
    if (action === 'next') forward();
    else if (action === 'prev') back();
    else if (action === 'reveal') {
      setRevealed(index, true);
      slides[index]?.focus();
    } else if (action === 'fullscreen') toggleFullscreen();
    else if (action === 'presenter') openPresenter();
    else if (action === 'reset-timer') {
      timer?.restart();
      partClock.restart();
    } else if (action === 'notes-larger') notesSize.change(1);
    else if (action === 'notes-smaller') notesSize.change(-1);
  });

  // Swipe: a mostly horizontal move of 50 px or more.
  let touch: { x: number; y: number } | undefined;
  deck.addEventListener(
    'touchstart',
    (event) => {
      const point = event.changedTouches[0];
      touch = point ? { x: point.clientX, y: point.clientY } : undefined;
    },
    { passive: true },
  );
  deck.addEventListener(
    'touchend',
    (event) => {
      const point = event.changedTouches[0];
      if (!touch || !point) return;
      const dx = point.clientX - touch.x;
      const dy = point.clientY - touch.y;
      touch = undefined;
      if (Math.abs(dx) >= 50 && Math.abs(dx) > Math.abs(dy)) {
        if (dx < 0) forward();
        else back();
      }
    },
    { passive: true },
  );

  // Typing or following a `#5` address jumps there.
  window.addEventListener('hashchange', () => {
    const target = fromHash();
    if (target !== undefined && target !== index) show(target);
  });

  if (channel) {
    channel.addEventListener('message', (event: MessageEvent<Message>) => {
      const message = event.data;
      if (message.type === 'go' && message.index !== index) show(message.index, { broadcast: false });
      else if (message.type === 'black') setBlack(message.on, { broadcast: false });
      else if (message.type === 'reveal') setRevealed(message.index, message.on, { broadcast: false, announce: false });
      // A presenter window that has just opened asks where the audience is.
      else if (message.type === 'hello' && !presenter) {
        post({ type: 'go', index });
        for (const i of revealed) post({ type: 'reveal', index: i, on: true });
      }
    });
  }

  const timer = presenter ? startTimer(deck, id) : undefined;
  const partClock = startPartClock(partStatus, id, presenter);
  const notesSize = notesSizer(notesPanel, say);
  show(fromHash() ?? 0, { broadcast: presenter });
  if (presenter) post({ type: 'hello' });
}

/** The presenter's elapsed-time clock; it survives a reload of the presenter window. */
function startTimer(deck: HTMLElement, id: string) {
  const element = deck.querySelector<HTMLTimeElement>('[data-timer]');
  const key = `pshe-deck-start:${id}`;
  let started = Number(sessionStorage.getItem(key)) || Date.now();
  sessionStorage.setItem(key, String(started));
  const render = () => {
    if (!element) return;
    const seconds = Math.max(0, Math.floor((Date.now() - started) / 1000));
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    const pad = (n: number) => String(n).padStart(2, '0');
    element.textContent = h ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
    element.dateTime = `PT${seconds}S`;
  };
  render();
  window.setInterval(render, 1000);
  return {
    restart() {
      started = Date.now();
      sessionStorage.setItem(key, String(started));
      render();
    },
  };
}

/** Scroll the notes by most of their height (`J` down, `K` up), keeping a line of context. */
function scrollNotes(panel: HTMLElement, direction: 1 | -1) {
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  panel.scrollBy({ top: direction * panel.clientHeight * 0.8, behavior: reduce ? 'auto' : 'smooth' });
}

/** The notes' text size, in steps; remembered on this device for the next lesson. */
function notesSizer(panel: HTMLElement | null, say: (text: string) => void) {
  const steps = [1.25, 1.5, 1.75, 2, 2.4, 2.8, 3.4];
  const key = 'pshe-deck-notes-size';
  let step = Number(localStorage.getItem(key) ?? '2');
  if (!Number.isInteger(step) || step < 0 || step >= steps.length) step = 2;
  const apply = () => panel?.style.setProperty('--notes-size', `${steps[step]}rem`);
  apply();
  return {
    change(by: 1 | -1) {
      const next = Math.min(Math.max(step + by, 0), steps.length - 1);
      if (next === step) {
        say(by > 0 ? 'The notes are at their largest size.' : 'The notes are at their smallest size.');
        return;
      }
      step = next;
      localStorage.setItem(key, String(step));
      apply();
      say(`Notes text size ${step + 1} of ${steps.length}.`);
    },
  };
}

/** "4:05" (a function, not a const: the deck starts at the top of this module, before any const below is set). */
function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * Time used in the current part of the lesson (a learning cycle, the baseline…)
 * against its planned minutes, from each slide's `data-part` and
 * `data-part-minutes`. The clock starts again when the presenter moves into
 * another part, and survives a reload of the presenter window.
 */
function startPartClock(element: HTMLElement | null, id: string, presenter: boolean) {
  const key = `pshe-deck-part:${id}`;
  let part: { name: string; minutes?: number; started: number } | undefined;
  try {
    part = JSON.parse(sessionStorage.getItem(key) ?? 'null') ?? undefined;
  } catch {
    part = undefined;
  }
  const render = () => {
    if (!element || !part) return;
    const used = Math.max(0, Math.floor((Date.now() - part.started) / 1000));
    const over = part.minutes !== undefined && used > part.minutes * 60;
    element.textContent = part.minutes
      ? `${part.name}: ${clock(used)} of ${part.minutes} min${over ? ' (over time)' : ''}`
      : `${part.name}: ${clock(used)}`;
    element.classList.toggle('is-over', over);
  };
  if (presenter) window.setInterval(render, 1000);
  return {
    enter(slide: HTMLElement | undefined) {
      const name = slide?.dataset.part ?? '';
      const minutes = Number(slide?.dataset.partMinutes) || undefined;
      if (part?.name !== name) {
        part = { name, minutes, started: Date.now() };
        sessionStorage.setItem(key, JSON.stringify(part));
      }
      render();
    },
    restart() {
      if (!part) return;
      part.started = Date.now();
      sessionStorage.setItem(key, JSON.stringify(part));
      render();
    },
  };
}
