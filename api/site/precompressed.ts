// Compression and caching of the built site. Files compressed at build time (x.br and x.gz
// beside x, scripts/lib/precompress.ts) are sent as they are to browsers that accept them,
// with Content-Encoding and Vary: no CPU spent per request, and brotli at its best level.
// A variant older than its file (a page re-rendered since the build) is never sent: the
// dynamic compression then does the work. Hashed files (Docusaurus' /assets, our script
// chunks) are immutable for a year; everything else is revalidated (no-cache + ETag).
import fs from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler, Router } from 'express';

/** The encodings we keep beside a file, best first. */
const ENCODINGS = [
  { name: 'br', ext: '.br' },
  { name: 'gzip', ext: '.gz' },
] as const;

/** Paths whose names carry a content hash: never change, cached for good. */
export const HASHED = ['/assets/', '/passerelle/chunks/'];

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Whether the request accepts `encoding` (a q=0 refuses it). */
export function accepts(header: string | undefined, encoding: string): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (name.trim() !== encoding && name.trim() !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

/** The file a URL path names in the build: itself, or the page x.html / x/index.html. */
export function buildFileOf(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const clean = path.posix.normalize(decoded);
  if (clean.split('/').some((part) => part.startsWith('.'))) return undefined; // like express.static: no dotfiles
  const bare = clean.replace(/\/+$/, '');
  for (const candidate of [clean, `${bare}.html`, `${bare}/index.html`]) {
    const file = path.join(root, candidate);
    if (!file.startsWith(root + path.sep)) continue;
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat?.isFile()) return file;
  }
  return undefined;
}

/** Sends a fresh precompressed variant when there is one the browser accepts. */
export function precompressed(buildDir: string): RequestHandler {
  const root = path.resolve(buildDir);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const wanted = ENCODINGS.filter((e) => accepts(req.headers['accept-encoding'], e.name));
    if (!wanted.length) return next();
    const file = buildFileOf(root, req.path);
    if (!file) return next();
    const source = fs.statSync(file);
    for (const encoding of wanted) {
      const variant = `${file}${encoding.ext}`;
      const stat = fs.statSync(variant, { throwIfNoEntry: false });
      if (!stat?.isFile() || stat.mtimeMs < source.mtimeMs) continue;
      res.type(path.extname(file) || 'html');
      res.setHeader('Content-Encoding', encoding.name);
      res.setHeader('Vary', 'Accept-Encoding');
      res.setHeader('Cache-Control', HASHED.some((p) => req.path.startsWith(p)) ? IMMUTABLE : 'no-cache');
      res.sendFile(variant, { acceptRanges: false, cacheControl: false, dotfiles: 'allow' });
      return;
    }
    next();
  };
}

/** Our hashed script chunks, immutable (Docusaurus' /assets already are, in static-site.ts). */
export function hashedChunks(buildDir: string): Router {
  const router = Router();
  router.use(
    '/passerelle/chunks',
    express.static(path.join(path.resolve(buildDir), 'passerelle', 'chunks'), { immutable: true, maxAge: '365d', index: false }),
  );
  return router;
}
