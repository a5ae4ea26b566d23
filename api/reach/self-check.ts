// The self-check's result on the server, for browsers without JavaScript (with it, the
// browser computes the same result itself): the orientation from the answers, and the
// nearest places that teach what is to learn when a postcode is given. Nothing is kept.
import { type GuideLink, orient, PLACES_SHOWN, parseAnswers, parsePostcode, TEACHING_KINDS } from '../../core/reach/diagnostic.ts';
import { widgetEntries, widgetFilters } from '../../core/reach/widget.ts';
import type { ResultView, Voice } from '../../site/reach/index.ts';
import type { ReachDeps } from './deps.ts';

export function voiceOf(raw: unknown): Voice {
  return raw === 'aidant' ? 'aidant' : 'personne';
}

/** The guides the self-check may propose, as the page embeds them for the browser. */
export function guideLinks(deps: ReachDeps): GuideLink[] {
  return deps.guides().map((g) => ({ key: g.key, title: g.title, url: g.url }));
}

export function selfCheckResult(deps: ReachDeps, raw: Record<string, unknown>): ResultView {
  const orientation = orient(parseAnswers(raw), guideLinks(deps));
  const postcode = parsePostcode(raw.cp);
  const view: ResultView = { orientation, voice: voiceOf(raw.pour), places: [], siteUrl: deps.siteUrl, ...(postcode ? { postcode } : {}) };
  if (!postcode || !orientation.toLearn.length) return view;
  const filters = widgetFilters(deps.model, { service: orientation.services, near: postcode, limit: String(PLACES_SHOWN), kind: [...TEACHING_KINDS] });
  if (!filters.near) return view;
  return { ...view, nearLabel: filters.near.label, places: widgetEntries(deps.model, deps.initiatives().values(), filters, deps.now?.() ?? new Date()) };
}
