// Search without JavaScript: GET /annuaire/recherche?q=&near=&kind=&openNow=&page= (the
// directory's form) and GET /recherche?q= (the navbar's search box) answered as pages of the
// site, by the same search service as /api/search. A directory address with a search
// (/annuaire?service=… from a guide, or shared by someone with JavaScript) is sent to
// /annuaire/recherche, so every search address works for everyone. A refused search (an
// unknown place) is the page with the message and the place box marked; Meilisearch down is
// the page saying so, with the list by commune one link away. Never cached (« open now »).
import { type Request, type Response, Router } from 'express';
import { MESSAGES } from '../../core/messages.ts';
import type { ContentModel } from '../../core/model/index.ts';
import { sitePaths } from '../../core/urls.ts';
import { asksSearch, renderDirectorySearchPage, renderSiteSearchPage, type SearchOutcome, searchStateOf, serviceQueryOf } from '../../site/directory/index.ts';
import { HttpError } from '../http/errors.ts';
import type { SearchService } from '../search/service.ts';

const query = (req: Request) => req.originalUrl.slice(req.originalUrl.indexOf('?') + 1 || req.originalUrl.length);

async function outcomeOf(service: SearchService | undefined, raw: Record<string, string | string[]>): Promise<{ status: number; outcome: SearchOutcome }> {
  if (!service) return { status: 503, outcome: { kind: 'unavailable', message: MESSAGES.searchUnavailable } };
  try {
    return { status: 200, outcome: { kind: 'results', result: await service.search(raw) } };
  } catch (e) {
    if (!(e instanceof HttpError)) throw e;
    if (e.status === 503) return { status: 503, outcome: { kind: 'unavailable', message: `${e.message} La liste des lieux par commune reste disponible.` } };
    if (e.status >= 500) throw e;
    const fields = Object.values(e.fields ?? {});
    const message = e.code === 'unknown_place' ? e.message : `${e.message} ${fields.join(' ')}`.trim();
    return { status: e.status, outcome: { kind: 'refused', message, nearInvalid: e.code === 'unknown_place' } };
  }
}

const send = (res: Response, status: number, html: string) => res.status(status).set('Cache-Control', 'no-store').type('html').send(html);

export function searchRoute(service: SearchService | undefined, model: ContentModel, buildDir?: string): Router {
  const router = Router();

  router.get(sitePaths.directory, (req, res, next) => {
    const state = searchStateOf(query(req));
    if (!asksSearch(state)) return next();
    res.redirect(302, `${sitePaths.directorySearch}?${state.toString()}`);
  });

  router.get(sitePaths.directorySearch, async (req, res) => {
    const state = searchStateOf(query(req));
    if (!asksSearch(state)) return res.redirect(302, sitePaths.directory);
    const { status, outcome } = await outcomeOf(service, serviceQueryOf(state));
    send(res, status, renderDirectorySearchPage(buildDir, model, state, outcome));
  });

  router.get(sitePaths.siteSearch, async (req, res, next) => {
    const q = typeof req.query.q === 'string' ? req.query.q.trim().slice(0, 200) : '';
    if (!q) return next(); // the (static) search page itself
    const { status, outcome } = await outcomeOf(service, { q, scope: 'all', limit: '10' });
    send(res, status, renderSiteSearchPage(buildDir, q, outcome));
  });

  return router;
}
