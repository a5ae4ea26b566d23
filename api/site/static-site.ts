// Serves the built site: hashed assets with long caching, pages with revalidation, and
// the clean URLs Docusaurus and the directory renderer produce (/x → x.html or x/index.html).
import fs from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler, Router } from 'express';

function pageFile(buildDir: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const clean = path.posix.normalize(decoded).replace(/\/+$/, '');
  for (const candidate of [`${clean}.html`, `${clean}/index.html`]) {
    const file = path.join(buildDir, candidate);
    if (!file.startsWith(buildDir + path.sep)) continue;
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return undefined;
}

export function staticSite(buildDir: string): Router {
  const root = path.resolve(buildDir);
  const router = Router();
  router.use('/assets', express.static(path.join(root, 'assets'), { immutable: true, maxAge: '365d', fallthrough: true, index: false }));
  router.use(express.static(root, { index: ['index.html'], redirect: false, maxAge: 0, setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') }));
  const pages: RequestHandler = (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const file = pageFile(root, req.path);
    if (!file) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(file);
  };
  router.use(pages);
  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const notFoundPage = path.join(root, '404.html');
    if (!fs.existsSync(notFoundPage)) return next();
    res.status(404).setHeader('Cache-Control', 'no-cache');
    res.sendFile(notFoundPage);
  });
  return router;
}
