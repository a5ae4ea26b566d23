// The news (content/news, the Docusaurus blog) as other pages list it: title, date, summary
// and the post's address, newest first. The address follows Docusaurus' blog rule:
// /actualites/YYYY/MM/DD/<slug> for a file named YYYY-MM-DD-<slug>.md (a `slug` in the
// front matter wins).
import fs from 'node:fs';
import path from 'node:path';
import { markdownFiles } from '../model/markdown-files.ts';
import { splitFrontMatter } from './front-matter.ts';

export const NEWS_BASE = '/actualites';

export interface NewsItem {
  title: string;
  date: string;
  description?: string;
  url: string;
}

export function loadNews(contentDir: string): NewsItem[] {
  const dir = path.join(contentDir, 'news');
  const items: NewsItem[] = [];
  for (const file of markdownFiles(dir)) {
    const match = /^(\d{4})-(\d{2})-(\d{2})-(.+)\.mdx?$/.exec(path.basename(file));
    if (!match) continue;
    const [, y, m, d, name] = match;
    const data = splitFrontMatter(fs.readFileSync(file, 'utf8'), file)?.data ?? {};
    const slug = typeof data.slug === 'string' ? data.slug.replace(/^\/+/, '') : `${y}/${m}/${d}/${name}`;
    if (typeof data.title !== 'string') continue;
    items.push({
      title: data.title,
      date: `${y}-${m}-${d}`,
      url: `${NEWS_BASE}/${slug}`,
      ...(typeof data.description === 'string' ? { description: data.description } : {}),
    });
  }
  return items.sort((a, b) => b.date.localeCompare(a.date));
}
