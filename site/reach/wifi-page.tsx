// /wifi: what a person sees after joining the City's free WiFi. Light (no script, a few
// KB): where they are when the portal says so, the next help nearby, a safety tip that
// agrees with the WiFi guide, the next trainings and events, the latest news, and the
// links the portal promises (public-transport times, cultural agenda).
import { renderToStaticMarkup } from 'react-dom/server';
import type { NewsItem } from '../../core/content/news.ts';
import { formatDate, formatPeriod } from '../../core/format-fr.ts';
import { formatDistance } from '../../core/geo.ts';
import { formatClock } from '../../core/hours/format.ts';
import type { Initiative } from '../../core/model/index.ts';
import type { NearbyHelp } from '../../core/reach/nearby.ts';
import { absoluteUrl, type SiteUrl, sitePaths } from '../../core/urls.ts';
import { renderLightPage } from './light-page.ts';

export interface WifiView {
  /** The place the portal named (`?lieu=`), if any, with its own next opening. */
  place?: Initiative;
  here?: NearbyHelp;
  help: NearbyHelp[];
  activities: Initiative[];
  news: NewsItem[];
  transportUrl: string;
  agenda: { url: string; label: string };
  kindLabel(kind: string): string;
  now: Date;
  siteUrl: SiteUrl;
}

const dayName = new Intl.DateTimeFormat('fr-BE', { weekday: 'long', timeZone: 'Europe/Brussels' });
const dayKey = new Intl.DateTimeFormat('fr-BE', { dateStyle: 'short', timeZone: 'Europe/Brussels' });

/** « Ouvert maintenant, jusqu'à 12 h », « Aujourd'hui à 14 h », « Mardi à 9 h », « Horaires : à confirmer ». */
export function openingText(help: NearbyHelp, now: Date): string {
  const next = help.nextOpening;
  if (!help.initiative.hours) return 'Horaires : à confirmer, appelez avant de venir';
  if (!next) return 'Pas d’ouverture dans les deux semaines qui viennent';
  if (help.openNow) return `Ouvert maintenant, jusqu’à ${formatClock(new Date(next.to))}`;
  const when = new Date(next.from);
  const day = dayKey.format(when) === dayKey.format(now) ? 'Aujourd’hui' : dayName.format(when).replace(/^./, (c) => c.toUpperCase());
  return `${day} à ${formatClock(when)}`;
}

function WifiPage({ view }: { view: WifiView }): React.JSX.Element {
  const { place, help, activities, news } = view;
  return (
    <>
      <div className="bandeau">
        <a href={sitePaths.home}>Passerelle</a> — l’aide numérique à Charleroi Métropole
      </div>
      <main>
        <h1>Bienvenue sur le WiFi gratuit de la Ville</h1>
        {place ? (
          <p>
            Vous êtes à <strong>{place.name}</strong>, {place.address.street}, {place.address.postcode} {place.address.locality}.
            {view.here && (
              <>
                <br />
                <strong>Ici :</strong> {openingText(view.here, view.now)}.
              </>
            )}{' '}
            <a href={sitePaths.initiative(place.id)}>Voir ce lieu</a>
          </p>
        ) : (
          <p>Internet est gratuit ici. Besoin d’un coup de main avec le numérique ? Des personnes peuvent vous aider, gratuitement.</p>
        )}

        <h2>De l’aide près d’ici</h2>
        {help.length ? (
          <ul>
            {help.map((h) => (
              <li key={h.initiative.id}>
                <a href={sitePaths.initiative(h.initiative.id)}>{h.initiative.name}</a>
                <br />
                <span className="petit">
                  {view.kindLabel(h.initiative.kind)} · {openingText(h, view.now)}
                  {place || h.metres ? ` · à ${formatDistance(h.metres)}` : ''}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>Aucun lieu d’aide n’est connu ici pour le moment.</p>
        )}
        <p>
          <a href={sitePaths.directory}>Trouver de l’aide près de chez moi</a>
        </p>

        <h2>Sur un WiFi public</h2>
        <p>
          Vous pouvez faire vos démarches, avec prudence : vérifiez le nom du réseau, tapez vous-même l’adresse du site (https et cadenas), ne tapez jamais un
          code sur une page ouverte depuis un SMS ou un e-mail, cachez votre écran et déconnectez-vous à la fin.
        </p>
        <p>
          <a href={sitePaths.guide('bases', 'wifi-public-ville')}>Le guide du WiFi public, pas à pas</a>
        </p>

        {activities.length > 0 && (
          <>
            <h2>Prochaines formations et activités</h2>
            <ul>
              {activities.map((a) => (
                <li key={a.id}>
                  <a href={sitePaths.initiative(a.id)}>{a.name}</a>
                  <br />
                  <span className="petit">
                    {a.period ? formatPeriod(a.period.start, a.period.end) : ''} · {a.address.locality}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}

        {news.length > 0 && (
          <>
            <h2>Actualités</h2>
            <ul>
              {news.map((n) => (
                <li key={n.url}>
                  <a href={n.url}>{n.title}</a> <span className="petit">({formatDate(n.date)})</span>
                </li>
              ))}
            </ul>
          </>
        )}

        <h2>Aussi</h2>
        <ul>
          <li>
            <a href={view.transportUrl}>Horaires TEC (bus et métro)</a>
          </li>
          <li>
            <a href={view.agenda.url}>{view.agenda.label}</a>
          </li>
          <li>
            <a href={sitePaths.guides}>Guides pas à pas</a>
          </li>
        </ul>
      </main>
    </>
  );
}

export function renderWifiPage(view: WifiView): string {
  return renderLightPage({
    title: view.place ? `WiFi gratuit — ${view.place.name}` : 'WiFi gratuit de la Ville',
    description: 'Bienvenue sur le WiFi gratuit de la Ville : de l’aide numérique près d’ici, les prochaines activités et les actualités.',
    canonical: absoluteUrl(view.siteUrl, sitePaths.wifi),
    body: renderToStaticMarkup(<WifiPage view={view} />),
  });
}
