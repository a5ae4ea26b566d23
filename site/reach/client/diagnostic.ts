// « Où en suis-je ? » in the browser: one question a screen (previous / next), a button
// that reads the question aloud where the browser can speak, and the result computed
// here, on the device: the answers are never sent. Only the postcode and the services to
// learn go to /api/widget, to find the nearest places. Without JavaScript the same form
// asks the server for the same result page (diagnostic-page.ts renders both).
import { type GuideLink, orient, PLACES_SHOWN, parseAnswers, parsePostcode, TEACHING_KINDS } from '../../../core/reach/diagnostic.ts';
import type { WidgetEntry } from '../../../core/reach/widget-labels.ts';
import { renderDiagnosticResult } from '../diagnostic-page.ts';

const form = document.getElementById('diagnostic') as HTMLFormElement | null;

function button(text: string, className: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = text;
  return b;
}

function speak(text: string): void {
  speechSynthesis.cancel();
  const u = new SpeechSynthesisUtterance(text);
  u.lang = 'fr-BE';
  u.rate = 0.9;
  speechSynthesis.speak(u);
}

/** The print button of a result (hidden without JavaScript: printing is then the browser's menu). */
function enablePrint(): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-imprimer]')) {
    b.hidden = false;
    b.addEventListener('click', () => window.print());
  }
}

function oneQuestionAScreen(f: HTMLFormElement): void {
  const screens = [...f.querySelectorAll<HTMLElement>('.diagnostic__question')];
  const submit = f.querySelector<HTMLButtonElement>('button[type="submit"]');
  const nav = document.createElement('div');
  nav.className = 'diagnostic__nav';
  const previous = button('← Question précédente', 'button button--secondary');
  const next = button('Question suivante →', 'button button--primary button--lg');
  nav.append(previous, next);
  submit?.parentElement?.before(nav);
  let current = 0;
  const show = (index: number, focus: boolean) => {
    current = Math.max(0, Math.min(index, screens.length - 1));
    screens.forEach((s, i) => {
      s.hidden = i !== current;
    });
    previous.hidden = current === 0;
    const last = current === screens.length - 1;
    next.hidden = last;
    if (submit?.parentElement) submit.parentElement.hidden = !last;
    if (focus) {
      const screen = screens[current];
      if (screen) {
        screen.tabIndex = -1;
        screen.focus();
      }
    }
  };
  previous.addEventListener('click', () => show(current - 1, true));
  next.addEventListener('click', () => show(current + 1, true));
  if ('speechSynthesis' in window) {
    for (const s of screens) {
      const legend = s.querySelector('legend');
      if (!legend) continue;
      const listen = button('🔊 Écouter', 'button button--secondary button--sm');
      listen.addEventListener('click', () => {
        const choices = [...s.querySelectorAll('label.diagnostic__choix')].map((l) => l.textContent?.trim() ?? '');
        speak([s.querySelector('.diagnostic__texte')?.textContent ?? s.querySelector('label')?.textContent ?? '', ...choices].join('. '));
      });
      legend.after(listen);
    }
  }
  show(0, false);
}

async function nearestPlaces(services: string[], postcode: string): Promise<{ places: WidgetEntry[]; near?: string }> {
  const params = new URLSearchParams({ service: services.join(','), near: postcode, limit: String(PLACES_SHOWN), kind: TEACHING_KINDS.join(',') });
  try {
    const res = await fetch(`/api/widget?${params}`, { credentials: 'omit' });
    if (!res.ok) return { places: [] };
    const body = (await res.json()) as { entries: WidgetEntry[]; near?: string };
    return { places: body.entries, ...(body.near ? { near: body.near } : {}) };
  } catch {
    return { places: [] };
  }
}

async function showResult(f: HTMLFormElement): Promise<void> {
  const data = new FormData(f);
  const raw: Record<string, string> = {};
  data.forEach((value, key) => {
    raw[key] = String(value);
  });
  const guides = JSON.parse(document.getElementById('diagnostic-guides')?.textContent ?? '[]') as GuideLink[];
  const orientation = orient(parseAnswers(raw), guides);
  const postcode = parsePostcode(raw.cp);
  const found = postcode && orientation.toLearn.length ? await nearestPlaces(orientation.services, postcode) : { places: [] };
  const main = f.parentElement ?? document.getElementById('passerelle-main');
  if (!main) return;
  main.innerHTML = renderDiagnosticResult({
    orientation,
    voice: raw.pour === 'aidant' ? 'aidant' : 'personne',
    places: found.places,
    siteUrl: location.origin,
    ...(postcode ? { postcode } : {}),
    ...('near' in found && found.near ? { nearLabel: found.near } : {}),
  });
  enablePrint();
  main.querySelector<HTMLElement>('h1')?.focus();
  window.scrollTo(0, 0);
}

if (form) {
  oneQuestionAScreen(form);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void showResult(form);
  });
}
enablePrint();
