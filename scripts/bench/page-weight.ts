// What a page costs a phone: the HTML, CSS and JS a first visit of a page downloads,
// raw and gzipped, read from a build directory: its scripts (classic, module, preloaded)
// and stylesheets; a light page's stylesheet is inline, so in its HTML. What a page loads
// later (Docusaurus' route chunks, a map on request) shows in the real first visit:
// npm run bench -- first-visit.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface PageWeight {
  html: number;
  htmlGzip: number;
  js: number;
  jsGzip: number;
  css: number;
  cssGzip: number;
}

function fileFor(buildDir: string, urlPath: string): string {
  const clean = urlPath.replace(/\/+$/, '');
  for (const candidate of [`${clean || '/index'}.html`, `${clean}/index.html`]) {
    const file = path.join(buildDir, candidate);
    if (fs.existsSync(file)) return file;
  }
  throw new Error(`No built page for ${urlPath} in ${buildDir}`);
}

export function pageWeight(buildDir: string, urlPath: string): PageWeight {
  const html = fs.readFileSync(fileFor(buildDir, urlPath));
  const text = html.toString('utf8');
  const sum = (pattern: RegExp) => {
    let raw = 0;
    let gz = 0;
    for (const [, ref = ''] of text.matchAll(pattern)) {
      if (!ref.startsWith('/')) continue;
      const body = fs.readFileSync(path.join(buildDir, ref));
      raw += body.length;
      gz += zlib.gzipSync(body).length;
    }
    return [raw, gz];
  };
  const [scripts = 0, scriptsGzip = 0] = sum(/<script[^>]*\ssrc="([^"]+)"/g);
  const [preloads = 0, preloadsGzip = 0] = sum(/<link\b(?=[^>]*\b(?:rel="modulepreload"|as="script"))(?=[^>]*\bhref="([^"]+)")[^>]*>/g);
  const js = scripts + preloads;
  const jsGzip = scriptsGzip + preloadsGzip;
  const [css = 0, cssGzip = 0] = sum(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g);
  return { html: html.length, htmlGzip: zlib.gzipSync(html).length, js, jsGzip, css, cssGzip };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
