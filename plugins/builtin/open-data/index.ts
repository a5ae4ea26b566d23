// Built-in plugin: the open-data formats. Exporters are served at /api/export/<format> and
// written under /open-data/ at build time; sources are what `npm run import` reads.
import { definePlugin } from '../../api/define.ts';
import { geojsonExporter } from './geojson.ts';
import { hsdsExporter } from './hsds.ts';
import { icalendarExporter } from './icalendar.ts';
import { lmnCsvExporter, lmnCsvSource, lmnJsonExporter, lmnJsonSource } from './lmn.ts';
import { csvExporter, csvSource } from './our-csv.ts';

export const openData = definePlugin({ name: 'open-data' }, () => ({
  name: 'open-data',
  exporters: () => [geojsonExporter, csvExporter, lmnJsonExporter, lmnCsvExporter, hsdsExporter, icalendarExporter],
  sources: () => [lmnJsonSource, lmnCsvSource, csvSource],
}));
