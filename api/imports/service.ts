// Importing a dataset: a source (a plugin's importer) reads the file; each record goes
// through the submission rules (base model and plugins) and becomes a pending submission,
// so moderation still decides. Duplicates of published initiatives, of waiting submissions
// and of earlier records of the same file are reported, not queued. The report says what
// was queued, what was skipped and why, record by record.

import { type ContentModel, loadInitiatives } from '../../core/model/index.ts';
import type { PluginHost, Source, SourceRecord } from '../../plugins/api/index.ts';
import { type FieldErrors, HttpError } from '../http/errors.ts';
import type { SubmissionsService } from '../submissions/service.ts';
import type { SubmissionRecords } from '../submissions/store.ts';
import { findDuplicate, type PlaceKey } from './duplicates.ts';

export interface ImportOptions {
  /** A source's name; without it, the first source that accepts the file. */
  source?: string;
  /** Check and report without queuing anything. */
  dryRun?: boolean;
  /** On whose behalf the submissions are made (shown to moderators). */
  submitter: { name: string; email: string; organisation?: string };
}

export type SkipReason = 'unreadable' | 'invalid' | 'duplicate';

export interface ImportReport {
  file: string;
  source: { name: string; label: string };
  dryRun: boolean;
  records: number;
  queued: { ref: string; name: string; submission?: string; warnings: string[] }[];
  skipped: { ref: string; name?: string; reason: SkipReason; detail: string; fields?: FieldErrors }[];
}

