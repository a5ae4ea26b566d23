// « Lire à voix haute » on guides and curriculum pages: reads the page with the browser's
// speech synthesis, in French, with pause, resume and stop. A Docusaurus client module:
// the buttons are added after each navigation, only where the browser can speak (never
// in the server-rendered HTML, so nothing shows where speech does not exist, nor on paper).
// The text is read in short pieces: some browsers stop long utterances after ~15 s.
import type { ClientModule } from '@docusaurus/types';

const ROOT_CLASS = 'lire-voix-haute';

function pieces(text: string): string[] {
  const sentences = text.replace(/\s+/g, ' ').match(/[^.!?:;]+[.!?:;]*/g) ?? [];
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

function button(label: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'button button--secondary';
  b.textContent = label;
  return b;
}

function mount(): void {
  const article = document.querySelector<HTMLElement>('.theme-doc-markdown');
  if (!article || article.previousElementSibling?.classList.contains(ROOT_CLASS)) return;
  const synth = window.speechSynthesis;
  const box = document.createElement('div');
  box.className = `${ROOT_CLASS} no-print`;
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', 'Lecture à voix haute');
  const start = button('🔊 Lire à voix haute');
  const pause = button('Pause');
  const resume = button('Reprendre');
  const stop = button('Arrêter');
  const live = document.createElement('span');
  live.className = 'sr-only';
  live.setAttribute('aria-live', 'polite');
  let queue: string[] = [];
  const show = (state: 'idle' | 'speaking' | 'paused') => {
    start.hidden = state !== 'idle';
    pause.hidden = state !== 'speaking';
    resume.hidden = state !== 'paused';
    stop.hidden = state === 'idle';
    live.textContent = state === 'speaking' ? 'Lecture en cours.' : state === 'paused' ? 'Lecture en pause.' : '';
  };
  const next = () => {
    const text = queue.shift();
    if (!text) return show('idle');
    const u = new SpeechSynthesisUtterance(text);
    u.lang = 'fr-BE';
    const voice = synth.getVoices().find((v) => v.lang.startsWith('fr'));
    if (voice) u.voice = voice;
    u.onend = next;
    u.onerror = () => show('idle');
    synth.speak(u);
  };
  start.addEventListener('click', () => {
    synth.cancel();
    // biome-ignore lint/performance/useDomNodeTextContent: what is read aloud is what is shown (innerText skips hidden text).
    queue = pieces(article.innerText);
    show('speaking');
    next();
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
    queue = [];
    synth.cancel();
    show('idle');
  });
  box.append(start, pause, resume, stop, live);
  show('idle');
  article.before(box);
}

const module: ClientModule = {
  onRouteDidUpdate() {
    if (typeof window === 'undefined') return;
    if ('speechSynthesis' in window) window.speechSynthesis.cancel();
    if (!('speechSynthesis' in window) || typeof SpeechSynthesisUtterance === 'undefined') return;
    mount();
  },
};

export default module;
