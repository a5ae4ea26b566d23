// The map tiles of the directory's map view: one URL template, configurable with
// PASSERELLE_TILE_URL (e.g. a city's own tile server). The page gets the template; the
// server's CSP allows images from its origin.
export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

export function tileUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.PASSERELLE_TILE_URL ?? DEFAULT_TILE_URL;
}

/** The origin to allow in `img-src` (subdomain templates like {s}.tile… become a wildcard). */
export function tileOrigin(env: NodeJS.ProcessEnv = process.env): string {
  const url = new URL(tileUrl(env).replace(/\{s\}/g, 'a'));
  return tileUrl(env).includes('{s}') ? `${url.protocol}//*.${url.host.split('.').slice(1).join('.')}` : url.origin;
}
