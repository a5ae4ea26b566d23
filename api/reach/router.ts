// The reach pages the server makes on request: /wifi (the free WiFi portal's landing page).
// HTTP only: the data comes from the deps, the page from site/reach.
import { Router } from 'express';
import { isSlug } from '../../core/model/slug.ts';
import { nearbyHelp, upcomingActivities } from '../../core/reach/nearby.ts';
import { sitePaths } from '../../core/urls.ts';
import { renderWifiPage } from '../../site/reach/index.ts';
import type { ReachDeps } from './deps.ts';

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
  return router;
}
