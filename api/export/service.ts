// Open-data exports on demand: the formats the plugins provide, made from the published
// initiatives. A result is kept until an initiative file changes or the day turns (some
// formats date their content), so repeated downloads cost a directory listing.

import type { ContentModel } from '../../core/model/index.ts';
import { sitePaths } from '../../core/urls.ts';
import { contentStamp, runExporter } from '../../plugins/api/exports.ts';
import type { PluginHost } from '../../plugins/api/index.ts';
import { HttpError } from '../http/errors.ts';

export interface ExportInfo {
  format: string;
  label: string;
  description: string;
  fileName: string;
  contentType: string;
  url: string;
}

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: string;
}

export interface ExportService {
  list(): { licence: { name: string; url: string }; formats: ExportInfo[] };
  render(format: string): ExportFile;
}

export function createExportService(model: ContentModel, plugins: PluginHost): ExportService {
  const cache = new Map<string, { key: string; file: ExportFile }>();
  return {
    list() {
      return {
        licence: plugins.licence,
        formats: plugins.exporters().map((e) => ({
          format: e.format,
          label: e.label,
          description: e.description,
          fileName: e.fileName,
          contentType: e.contentType,
          url: sitePaths.exportFormat(e.format),
        })),
      };
    },
    render(format) {
      const exporter = plugins.exporter(format);
      if (!exporter)
        throw new HttpError(
          404,
          'not_found',
          `Le format « ${format.slice(0, 40)} » n'existe pas. Formats : ${plugins
            .exporters()
            .map((e) => e.format)
            .join(', ')}.`,
        );
      const key = `${contentStamp(model)}|${new Date().toDateString()}`;
      const hit = cache.get(format);
      if (hit?.key === key) return hit.file;
      const file = {
        fileName: exporter.fileName,
        contentType: exporter.contentType,
        body: runExporter(exporter, model, { licence: plugins.licence, siteUrl: plugins.siteUrl }),
      };
      cache.set(format, { key, file });
      return file;
    },
  };
}
