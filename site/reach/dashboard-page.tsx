// /tableau-de-bord: the plan's figures for anyone (citizens, the City council, partners).
// Every chart is also a table; every figure says where it comes from. Static HTML in the
// site's shell, rewritten by the publish pipeline when a listing or a proposal changes.
import { renderToStaticMarkup } from 'react-dom/server';
import { formatDate, formatDateTime, formatHours, formatMonthOrDate, formatPercent } from '../../core/format-fr.ts';
import type { Count, Indicators } from '../../core/reach/indicators.ts';
import { sitePaths } from '../../core/urls.ts';

export const DASHBOARD_EXPORTS = { json: '/api/export/indicateurs', csv: '/api/export/indicateurs.csv' } as const;

const CSS = `.tdb__chiffres{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.75rem;list-style:none;padding:0;margin:1rem 0}
.tdb__chiffres li{border:1px solid var(--ifm-color-emphasis-300,#bbb);border-radius:8px;padding:.75rem;margin:0}
.tdb__nombre{display:block;font-size:2rem;font-weight:700;line-height:1.1}
.tdb__table{display:table;width:100%;font-size:.875rem}
.tdb__table th,.tdb__table td{padding:.3rem .35rem}
.tdb__table th:first-child{text-align:left}
.tdb__table td{white-space:nowrap}
.tdb__table td:not(:first-child),.tdb__table th:not(:first-child){text-align:right}
.tdb__graphe{max-width:40rem;width:100%;height:auto}
.tdb__avertissement{border-left:4px solid var(--passerelle-warn-border,#8a5a00);padding:.5rem .75rem;background:var(--passerelle-warn-bg,#fff4d6)}`;

