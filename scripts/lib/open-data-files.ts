// Writes every exporter's file under build/open-data/ (and an index.json listing them with
// the licence), so the open data is downloadable from the static site too, even without
// the API. Re-run whenever the directory pages are rendered.
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../core/atomic-file.ts';
import type { ContentModel } from '../../core/model/index.ts';
import { sitePaths } from '../../core/urls.ts';
import { runExporter } from '../../plugins/api/exports.ts';
import type { PluginHost } from '../../plugins/api/index.ts';

export const OPEN_DATA_DIR = 'open-data';

export function writeOpenDataFiles(buildDir: string, model: ContentModel, plugins: PluginHost, generatedAt = new Date()): string[] {
  const dir = path.join(buildDir, OPEN_DATA_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const exporter of plugins.exporters()) {
    const file = path.join(dir, path.basename(exporter.fileName));
    let body: string;
    try {
      body = runExporter(exporter, model, { licence: plugins.licence, siteUrl: plugins.siteUrl, generatedAt });
    } catch (err) {
      throw new Error(`export « ${exporter.format} » : ${(err as Error).message}`, { cause: err });
    }
    writeFileAtomic(file, body);
    written.push(file);
  }
  const index = {
    licence: plugins.licence,
    generatedAt: generatedAt.toISOString(),
    formats: plugins.exporters().map((e) => ({
      format: e.format,
      label: e.label,
      description: e.description,
      file: sitePaths.openDataFile(path.basename(e.fileName)),
      api: sitePaths.exportFormat(e.format),
      contentType: e.contentType,
    })),
  };
  writeFileAtomic(path.join(dir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  return written;
}
