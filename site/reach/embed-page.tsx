// /integrer: what a partner (CPAS, library, association) needs to show the directory on
// their own site: pick the filters, copy one of two snippets (an iframe, or a small script),
// see the result. Works without JavaScript (the form reloads the page with the new
// snippets and preview); with it, the preview follows each change.
import { renderToStaticMarkup } from 'react-dom/server';
import type { ContentModel } from '../../core/model/index.ts';
import type { WidgetFilters } from '../../core/reach/widget.ts';
import { absoluteUrl, type SiteUrl, sitePaths } from '../../core/urls.ts';

export interface EmbedView {
  model: ContentModel;
  filters: WidgetFilters;
  /** The filters as a query string (for the snippets and the preview). */
  query: string;
  siteUrl: SiteUrl;
}

/** Snippets wrap rather than scroll: nothing to scroll sideways on a phone or with a keyboard. */
const SNIPPET_STYLE = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

export function iframeSnippet(siteUrl: SiteUrl, query: string): string {
  const src = absoluteUrl(siteUrl, `${sitePaths.widget}${query ? `?${query}` : ''}`);
  return `<iframe src="${src}" title="Aide numérique près de chez vous" width="100%" height="480" style="border:0" loading="lazy"></iframe>`;
}

export function scriptSnippet(siteUrl: SiteUrl, attributes: [string, string][]): string {
  const attrs = attributes.map(([k, v]) => ` ${k}="${v.replace(/"/g, '&quot;')}"`).join('');
  return `<script src="${absoluteUrl(siteUrl, sitePaths.widgetScript)}" defer></script>\n<passerelle-annuaire${attrs}></passerelle-annuaire>`;
}

/** The element's attributes for these filters (the same names as the query). */
export function widgetAttributes(f: WidgetFilters, near: string | undefined): [string, string][] {
  return [
    ...(f.commune ? ([['commune', f.commune]] as [string, string][]) : []),
    ...(f.kinds.length ? ([['kind', f.kinds.join(',')]] as [string, string][]) : []),
    ...(f.services.length ? ([['service', f.services.join(',')]] as [string, string][]) : []),
    ...(f.languages.length ? ([['language', f.languages.join(',')]] as [string, string][]) : []),
    ...(near ? ([['near', near]] as [string, string][]) : []),
    ...(f.openNow ? ([['open-now', '1']] as [string, string][]) : []),
    ['limit', String(f.limit)],
  ];
}

function Checkboxes({ name, legend, choices, checked }: { name: string; legend: string; choices: { value: string; label: string }[]; checked: string[] }) {
  return (
    <fieldset className="integrer__choix">
      <legend>{legend}</legend>
      {choices.map((c) => (
        <div key={c.value}>
          <input type="checkbox" id={`${name}-${c.value}`} name={name} value={c.value} defaultChecked={checked.includes(c.value)} />{' '}
          <label htmlFor={`${name}-${c.value}`}>{c.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

function EmbedPage({ view, near }: { view: EmbedView; near?: string }): React.JSX.Element {
  const { model, filters: f } = view;
  const v = model.vocabularies;
  const preview = `${sitePaths.widget}${view.query ? `?${view.query}` : ''}`;
  return (
    <div className="integrer">
      <h1>Afficher l’annuaire sur votre site</h1>
      <p>
        Vous êtes un CPAS, une bibliothèque, une association ? Montrez sur votre site les lieux d’aide numérique près de chez vous. C’est gratuit, sans cookie
        et sans suivi des visiteurs. Les informations restent à jour toutes seules.
      </p>
      <form method="get" action={sitePaths.embed} id="integrer-form">
        <h2>1. Choisissez ce qu’il faut montrer</h2>
        <div className="formulaire__champ">
          <label htmlFor="integrer-commune">Commune</label>
          <select id="integrer-commune" name="commune" defaultValue={f.commune ?? ''}>
            <option value="">Toutes les communes</option>
            {model.territory.communes.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="formulaire__champ">
          <label htmlFor="integrer-near">Les plus proches d’abord, autour de (code postal ou commune)</label>
          <input id="integrer-near" name="near" type="text" defaultValue={near ?? ''} maxLength={60} placeholder="Par exemple : 6000" />
        </div>
        <Checkboxes name="kind" legend="Types de lieux" choices={v.kinds.map((t) => ({ value: t.slug, label: t.label }))} checked={f.kinds} />
        <div className="formulaire__champ">
          <label htmlFor="integrer-service">Aide proposée</label>
          <select id="integrer-service" name="service" defaultValue={f.services[0] ?? ''}>
            <option value="">Toutes les aides</option>
            {v.services.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <div className="formulaire__champ">
          <label htmlFor="integrer-language">Langue parlée sur place</label>
          <select id="integrer-language" name="language" defaultValue={f.languages[0] ?? ''}>
            <option value="">Toutes les langues</option>
            {v.languages.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <input type="checkbox" id="integrer-ouvert" name="openNow" value="1" defaultChecked={f.openNow} />{' '}
          <label htmlFor="integrer-ouvert">Seulement les lieux ouverts au moment de la visite</label>
        </div>
        <div className="formulaire__champ">
          <label htmlFor="integrer-limit">Nombre de lieux (1 à 20)</label>
          <input id="integrer-limit" name="limit" type="number" min={1} max={20} defaultValue={f.limit} />
        </div>
        <p>
          <button type="submit" className="button button--primary">
            Mettre à jour l’aperçu et le code
          </button>
        </p>
      </form>

      <h2>2. Copiez un des deux codes dans votre page</h2>
      <h3>Un cadre (iframe) : marche partout, même sans JavaScript</h3>
      <pre style={SNIPPET_STYLE}>
        <code id="code-iframe">{iframeSnippet(view.siteUrl, view.query)}</code>
      </pre>
      <h3>Ou un petit script : la liste prend le style de votre page</h3>
      <pre style={SNIPPET_STYLE}>
        <code id="code-script">{scriptSnippet(view.siteUrl, widgetAttributes(f, near))}</code>
      </pre>
      <p>
        Avec le script, la langue des quelques mots de la liste suit celle de votre page (français, néerlandais, anglais ou allemand). Avec le cadre, ajoutez{' '}
        <code>&amp;lang=nl</code>, <code>&amp;lang=en</code> ou <code>&amp;lang=de</code> à l’adresse.
      </p>

      <h2>3. L’aperçu</h2>
      <iframe id="integrer-apercu" src={preview} title="Aperçu de la liste" width="100%" height="480" style={{ border: '1px solid #ccc' }} />
    </div>
  );
}

export function renderEmbedBody(view: EmbedView, near?: string): string {
  return renderToStaticMarkup(<EmbedPage view={view} {...(near ? { near } : {})} />);
}
