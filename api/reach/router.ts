// The reach pages the server makes on request: /wifi (the free WiFi portal's landing page),
// the partners' widget (/widget framed by their sites, /widget.js and its JSON at
// /api/widget) and /integrer (the snippets). HTTP only: the data comes from the deps, the
// pages from site/reach. Only the widget's routes may be framed or loaded by other sites.
import fs from 'node:fs';
import path from 'node:path';
import { type RequestHandler, Router } from 'express';
import { scriptJson } from '../../core/html.ts';
import { isSlug } from '../../core/model/slug.ts';
import { flattenIndicators, indicatorsCsv } from '../../core/reach/indicators.ts';
import { nearbyHelp, upcomingActivities } from '../../core/reach/nearby.ts';
import { type WidgetFilters, widgetEntries, widgetFilters } from '../../core/reach/widget.ts';
import { sitePaths } from '../../core/urls.ts';
import {
  DIAGNOSTIC_SCRIPT,
  renderDiagnosticForm,
  renderDiagnosticResult,
  renderEmbedBody,
  renderPlainPage,
  renderWidgetPage,
  renderWifiPage,
} from '../../site/reach/index.ts';
import { notFound } from '../http/errors.ts';
import type { ReachDeps } from './deps.ts';
import { guideLinks, selfCheckResult, voiceOf } from './self-check.ts';

export const DEFAULT_TRANSPORT_URL = 'https://www.letec.be';

