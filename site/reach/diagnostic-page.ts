// « Où en suis-je ? » as HTML: the questions (one form, every question on the page; the
// browser script shows one a screen) and the result. Plain strings with every piece of
// text escaped, so the browser script renders the very same result as the server does
// without JavaScript (the answers then never leave the device).
import { escapeHtml } from '../../core/html.ts';
import { ANSWERS, type Orientation, QUESTIONS, type Question } from '../../core/reach/diagnostic.ts';
import type { WidgetEntry } from '../../core/reach/widget-labels.ts';
import { sitePaths } from '../../core/urls.ts';
import { stateText } from './widget-text.ts';

/** For whom the page speaks: the person, or an aidant asking the questions with them. */
export type Voice = 'personne' | 'aidant';

export const DIAGNOSTIC_SCRIPT = '/passerelle/diagnostic.js';

/** The page's own styles: one question a screen with JavaScript, the result on one A4 page. */
export const DIAGNOSTIC_CSS = `
.diagnostic__question{border:2px solid var(--ifm-color-emphasis-300,#ccc);border-radius:8px;padding:1rem;margin:0 0 1.25rem}
.diagnostic__question legend{float:left;width:100%;font-size:1.2rem;font-weight:700;padding:0;margin:0 0 .5rem}
.diagnostic__question legend+*{clear:both}
#diagnostic [hidden],.diagnostic__resultat [hidden]{display:none!important}
.diagnostic__picto{font-size:2.5rem;display:block;line-height:1.2}
.diagnostic__numero{display:block;font-size:.95rem;font-weight:400}
.diagnostic__choix{display:flex;align-items:center;gap:.6rem;min-height:48px;font-size:1.1rem;margin:.35rem 0;padding:.25rem .5rem;border-radius:6px}
.diagnostic__choix input{width:1.5rem;height:1.5rem;flex:none}
.diagnostic__choix:has(input:checked){background:var(--ifm-color-emphasis-200,#eee)}
.diagnostic__nav{display:flex;gap:.75rem;flex-wrap:wrap;margin:1rem 0}
.diagnostic__nav .button{min-height:48px}
.diagnostic__sait li::marker{content:"✔  "}
.diagnostic__lieux li{margin:.5rem 0}
@media print{
  @page{size:A4;margin:12mm}
  html{font-size:10.5pt}
  .diagnostic__ecran-seul,.navbar,.footer{display:none!important}
  .diagnostic__resultat h1{font-size:1.5rem;margin:0 0 .5rem}
  .diagnostic__resultat h2{font-size:1.1rem;margin:.6rem 0 .2rem}
  .diagnostic__resultat ul,.diagnostic__resultat ol{margin:0 0 .3rem}
  .diagnostic__resultat li{margin:.1rem 0}
  .diagnostic__resultat a[data-adresse]::after{content:" (" attr(data-adresse) ")";font-size:.85em}
}`;

function questionHtml(q: Question, index: number, voice: Voice): string {
  const text = voice === 'aidant' ? q.aidantText : q.text;
  const choices = ANSWERS.map(
    (a) => `<label class="diagnostic__choix"><input type="radio" name="${escapeHtml(q.id)}" value="${a.value}"> ${escapeHtml(a.label)}</label>`,
  ).join('');
  return `<fieldset class="diagnostic__question" id="question-${escapeHtml(q.id)}"><legend><span class="diagnostic__picto" aria-hidden="true">${q.pictogram}</span><span class="diagnostic__numero">Question ${index + 1} sur ${QUESTIONS.length}</span><span class="diagnostic__texte">${escapeHtml(text)}</span></legend>${choices}</fieldset>`;
}

/** The questions' page: works as one plain form; the script turns it into one question a screen. */
export function renderDiagnosticForm(voice: Voice, guidesJson: string): string {
  const intro =
    voice === 'aidant'
      ? '<p>Posez ces questions avec la personne, à son rythme. Il n’y a pas de mauvaise réponse. Le résultat propose des guides et des lieux pour la suite ; vous pouvez l’imprimer pour elle.</p>'
      : '<p>12 questions simples sur ce que vous savez faire avec un téléphone ou un ordinateur. Il n’y a pas de mauvaise réponse. Vous pouvez passer une question.</p><p>Vos réponses ne sont pas gardées : personne ne les voit.</p>';
  return `<style>${DIAGNOSTIC_CSS}</style>
<h1>Où en suis-je avec le numérique ?</h1>
${intro}
<form id="diagnostic" method="get" action="${sitePaths.selfCheckResult}">
${voice === 'aidant' ? '<input type="hidden" name="pour" value="aidant">' : ''}
${QUESTIONS.map((q, i) => questionHtml(q, i, voice)).join('\n')}
<div class="formulaire__champ diagnostic__question" id="question-cp">
<label for="diagnostic-cp">${voice === 'aidant' ? 'Le code postal de la personne' : 'Votre code postal'} (pas obligatoire) : pour trouver un lieu près de chez ${voice === 'aidant' ? 'elle' : 'vous'}</label>
<input id="diagnostic-cp" name="cp" inputmode="numeric" autocomplete="postal-code" pattern="[0-9]{4}" maxlength="4" size="6">
</div>
<p><button type="submit" class="button button--primary button--lg">Voir le résultat</button></p>
</form>
<script type="application/json" id="diagnostic-guides">${guidesJson}</script>
<script src="${DIAGNOSTIC_SCRIPT}" defer></script>`;
}

