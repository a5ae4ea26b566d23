// « Lire à voix haute »: reads a page with the browser's speech synthesis, in French. At rest
// one button; while reading, « Pause » (then « Reprendre ») and « Arrêter » take its place.
// What is read is what the page shows, block by block (headings, paragraphs, list items,
// table rows), each its own utterance with a pause after it, so a heading never runs into
// the next sentence; the « Mots expliqués » box, menus, the map and the buttons are not
// read. Nothing is in the server's HTML: the button appears only where the browser can
// speak (never on paper). Long blocks are read in short pieces: some browsers stop long
// utterances after ~15 s.
// Used on guides and curriculum pages (the Docusaurus client module below, after each
// navigation) and on listing pages (site/directory/client/initiative.ts).
import type { ClientModule } from '@docusaurus/types';

const ROOT_CLASS = 'lire-voix-haute';
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, dt, dd, tr, figcaption, blockquote, summary';
/** Never read: the glossary box, navigation, our own controls, print-only parts, the map, buttons. */
const SKIP =
  '.glossaire-page, .lire-voix-haute, nav, thead, script, style, button, [aria-hidden="true"], .menu-docs, .theme-doc-toc-mobile, ' +
  '.fiche-orientation__entete, .fiche-orientation__pied, .actions-fiche, .carte-lieu, .no-lecture';
const PAUSE_AFTER_HEADING = 700;
const PAUSE_AFTER_BLOCK = 250;

export interface Part {
  text: string;
  /** Silence after it, in ms. */
  pause: number;
}

/** Text of an element without the blocks nested in it (they are read on their own); a table row's cells apart. */
function ownText(el: Element): string {
  let out = '';
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) out += node.textContent ?? '';
    else if (node instanceof Element && !node.matches(BLOCKS) && !node.matches(SKIP)) {
      const inner = ownText(node);
      out += node.matches('td, th') ? `${inner}, ` : inner;
    }
  }
  return out;
}

/** Splits a block into pieces of at most ~220 characters, at sentence ends. */
function pieces(text: string): string[] {
  const sentences = text.match(/[^.!?:;]+[.!?:;]*/g) ?? [];
  const out: string[] = [];
  let current = '';
  for (const s of sentences) {
    if ((current + s).length > 220 && current) {
      out.push(current.trim());
      current = '';
    }
    current += s;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** What is read in `root`, in order: every visible block, outside the parts never read. */
export function readableParts(root: Element): Part[] {
  const parts: Part[] = [];
  for (const el of Array.from(root.querySelectorAll(BLOCKS))) {
    if (el.closest(SKIP) || el.getClientRects().length === 0) continue;
    const text = ownText(el).replace(/\s+/g, ' ').replace(/,\s*$/, '').trim();
    if (!text) continue;
    const heading = /^H[1-6]$/.test(el.tagName);
    const split = pieces(text);
    split.forEach((piece, i) => {
      parts.push({ text: piece, pause: i < split.length - 1 ? 0 : heading ? PAUSE_AFTER_HEADING : PAUSE_AFTER_BLOCK });
    });
  }
  return parts;
}

// A loudspeaker, drawn (an old phone may lack the emoji and show a box).
const SPEAKER =
  '<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" style="vertical-align:-4px;margin-right:6px"><path fill="currentColor" d="M3 9v6h4l5 4V5L7 9z"/><path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12"/></svg>';

function button(label: string, primary = false, icon = ''): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = `button ${primary ? 'button--primary' : 'button--secondary'}`;
  b.innerHTML = icon;
  b.append(label);
  return b;
}

/**
 * Adds the read-aloud controls for `root`, placed by `place` (e.g. before an article).
 * Does nothing where the browser cannot speak, or when `root` has them already.
 */
export function mountReadAloud(root: HTMLElement, place: (box: HTMLElement) => void): void {
  if (!('speechSynthesis' in window) || typeof SpeechSynthesisUtterance === 'undefined') return;
  if (root.dataset.lectureMontee) return;
  root.dataset.lectureMontee = 'oui';
  const synth = window.speechSynthesis;
  const box = document.createElement('div');
  box.className = ROOT_CLASS;
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', 'Lecture à voix haute');
  const start = button('Lire à voix haute', true, SPEAKER);
  const pause = button('Pause');
  const resume = button('Reprendre');
  const stop = button('Arrêter');
  const live = document.createElement('span');
  live.className = 'lire-voix-haute__etat';
  live.setAttribute('aria-live', 'polite');
  let queue: Part[] = [];
  let timer: number | undefined;
  let reading = 0;
  const show = (state: 'idle' | 'speaking' | 'paused') => {
    const hadFocus = box.contains(document.activeElement);
    start.hidden = state !== 'idle';
    pause.hidden = state !== 'speaking';
    resume.hidden = state !== 'paused';
    stop.hidden = state === 'idle';
    live.textContent = state === 'speaking' ? 'Lecture en cours.' : state === 'paused' ? 'Lecture en pause.' : '';
    live.classList.toggle('sr-only', state !== 'idle');
    // The button that had the focus may just have been hidden: keep the focus in the controls.
    if (hadFocus && (document.activeElement === document.body || (document.activeElement as HTMLElement | null)?.hidden))
      (state === 'idle' ? start : state === 'speaking' ? pause : resume).focus();
  };
  const next = (run: number) => {
    if (run !== reading) return;
    const part = queue.shift();
    if (!part) return show('idle');
    const u = new SpeechSynthesisUtterance(part.text);
    u.lang = 'fr-BE';
    const voice = synth.getVoices().find((v) => v.lang.startsWith('fr'));
    if (voice) u.voice = voice;
    u.onend = () => {
      timer = window.setTimeout(() => next(run), part.pause);
    };
    u.onerror = (event) => {
      if (run !== reading) return;
      show('idle');
      // « interrupted » and « canceled » are ours (Arrêter, a new page); anything else means no voice here.
      if (event.error !== 'interrupted' && event.error !== 'canceled') live.textContent = 'La lecture à voix haute ne marche pas sur cet appareil.';
    };
    synth.speak(u);
  };
  const cancel = () => {
    reading++;
    window.clearTimeout(timer);
    queue = [];
    synth.cancel();
  };
  start.addEventListener('click', () => {
    cancel();
    queue = readableParts(root);
    show('speaking');
    next(reading);
  });
  pause.addEventListener('click', () => {
    synth.pause();
    show('paused');
  });
  resume.addEventListener('click', () => {
    synth.resume();
    show('speaking');
  });
  stop.addEventListener('click', () => {
    cancel();
    show('idle');
  });
  box.append(start, pause, resume, stop, live);
  show('idle');
  place(box);
}

const module: ClientModule = {
  onRouteDidUpdate() {
    if (typeof window === 'undefined') return;
    if ('speechSynthesis' in window) window.speechSynthesis.cancel();
    const article = document.querySelector<HTMLElement>('.theme-doc-markdown');
    if (article) mountReadAloud(article, (box) => article.before(box));
  },
};

export default module;