/** A horizontal bar chart: an image for the eye, its table right after for everyone else. */
function BarChart({ id, title, rows }: { id: string; title: string; rows: Count[] }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  const bar = 30;
  const gap = 10;
  const labelWidth = 250;
  const width = 600;
  const height = rows.length * (bar + gap) + gap;
  return (
    <svg className="tdb__graphe" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-titre`} id={id}>
      <title id={`${id}-titre`}>{`${title} (le détail est dans le tableau qui suit)`}</title>
      {rows.map((r, i) => {
        const y = gap + i * (bar + gap);
        const w = Math.max(2, Math.round(((width - labelWidth - 60) * r.count) / max));
        return (
          <g key={r.key}>
            <text x={labelWidth - 8} y={y + bar * 0.7} textAnchor="end" fontSize="22" fill="currentColor">
              {r.label.length > 20 ? `${r.label.slice(0, 19)}…` : r.label}
            </text>
            <rect x={labelWidth} y={y} width={w} height={bar} fill="#0b5394" />
            <text x={labelWidth + w + 6} y={y + bar * 0.7} fontSize="22" fill="currentColor">
              {r.count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function Figure({ value, label }: { value: string | number; label: string }) {
  return (
    <li>
      <span className="tdb__nombre">{value}</span>
      {label}
    </li>
  );
}

function Dashboard({ ind }: { ind: Indicators }) {
  const withListings = ind.listings.byCommune.filter((c) => c.count > 0).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'fr'));
  const without = ind.listings.byCommune.filter((c) => c.count === 0);
  const p = ind.proposals;
  return (
    <>
      <style>{CSS}</style>
      <h1>Le tableau de bord du plan</h1>
      <p>
        Ces chiffres sont comptés à partir de l’annuaire, des propositions reçues et des guides. Ils changent dès qu’un lieu est ajouté, modifié ou retiré. Mis
        à jour le {formatDateTime(ind.generatedAt)}.
      </p>
      {ind.listings.demo > 0 ? (
        <p className="tdb__avertissement">
          Attention : {ind.listings.demo} des {ind.listings.total} lieux sont des exemples pour montrer le site. Ce ne sont pas encore de vrais lieux.
        </p>
      ) : null}

      <h2>Les lieux</h2>
      <ul className="tdb__chiffres">
        <Figure value={ind.listings.total} label="lieux dans l’annuaire" />
        <Figure value={ind.listings.byKind.find((k) => k.key === 'permanence')?.count ?? 0} label="permanences « aide numérique »" />
        <Figure value={ind.wifiPlaces} label="lieux avec WiFi gratuit" />
        <Figure value={ind.upcoming.trainings} label="formations à venir ou en cours" />
        <Figure value={ind.upcoming.events} label="événements à venir" />
      </ul>

      <h3>Par type de lieu</h3>
      <table className="tdb__table" id="tdb-types">
        <caption className="sr-only">Nombre de lieux par type</caption>
        <thead>
          <tr>
            <th scope="col">Type de lieu</th>
            <th scope="col">Lieux</th>
          </tr>
        </thead>
        <tbody>
          {ind.listings.byKind.map((k) => (
            <tr key={k.key}>
              <th scope="row">{k.label}</th>
              <td>{k.count}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>Par commune</h3>
      {withListings.length ? <BarChart id="tdb-graphe-communes" title="Nombre de lieux par commune" rows={withListings} /> : null}
      <table className="tdb__table" id="tdb-communes">
        <caption className="sr-only">Lieux, permanences et WiFi gratuit par commune</caption>
        <thead>
          <tr>
            <th scope="col">Commune</th>
            <th scope="col">Lieux</th>
            <th scope="col">Perma­nences</th>
            <th scope="col">WiFi gratuit</th>
          </tr>
        </thead>
        <tbody>
          {withListings.map((c) => (
            <tr key={c.key}>
              <th scope="row">
                <a href={sitePaths.commune(c.key)}>{c.label}</a>
              </th>
              <td>{c.count}</td>
              <td>{c.permanences}</td>
              <td>{c.wifi}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {without.length ? (
        <p id="tdb-sans-lieu">
          Pas encore de lieu à : {without.map((c) => c.label).join(', ')}. Vous connaissez un lieu ? <a href={sitePaths.proposal}>Proposez-le</a>.
        </p>
      ) : null}

      <h3>Les permanences « aide numérique », par section</h3>
      {ind.permanencesBySection.length ? (
        <table className="tdb__table" id="tdb-permanences">
          <caption className="sr-only">Permanences par section</caption>
          <thead>
            <tr>
              <th scope="col">Section</th>
              <th scope="col">Perma­nences</th>
            </tr>
          </thead>
          <tbody>
            {ind.permanencesBySection.map((s) => (
              <tr key={s.key}>
                <th scope="row">{s.label}</th>
                <td>{s.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Pas encore de permanence dans l’annuaire.</p>
      )}

      <h2>Des informations à jour</h2>
      <p id="tdb-fraicheur">
        {ind.freshness.share === null
          ? 'Pas encore de lieu dans l’annuaire.'
          : `${formatPercent(ind.freshness.share)} des lieux (${ind.freshness.checkedLast12Months} sur ${ind.freshness.total}) ont été vérifiés ces 12 derniers mois.`}
      </p>

      <h2>Les propositions des associations</h2>
      <ul className="tdb__chiffres" id="tdb-propositions">
        <Figure value={p.received} label="propositions reçues" />
        <Figure value={p.decided} label="propositions traitées" />
        <Figure value={p.waiting} label="propositions en attente" />
        <Figure value={p.medianHoursToDecision === null ? '—' : formatHours(p.medianHoursToDecision)} label="délai habituel avant une réponse (médiane)" />
      </ul>

      <h2>Les guides pas à pas</h2>
      <p id="tdb-guides">
        {ind.guides.total} guides.{' '}
        {ind.guides.share === null
          ? ''
          : `${formatPercent(ind.guides.share)} ont été vérifiés ces 12 derniers mois (${ind.guides.checkedLast12Months} sur ${ind.guides.total}).`}
      </p>
      <details>
        <summary>Voir chaque guide et la date de sa dernière vérification</summary>
        <table className="tdb__table">
          <thead>
            <tr>
              <th scope="col">Guide</th>
              <th scope="col">Vérifié le</th>
            </tr>
          </thead>
          <tbody>
            {ind.guides.list.map((g) => (
              <tr key={g.url}>
                <th scope="row">
                  <a href={g.url}>{g.title}</a>
                </th>
                <td>{g.verified ? formatDate(g.verified) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>

      {ind.city.length ? (
        <>
          <h2>Les chiffres de la Ville</h2>
          <p>Ces chiffres-ci ne sont pas comptés par Passerelle : c’est la Ville qui les donne. La source est indiquée pour chacun.</p>
          <ul id="tdb-ville">
            {ind.city.map((c) => (
              <li key={c.id}>
                <strong>{c.label} :</strong>{' '}
                {c.value === null ? 'pas encore communiqué par la Ville.' : `${new Intl.NumberFormat('fr-BE').format(c.value)} ${c.unit}.`}
                {c.goal ? ` Objectif du plan : ${c.goal}.` : ''} Source : {c.source.url ? <a href={c.source.url}>{c.source.title}</a> : c.source.title},{' '}
                {formatMonthOrDate(c.date)}.
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>Réutiliser ces chiffres</h2>
      <p>
        Ces chiffres sont libres. Téléchargez-les <a href={DASHBOARD_EXPORTS.csv}>pour un tableur (CSV)</a> ou{' '}
        <a href={DASHBOARD_EXPORTS.json}>pour un programme informatique</a>. Voir aussi les <a href={sitePaths.openData}>données ouvertes</a> de l’annuaire.
      </p>
    </>
  );
}

export function renderDashboardBody(ind: Indicators): string {
  return renderToStaticMarkup(<Dashboard ind={ind} />);
}