export function reachRouter(deps: ReachDeps): Router {
  const router = Router();
  router.get(sitePaths.wifi, (req, res) => {
    const now = deps.now?.() ?? new Date();
    const all = deps.initiatives();
    const lieu = typeof req.query.lieu === 'string' && isSlug(req.query.lieu) ? all.get(req.query.lieu) : undefined;
    const place = lieu?.status === 'active' ? lieu : undefined;
    const wifi = deps.config.wifi ?? {};
    const [here] = place ? nearbyHelp([place], place.geo, { now, limit: 1, kinds: [place.kind] }) : [];
    const html = renderWifiPage({
      ...(place ? { place } : {}),
      ...(here ? { here } : {}),
      help: nearbyHelp(all.values(), place?.geo, { now, limit: 3, ...(place ? { exclude: place.id } : {}) }),
      activities: upcomingActivities(all.values(), now.toISOString().slice(0, 10), 3),
      news: deps.news().slice(0, 2),
      transportUrl: wifi.transportUrl ?? DEFAULT_TRANSPORT_URL,
      agenda: { url: wifi.agendaUrl ?? sitePaths.news, label: wifi.agendaLabel ?? (wifi.agendaUrl ? 'L’agenda culturel' : 'Les actualités et les événements') },
      kindLabel: (kind) => deps.model.vocabularies.label('kinds', kind),
      now,
      siteUrl: deps.siteUrl,
    });
    res.set('Cache-Control', 'no-cache').type('html').send(html);
  });

  // The widget: framed by the sites the config allows (any by default); nothing else is.
  router.get(sitePaths.widget, allowFraming(deps.config.widget?.frameAncestors ?? ['*']), (req, res) => {
    const filters = widgetFilters(deps.model, req.query);
    const now = deps.now?.() ?? new Date();
    const html = renderWidgetPage({
      entries: widgetEntries(deps.model, deps.initiatives().values(), filters, now),
      lang: filters.lang,
      siteUrl: deps.siteUrl,
      now,
      moreUrl: moreUrl(deps, filters),
    });
    res.set('Cache-Control', 'public, max-age=60').type('html').send(html);
  });
  router.get(sitePaths.widgetScript, (_req, res) => {
    const file = deps.buildDir ? path.join(deps.buildDir, 'passerelle', 'widget.js') : '';
    if (!file || !fs.existsSync(file)) {
      res.status(404).type('text/plain').send('widget.js: build the site first (npm run build).');
      return;
    }
    res.set({ 'Cross-Origin-Resource-Policy': 'cross-origin', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=3600' }).type('js');
    res.sendFile(file);
  });
  router.get(sitePaths.embed, (req, res) => {
    const filters = widgetFilters(deps.model, req.query);
    const near = typeof req.query.near === 'string' && filters.near ? req.query.near.trim().slice(0, 60) : undefined;
    const query = widgetQuery(filters, near);
    const body = renderEmbedBody({ model: deps.model, filters, query, siteUrl: deps.siteUrl }, near);
    res
      .set('Cache-Control', 'no-cache')
      .type('html')
      .send(
        renderPlainPage(deps.buildDir, {
          title: 'Afficher l’annuaire sur votre site',
          body: `${body}<script src="/passerelle/integrer.js" defer></script>`,
          path: sitePaths.embed,
          noindex: false,
        }),
      );
  });

  // « Où en suis-je ? »: the questions, and the result for browsers without JavaScript.
  // The answers are in the address of that one page only: never logged, never cached.
  router.get(sitePaths.selfCheck, (req, res) => {
    const voice = voiceOf(req.query.pour);
    const body = renderDiagnosticForm(voice, scriptJson(guideLinks(deps)));
    res
      .set('Cache-Control', 'no-cache')
      .type('html')
      .send(renderPlainPage(deps.buildDir, { title: 'Où en suis-je avec le numérique ?', body, path: sitePaths.selfCheck, noindex: voice === 'aidant' }));
  });
  router.get(sitePaths.selfCheckResult, (req, res) => {
    const body = `${renderDiagnosticResult(selfCheckResult(deps, req.query as Record<string, unknown>))}<script src="${DIAGNOSTIC_SCRIPT}" defer></script>`;
    res
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(renderPlainPage(deps.buildDir, { title: 'Le résultat : où en suis-je ?', body, path: sitePaths.selfCheckResult }));
  });
  return router;
}

/** GET /api/widget: the widget script's list, as JSON, for any site (no credentials). */
export function widgetApi(deps: ReachDeps): Router {
  const router = Router();
  router.get('/', (req, res) => {
    const filters = widgetFilters(deps.model, req.query);
    const now = deps.now?.() ?? new Date();
    res.set({ 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=60' }).json({
      lang: filters.lang,
      ...(filters.near ? { near: filters.near.label } : {}),
      entries: widgetEntries(deps.model, deps.initiatives().values(), filters, now),
      moreUrl: moreUrl(deps, filters),
    });
  });
  return router;
}

/** GET /api/export/indicateurs (JSON) and /api/export/indicateurs.csv: the dashboard's figures, open data. */
export function indicatorsApi(deps: ReachDeps): Router {
  const router = Router();
  router.get(['/indicateurs', '/indicateurs.csv', '/indicateurs.json'], (req, res) => {
    const ind = deps.indicators?.();
    if (!ind) throw notFound('Les indicateurs ne sont pas disponibles sur ce serveur.');
    const figures = flattenIndicators(ind);
    res.set({ 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=60' });
    if (req.path.endsWith('.csv')) {
      res.set('Content-Disposition', 'inline; filename="indicateurs.csv"').type('text/csv; charset=utf-8').send(indicatorsCsv(figures));
      return;
    }
    res.json({ generatedAt: ind.generatedAt, figures, details: ind });
  });
  return router;
}

/** Lets the listed sites frame this answer (CSP frame-ancestors), instead of this site only. */
function allowFraming(ancestors: string[]): RequestHandler {
  const sources = ancestors.length ? ancestors.join(' ') : "'none'";
  return (_req, res, next) => {
    res.removeHeader('X-Frame-Options');
    const csp = String(res.getHeader('Content-Security-Policy') ?? '');
    res.setHeader('Content-Security-Policy', `${csp.replace(/frame-ancestors [^;]*;?/, '')};frame-ancestors ${sources}`.replace(/^;/, ''));
    next();
  };
}

/** « All places »: the commune's list when the widget is for one commune, else the directory. */
function moreUrl(deps: ReachDeps, f: WidgetFilters): string {
  return f.commune && deps.model.territory.commune(f.commune) ? sitePaths.commune(f.commune) : sitePaths.directory;
}

/** The filters back as a query string (what the snippets and the preview use). */
function widgetQuery(f: WidgetFilters, near: string | undefined): string {
  const params = new URLSearchParams();
  if (f.commune) params.set('commune', f.commune);
  if (f.kinds.length) params.set('kind', f.kinds.join(','));
  if (f.services.length) params.set('service', f.services.join(','));
  if (f.languages.length) params.set('language', f.languages.join(','));
  if (near) params.set('near', near);
  if (f.openNow) params.set('openNow', '1');
  params.set('limit', String(f.limit));
  return params.toString();
}
