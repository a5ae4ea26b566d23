// Every public path of the site and every absolute URL, built here and nowhere else, from
// one normalised site URL: a trailing slash in PASSERELLE_SITE_URL can never double a
// slash in a link, and a page that moves changes in one place. Pure: browser code too.

/** The public address of the site: `http(s)://host[:port]`, never a trailing slash. */
export type SiteUrl = string & { readonly __siteUrl: true };

export const DEFAULT_SITE_URL = 'http://localhost:3000';

/** Checks and normalises a site URL; the message names the variable and the fix. */
export function normalizeSiteUrl(raw: string | undefined, variable = 'PASSERELLE_SITE_URL'): SiteUrl {
  const value = (raw ?? '').trim() || DEFAULT_SITE_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${variable}: « ${value} » is not a URL. Give the public address of the site, for example https://passerelle.charleroi.be`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${variable}: « ${value} » must start with https:// (or http://).`);
  if (url.search || url.hash || url.username || url.password)
    throw new Error(`${variable}: « ${value} » must be a plain address, without ?query, #anchor or user name.`);
  if (url.pathname.replace(/\/+$/, ''))
    throw new Error(`${variable}: « ${value} » has a path; the site is served at the root of its host: give https://host only.`);
  return url.origin as SiteUrl;
}

export const DIRECTORY_PATH = '/annuaire';

export type ProposalType = 'create' | 'update' | 'report';

/** Names under /annuaire that are pages of their own (search, communes): never a listing's identifier. */
export function reservedDirectorySlugs(communeSlugs: readonly string[]): ReadonlySet<string> {
  return new Set(['recherche', ...communeSlugs]);
}

/** Site-relative paths (start with `/`). */
export const sitePaths = {
  home: '/',
  directory: DIRECTORY_PATH,
  /** The directory's search answered by the server (works without JavaScript). */
  directorySearch: `${DIRECTORY_PATH}/recherche`,
  initiative: (id: string) => `${DIRECTORY_PATH}/${id}`,
  /** A commune's list of places (its first page). */
  commune: (slug: string) => `${DIRECTORY_PATH}/${slug}`,
  proposal: '/proposer',
  /** The form pre-set for a change to, or a report on, a published listing. */
  proposalFor: (type: Exclude<ProposalType, 'create'>, id: string) => `/proposer?type=${type}&id=${encodeURIComponent(id)}`,
  proposalPost: '/proposer/envoyer',
  /** The submitter's tracking page; without the token it names the page, not a way in. */
  tracking: (id: string, token?: string) => `/suivi?id=${encodeURIComponent(id)}${token ? `&token=${encodeURIComponent(token)}` : ''}`,
  moderation: '/moderation',
  guides: '/guides',
  /** A guide's steps on one printable page, for the guide at `guidePath` (`/guides/<theme>/<slug>`). */
  guideSummary: (guidePath: string) => `${guidePath.replace(/\/+$/, '')}/resume`,
  /** For the aidant with a citizen in front of them: everyday requests → guide, place, number. */
  aidantRequests: '/la-personne-veut',
  /** The printable card of numbers to call (Card Stop, DOC STOP, 112…). */
  keyNumbers: '/numeros-utiles',
  curriculum: '/formation',
  glossary: '/glossaire',
  news: '/actualites',
  openData: '/donnees-ouvertes',
  openDataFile: (fileName: string) => `/open-data/${fileName}`,
  exportFormat: (format: string) => `/api/export/${format}`,
  siteSearch: '/recherche',
  guide: (theme: string, slug: string) => `/guides/${theme}/${slug}`,
  /** The City's free WiFi portal lands here (`?lieu=<listing>`). */
  wifi: '/wifi',
  /** Partners get the widget's snippets here. */
  embed: '/integrer',
  /** The widget's light results page (framed by partners). */
  widget: '/widget',
  widgetScript: '/widget.js',
  selfCheck: '/diagnostic',
  selfCheckResult: '/diagnostic/resultat',
  dashboard: '/tableau-de-bord',
} as const;

/** An absolute URL of a site path. */
export function absoluteUrl(site: SiteUrl, path: string): string {
  return `${site}${path.startsWith('/') ? path : `/${path}`}`;
}

/** The page of an initiative as an absolute address (exports, e-mails, webhooks, JSON-LD). */
export function initiativeUrl(site: SiteUrl, id: string): string {
  return absoluteUrl(site, sitePaths.initiative(id));
}
