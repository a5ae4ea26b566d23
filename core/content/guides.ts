// The guides (content/guides/<theme>/<name>.md) as other pages list them: title, address,
// theme, the directory service they send people to and the date they were last checked.
// The self-check proposes them; the dashboard shows how fresh they are. The address
// follows Docusaurus' docs rule: /guides/<theme>/<file name>, a `slug` in the front matter wins.
import fs from 'node:fs';
import path from 'node:path';
import { markdownFiles } from '../model/markdown-files.ts';
import { sitePaths } from '../urls.ts';
import { splitFrontMatter } from './front-matter.ts';

export interface GuideRef {
  /** `<theme>/<name>`: how other content names a guide. */
  key: string;
  title: string;
  url: string;
  theme: string;
  service?: string;
  /** YYYY-MM-DD, the day the guide was last checked against its sources. */
  verified?: string;
}

export function loadGuides(contentDir: string): GuideRef[] {
  const dir = path.join(contentDir, 'guides');
  const guides: GuideRef[] = [];
  for (const file of markdownFiles(dir)) {
    const rel = path.relative(dir, file).split(path.sep);
    if (rel.length !== 2) continue; // guides/index.md and deeper pages are not guides
    const [theme = '', name = ''] = rel;
    const data = splitFrontMatter(fs.readFileSync(file, 'utf8'), file)?.data ?? {};
    if (typeof data.title !== 'string') continue;
    const base = name.replace(/\.mdx?$/, '');
    if (base === 'index') continue;
    const slug = typeof data.slug === 'string' ? data.slug.replace(/^\/+/, '') : undefined;
    guides.push({
      key: `${theme}/${base}`,
      title: data.title,
      url: slug ? `${sitePaths.guides}/${slug}` : sitePaths.guide(theme, base),
      theme,
      ...(typeof data.service === 'string' ? { service: data.service } : {}),
      ...(typeof data.verified === 'string' ? { verified: data.verified } : {}),
    });
  }
  return guides.sort((a, b) => a.key.localeCompare(b.key));
}
