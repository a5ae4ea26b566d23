// Running an exporter: the published initiatives (active ones, without the submission
// reference; submitter data is never in a content file to begin with) and the export
// context. Shared by /api/export/<format> and the build's /open-data/ files.

import crypto from 'node:crypto';
import fs from 'node:fs';
import { type ContentModel, type Initiative, listInitiativeFiles, loadInitiatives } from '../../core/model/index.ts';
import type { SiteUrl } from '../../core/urls.ts';
import type { Exporter, Licence, PublishedInitiative } from './types.ts';

export function toPublished(i: Initiative): PublishedInitiative {
  const { source, ...rest } = structuredClone(i);
  return { ...rest, source: { origin: source.origin } };
}

export function publishedInitiatives(model: ContentModel): PublishedInitiative[] {
  const { initiatives, errors } = loadInitiatives(model, model.paths.initiatives);
  if (errors.length) throw new Error(errors.map((e) => e.message).join('\n'));
  return initiatives.filter((i) => i.status === 'active').map(toPublished);
}

export function runExporter(exporter: Exporter, model: ContentModel, opts: { licence: Licence; siteUrl: SiteUrl; generatedAt?: Date }): string {
  return exporter.export(publishedInitiatives(model), { model, siteUrl: opts.siteUrl, licence: opts.licence, generatedAt: opts.generatedAt ?? new Date() });
}

/** Changes whenever an initiative file is added, removed or rewritten (for caches). */
export function contentStamp(model: ContentModel): string {
  const hash = crypto.createHash('sha1');
  for (const file of listInitiativeFiles(model.paths.initiatives)) {
    const st = fs.statSync(file);
    hash.update(`${file}:${st.ino}:${st.size}:${st.mtimeMs}\n`);
  }
  return hash.digest('base64url');
}