export class ImportError extends Error {
  override name = 'ImportError';
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Without coordinates, lat/lng are NaN: only the same name and address can match. */
function placeOf(fields: Record<string, unknown>): Omit<PlaceKey, 'ref'> | undefined {
  const address = (fields.address ?? {}) as Record<string, unknown>;
  const geo = (fields.geo ?? {}) as Record<string, unknown>;
  if (!str(fields.name)) return undefined;
  const coordinate = (v: unknown) => (typeof v === 'number' ? v : Number.NaN);
  return { name: str(fields.name), street: str(address.street), postcode: str(address.postcode), lat: coordinate(geo.lat), lng: coordinate(geo.lng) };
}

const WHY = {
  same_name_and_address: 'même nom et même adresse que',
  near_with_similar_name: 'nom proche et à moins de 50 m de',
} as const;

export interface ImportService {
  sources(): Source[];
  run(file: { name: string; content: string }, options: ImportOptions): Promise<ImportReport>;
}

export function createImportService(model: ContentModel, submissions: SubmissionsService, records: SubmissionRecords, plugins: PluginHost): ImportService {
  function pickSource(file: { name: string; content: string }, name?: string): Source {
    const sources = plugins.sources();
    if (name) {
      const found = sources.find((s) => s.name === name);
      if (!found) throw new ImportError(`La source « ${name} » n'existe pas. Sources : ${sources.map((s) => s.name).join(', ')}.`);
      return found;
    }
    const found = sources.find((s) => s.accepts(file));
    if (!found) throw new ImportError(`Aucune source ne sait lire ${file.name}. Donnez-la avec --source (${sources.map((s) => s.name).join(', ')}).`);
    return found;
  }

  /** Published initiatives and waiting submissions: what a record must not repeat. */
  function knownPlaces(): PlaceKey[] {
    const known: PlaceKey[] = [];
    for (const i of loadInitiatives(model, model.paths.initiatives).initiatives) {
      if (i.status === 'active')
        known.push({
          ref: `l'initiative publiée ${i.id}`,
          name: i.name,
          street: i.address.street,
          postcode: i.address.postcode,
          lat: i.geo.lat,
          lng: i.geo.lng,
        });
    }
    for (const s of records.queue.data.submissions) {
      if (s.status !== 'pending' && s.status !== 'changes_requested') continue;
      if (!s.initiative) continue;
      const place = placeOf(s.initiative as unknown as Record<string, unknown>);
      if (place) known.push({ ref: `la demande en attente ${s.id}`, ...place });
    }
    return known;
  }

  return {
    sources: () => plugins.sources(),

    async run(file, options) {
      const source = pickSource(file, options.source);
      let read: SourceRecord[];
      try {
        read = source.read(file.content, { model });
      } catch (err) {
        throw new ImportError(`${file.name} : la source « ${source.name} » n'a pas pu lire le fichier : ${(err as Error).message}`);
      }
      const report: ImportReport = {
        file: file.name,
        source: { name: source.name, label: source.label },
        dryRun: Boolean(options.dryRun),
        records: read.length,
        queued: [],
        skipped: [],
      };
      const known = knownPlaces();
      for (const record of read) {
        const fields = record.initiative;
        const name = fields ? str(fields.name) || undefined : undefined;
        if (record.error || !fields) {
          report.skipped.push({ ref: record.ref, ...(name ? { name } : {}), reason: 'unreadable', detail: record.error ?? 'enregistrement vide.' });
          continue;
        }
        const place = placeOf(fields);
        const duplicate = place && findDuplicate(place, known);
        if (duplicate) {
          report.skipped.push({
            ref: record.ref,
            ...(name ? { name } : {}),
            reason: 'duplicate',
            detail: `${WHY[duplicate.why]} ${duplicate.of.ref} (« ${duplicate.of.name} »${Number.isNaN(duplicate.metres) ? '' : `, ${Math.round(duplicate.metres)} m`}).`,
          });
          continue;
        }
        try {
          const submission = { initiative: fields, source: source.name, ref: record.ref, submitter: options.submitter };
          if (options.dryRun) {
            await submissions.checkImported(submission);
            report.queued.push({ ref: record.ref, name: name ?? '', warnings: record.warnings ?? [] });
          } else {
            const receipt = await submissions.createImported(submission);
            report.queued.push({ ref: record.ref, name: name ?? '', submission: receipt.id, warnings: record.warnings ?? [] });
          }
        } catch (err) {
          if (err instanceof HttpError && err.status >= 500) {
            throw new ImportError(
              `Import arrêté à « ${record.ref} » : ${err.message} ${report.queued.length} enregistrement(s) ${options.dryRun ? 'vérifié(s)' : 'déjà mis en attente'} avant cet arrêt ; relancer l'import les signalera comme doublons.`,
            );
          }
          if (!(err instanceof HttpError)) throw err;
          report.skipped.push({
            ref: record.ref,
            ...(name ? { name } : {}),
            reason: 'invalid',
            detail: err.message,
            ...(err.fields ? { fields: err.fields } : {}),
          });
          continue;
        }
        if (place) known.push({ ref: `la ligne « ${record.ref} » du même fichier`, ...place });
      }
      return report;
    },
  };
}

/** The report in French, for the terminal. */
export function formatReport(report: ImportReport): string {
  const lines: string[] = [];
  lines.push(`Import de ${report.file} (source : ${report.source.label}${report.dryRun ? ', essai sans rien enregistrer' : ''})`);
  lines.push(
    `${report.records} enregistrement(s) lu(s) : ${report.queued.length} ${report.dryRun ? 'seraient mis' : 'mis'} en attente de modération, ${report.skipped.length} écarté(s).`,
  );
  if (report.queued.length) {
    lines.push('', report.dryRun ? 'Seraient mis en attente :' : 'Mis en attente :');
    for (const q of report.queued) {
      lines.push(`  ✓ ${q.ref} — ${q.name}${q.submission ? ` (demande ${q.submission})` : ''}`);
      for (const w of q.warnings) lines.push(`      attention : ${w}`);
    }
  }
  if (report.skipped.length) {
    lines.push('', 'Écartés :');
    const label: Record<SkipReason, string> = { unreadable: 'illisible', invalid: 'à corriger', duplicate: 'doublon' };
    for (const s of report.skipped) {
      lines.push(`  ✗ ${s.ref}${s.name ? ` — ${s.name}` : ''} : ${label[s.reason]}, ${s.detail}`);
      for (const [field, message] of Object.entries(s.fields ?? {})) lines.push(`      ${field} : ${message}`);
    }
  }
  return lines.join('\n');
}
