// The only script of an initiative page (a few hundred bytes): marks today's row in the
// hours table and says whether the place is open now, from open intervals embedded at
// render time. Without JavaScript the page shows everything else.
import { formatClock } from '../../../core/hours/format.ts';

const TZ = 'Europe/Brussels';
const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: TZ });
const dayName = new Intl.DateTimeFormat('fr-BE', { weekday: 'long', timeZone: TZ });
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function markToday(now: Date): void {
  const day = DAYS.indexOf(weekday.format(now)) + 1;
  document.querySelector(`tr[data-jour="${day}"]`)?.classList.add('horaires__aujourdhui');
}

function showOpenState(now: Date): void {
  const el = document.getElementById('etat-ouverture');
  const data = document.getElementById('horaires-data');
  if (!el || !data?.textContent) return;
  const { upcoming, until } = JSON.parse(data.textContent) as { upcoming: [number, number][]; until: number };
  const t = now.getTime();
  if (t >= until) return; // the page is older than what it knows: say nothing rather than something wrong
  const current = upcoming.find(([a, b]) => a <= t && t < b);
  const next = upcoming.find(([a]) => a > t);
  if (current) {
    el.textContent = `Ouvert maintenant, jusqu'à ${formatClock(new Date(current[1]))}.`;
    el.classList.add('etat-ouverture--ouvert');
  } else {
    el.textContent = next ? `Fermé maintenant. Prochaine ouverture : ${dayName.format(next[0])} à ${formatClock(new Date(next[0]))}.` : 'Fermé maintenant.';
    el.classList.add('etat-ouverture--ferme');
  }
  el.hidden = false;
}

function enablePrint(): void {
  const button = document.getElementById('imprimer-fiche');
  if (!button) return;
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}

const now = new Date();
markToday(now);
showOpenState(now);
enablePrint();
