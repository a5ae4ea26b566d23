// The CSP allows scripts from our origin only. Docusaurus adds a few small inline scripts
// (colour mode, query-string data attributes); rather than allowing every inline script,
// we allow exactly those, by the sha256 of their text, read from the built pages once at
// start. JSON data blocks (ld+json, application/json) are not executed and need nothing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const INLINE_SCRIPT = /<script(\s[^>]*)?>([\s\S]*?)<\/script>/g;

function htmlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** `'sha256-…'` sources for every distinct executable inline script of the built site. */
export function inlineScriptHashes(buildDir: string): string[] {
  const hashes = new Set<string>();
  for (const file of htmlFiles(buildDir)) {
    if (file.startsWith(path.join(buildDir, 'annuaire') + path.sep)) continue; // our pages: no inline code
    const html = fs.readFileSync(file, 'utf8');
    for (const [, attrs = '', body = ''] of html.matchAll(INLINE_SCRIPT)) {
      if (/\bsrc=/.test(attrs) || /type="application\/(ld\+)?json"/.test(attrs) || !body.trim()) continue;
      hashes.add(`'sha256-${crypto.createHash('sha256').update(body, 'utf8').digest('base64')}'`);
    }
  }
  return [...hashes].sort();
}
