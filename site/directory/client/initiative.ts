// The script of a listing page (a few KB; the page is complete without it): says whether
// the place is open now, from open intervals embedded at render time, and marks today's
// row of the hours (both on screen only: the printed sheet stays true); shows the plan's
// tiles when the map comes near the screen, and the interactive map on request; the
// print button and the date of printing; « Lire à voix haute ».

import { formatDate } from '../../../core/format-fr.ts';
import { formatClock } from '../../../core/hours/format.ts';
import { mountReadAloud } from '../../client/read-aloud.ts';

const TZ = 'Europe/Brussels';
const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: TZ });
const dayName = new Intl.DateTimeFormat('fr-BE', { weekday: 'long', timeZone: TZ });
const isoDay = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: TZ });
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function markToday(now: Date): void {
  const day = DAYS.indexOf(weekday.format(now)) + 1;
  document.querySelector(`tr[data-jour="${day}"]`)?.classList.add('horaires__aujourdhui');
}

/** « aujourd'hui », « demain » or the day's name, for an instant after `now`. */
function whenFr(instant: Date, now: Date): string {
  const day = isoDay.format(instant);
  if (day === isoDay.format(now)) return "aujourd'hui";
  if (day === isoDay.format(new Date(now.getTime() + 86_400_000))) return 'demain';
  return dayName.format(instant);
}

function showOpenState(now: Date): void {
  const line = document.getElementById('etat-ouverture');
  const text = document.getElementById('etat-ouverture-texte');
  const data = document.getElementById('horaires-data');
  if (!line || !text || !data?.textContent) return;
  const { upcoming, until } = JSON.parse(data.textContent) as { upcoming: [number, number][]; until: number };
  const t = now.getTime();
  if (t >= until) return; // the page is older than what it knows: keep the open days rather than say something wrong
  const current = upcoming.find(([a, b]) => a <= t && t < b);
  const next = upcoming.find(([a]) => a > t);
  if (current) {
    text.textContent = `Ouvert maintenant, jusqu'à ${formatClock(new Date(current[1]))}.`;
    line.classList.add('etat-ouverture--ouvert');
  } else {
    const opens = next ? new Date(next[0]) : undefined;
    text.textContent = opens ? `Fermé maintenant. Ouvre ${whenFr(opens, now)} à ${formatClock(opens)}.` : 'Fermé maintenant.';
    line.classList.add('etat-ouverture--ferme');
  }
}

function enablePrint(now: Date): void {
  const date = document.getElementById('date-impression');
  const stamp = () => {
    if (date) date.textContent = formatDate(isoDay.format(new Date()));
  };
  if (date) date.textContent = formatDate(isoDay.format(now));
  window.addEventListener('beforeprint', stamp);
  const button = document.getElementById('imprimer-fiche');
  if (!button) return;
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}

interface MapData {
  lat: number;
  lng: number;
  zoom: number;
  template: string;
  tiles: { url: string; dx: number; dy: number }[];
}

function showTiles(box: HTMLElement, map: MapData): void {
  for (const t of map.tiles) {
    const img = document.createElement('img');
    img.src = t.url;
    img.alt = '';
    img.width = 256;
    img.height = 256;
    img.style.left = `calc(50% + ${t.dx}px)`;
    img.style.top = `calc(50% + ${t.dy}px)`;
    box.prepend(img);
  }
}

function enableMap(): void {
  const box = document.getElementById('carte-lieu');
  const raw = box?.getAttribute('data-carte');
  if (!box || !raw) return;
  const map = JSON.parse(raw) as MapData;
  // The tiles only when the map is about to be seen: a phone downloads none it does not look at.
  if ('IntersectionObserver' in window) {
    const watch = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        watch.disconnect();
        showTiles(box, map);
      },
      { rootMargin: '300px 0px' },
    );
    watch.observe(box);
  } else showTiles(box, map);
  const button = document.getElementById('carte-interactive');
  if (!button) return;
  button.hidden = false;
  button.addEventListener('click', () => {
    button.hidden = true;
    const name = document.querySelector('.fiche-lieu h1')?.textContent ?? '';
    import('./listing-map.ts')
      .then((m) => m.showInteractiveMap(box, { ...map, name }))
      .catch(() => {
        button.hidden = false;
        button.textContent = 'La carte ne répond pas. Réessayer';
      });
  });
}

const now = new Date();
markToday(now);
showOpenState(now);
enablePrint(now);
enableMap();
const article = document.querySelector<HTMLElement>('.fiche-lieu');
const essentials = document.querySelector('.fiche-lieu__essentiel');
if (article && essentials) mountReadAloud(article, (box) => essentials.after(box));