export interface ResultView {
  orientation: Orientation;
  voice: Voice;
  /** The postcode the person gave, if any. */
  postcode?: string;
  /** Its place name when the territory knows it. */
  nearLabel?: string;
  /** The nearest places teaching what is to learn (only when a postcode was given). */
  places: WidgetEntry[];
  /** The site's address: a printed page shows the guides' full addresses. */
  siteUrl: string;
}

const item = (text: string) => `<li>${escapeHtml(text)}</li>`;

function placesHtml(v: ResultView): string {
  const dir = sitePaths.directory;
  if (!v.postcode)
    return `<p>Donnez votre code postal au début pour voir les lieux les plus proches, ou cherchez dans <a href="${dir}" data-adresse="${dir}">la liste des lieux</a>.</p>`;
  if (!v.nearLabel)
    return `<p>Nous ne connaissons pas le code postal ${escapeHtml(v.postcode)}. Cherchez dans <a href="${dir}" data-adresse="${dir}">la liste des lieux</a>.</p>`;
  if (!v.places.length)
    return `<p>Pas de lieu trouvé près de ${escapeHtml(v.nearLabel)}. Cherchez dans <a href="${dir}" data-adresse="${dir}">la liste des lieux</a>.</p>`;
  const items = v.places.map((p) => {
    const url = sitePaths.initiative(encodeURIComponent(p.id));
    const state = stateText(p, 'fr');
    return `<li><a href="${url}">${escapeHtml(p.name)}</a><br><span>${escapeHtml(p.kindLabel)} · ${escapeHtml(p.address)}</span>${state ? `<br><span>${escapeHtml(state)}</span>` : ''}</li>`;
  });
  return `<p>Près de ${escapeHtml(v.nearLabel)} :</p><ul class="diagnostic__lieux">${items.join('')}</ul>`;
}

/** The result: what the person can already do, what to learn, guides and places. Fits one A4 page. */
export function renderDiagnosticResult(v: ResultView): string {
  const o = v.orientation;
  const you =
    v.voice === 'aidant'
      ? { title: 'Le résultat de la personne', can: 'Ce que la personne sait déjà faire' }
      : { title: 'Votre résultat', can: 'Ce que vous savez déjà faire' };
  const answered = o.canDo.length + o.toLearn.length;
  const canDo = o.canDo.length
    ? `<ul class="diagnostic__sait">${o.canDo.map((q) => item(q.skill)).join('')}</ul>`
    : `<p>${answered ? 'Rien encore dans cette liste. Ce n’est pas grave : tout s’apprend, pas à pas.' : 'Vous n’avez répondu à aucune question.'}</p>`;
  const toLearn = o.toLearn.length
    ? `<h2>À apprendre ensuite</h2><ol>${o.toLearn
        .slice(0, 5)
        .map((q) => item(q.skill))
        .join('')}</ol>`
    : answered
      ? '<h2>Bravo</h2><p>Vous savez faire tout ce que nous avons demandé. Vous pouvez aider d’autres personnes autour de vous.</p>'
      : '';
  const guides = o.guides.length
    ? `<h2>Pour commencer : des guides pas à pas</h2><ul>${o.guides.map((g) => `<li><a href="${escapeHtml(g.url)}" data-adresse="${escapeHtml(`${v.siteUrl}${g.url}`)}">${escapeHtml(g.title)}</a></li>`).join('')}</ul>`
    : '';
  const places = o.toLearn.length ? `<h2>Des lieux pour apprendre avec quelqu’un</h2>${placesHtml(v)}` : '';
  return `<style>${DIAGNOSTIC_CSS}</style>
<div class="diagnostic__resultat">
<h1 tabindex="-1">${you.title}</h1>
<p>Vous pouvez imprimer cette page et l’apporter dans un espace public numérique, à une permanence ou à un aidant.</p>
<h2>${you.can}</h2>
${canDo}
${toLearn}
${guides}
${places}
<p class="diagnostic__ecran-seul"><button type="button" class="button button--primary" data-imprimer hidden>Imprimer</button> <a href="${sitePaths.selfCheck}${v.voice === 'aidant' ? '?pour=aidant' : ''}">Recommencer</a></p>
</div>`;
}
