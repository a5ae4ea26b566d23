// The Markdown pages under a folder (guides, curriculum, news), sorted, for the tools
// that read them: content checks and the search's section index.
import fs from 'node:fs';
import path from 'node:path';

export function markdownFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.mdx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}
