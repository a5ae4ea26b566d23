// The widget's light page, framed by a partner's site: a short list of places with their
// state now, each linking to its Passerelle page (in a new tab: the partner's page stays).
// No script, no cookie, its own little CSS. The same list as the script's JSON.
import { renderToStaticMarkup } from 'react-dom/server';
import { formatDistance } from '../../core/geo.ts';
import { WIDGET_LABELS, type WidgetEntry, type WidgetLanguage } from '../../core/reach/widget-labels.ts';
import { absoluteUrl, type SiteUrl, sitePaths } from '../../core/urls.ts';
import { renderLightPage } from './light-page.ts';
import { stateText } from './widget-text.ts';

export interface WidgetView {
  entries: WidgetEntry[];
  lang: WidgetLanguage;
  siteUrl: SiteUrl;
  now: Date;
  /** Where « all places » leads (the directory, filtered like the widget when possible). */
  moreUrl: string;
}

function WidgetList({ view }: { view: WidgetView }): React.JSX.Element {
  const l = WIDGET_LABELS[view.lang];
  return (
    <main>
      <h1>{l.title}</h1>
      {view.entries.length ? (
        <ul>
          {view.entries.map((e) => (
            <li key={e.id}>
              <a href={absoluteUrl(view.siteUrl, sitePaths.initiative(e.id))} target="_blank" rel="noopener">
                {e.name} <span className="vh">{l.newTab}</span>
              </a>
              <br />
              <span className="petit">
                {e.kindLabel} · {e.address}
                {e.metres !== undefined ? ` · ${formatDistance(e.metres)}` : ''}
              </span>
              {stateText(e, view.lang) && (
                <>
                  <br />
                  <span className={e.openNow ? 'ouvert' : 'petit'}>{stateText(e, view.lang)}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>{l.none}</p>
      )}
      <p>
        <a href={view.moreUrl} target="_blank" rel="noopener">
          {l.more} <span className="vh">{l.newTab}</span>
        </a>
      </p>
    </main>
  );
}

const WIDGET_CSS = `main{padding:.5rem .75rem}h1{font-size:1.1rem;margin:.25rem 0 .5rem}ul{list-style:none;padding:0;margin:0}li{padding:.4rem 0;border-bottom:1px solid #ddd}
.ouvert{color:#1b5e20;font-weight:600}.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}`;

export function renderWidgetPage(view: WidgetView): string {
  return renderLightPage({
    title: WIDGET_LABELS[view.lang].title,
    lang: view.lang === 'fr' ? 'fr-BE' : view.lang,
    css: WIDGET_CSS,
    body: renderToStaticMarkup(<WidgetList view={view} />),
  });
}
