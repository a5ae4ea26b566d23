// Moderation rules: who may decide what, and what a decision writes. Decisions are made
// one at a time (an in-process queue; the data-directory lock makes this server the only
// writer): a second decision on a submission already decided answers 409 already_decided
// and publishes nothing. A new listing's identifier is reserved by an exclusive create,
// never by checking then writing. What a decision then does, step by step, is the publish
// pipeline's (api/publish/pipeline.ts).
import fs from 'node:fs';
import path from 'node:path';
import { reprefix } from '../../core/field-errors.ts';
import { type ContentModel, type Initiative, type InitiativeFields, initiativeFile, uniqueSlug } from '../../core/model/index.ts';
import { addressChanged, applyPatch, isPlainObject, type Patch } from '../../core/model/initiative-patch.ts';
import { proposalVocabularies } from '../../core/proposal-form.ts';
import { SUBMISSION_STATUSES, type SubmissionStatus, type SubmissionType } from '../../core/statuses.ts';
import { normalizeName } from '../../core/text.ts';
import { reservedDirectorySlugs, sitePaths } from '../../core/urls.ts';
import { type AuditView, type Change, type DeskSettings, type ModerationView, QUEUE_AGES, QUEUE_SORTS } from '../../core/wire/moderation.ts';
import type { PluginHost } from '../../plugins/api/index.ts';
import { toView } from '../../site/directory/index.ts';
import { HttpError } from '../http/errors.ts';
import type { Catalogue, ListingProgress, Pipeline } from '../publish/index.ts';
import type { JsonStore } from '../storage/json-store.ts';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../storage/private-dir.ts';
import { fieldsOf, prepareInitiative } from '../submissions/prepare.ts';
import { pluginFieldErrors } from '../submissions/service.ts';
import { type Submission, type SubmissionRecords, toPluginSubmission } from '../submissions/store.ts';
import type { AuditData, AuditEntry } from './audit.ts';
import { describeChanges, duplicateHint, type KnownPlace } from './changes.ts';

export type { Change, ModerationView };

/** GET /api/moderation/submissions?status=&q=&type=&commune=&kind=&age=&resubmitted=&sort= */
export interface QueueQuery {
  status?: unknown;
  q?: unknown;
  type?: unknown;
  commune?: unknown;
  kind?: unknown;
  age?: unknown;
  resubmitted?: unknown;
  sort?: unknown;
}

/** What a moderator decides on approval: `edits` change the proposal (only what they name); a report is archived or corrected. */
export interface ApproveRequest {
  edits?: unknown;
  /** Reports only: `archive` (default without edits) or `correct` (with edits). */
  action?: unknown;
}

export interface ModerationService {
  list(query?: QueueQuery | unknown): ModerationView[];
  get(id: string): ModerationView;
  /** The proposal with a moderator's edits, as it would be published: its preview and changes, or field errors. */
  preview(id: string, edits: unknown): { preview: unknown; changes: Change[]; initiative: InitiativeFields };
  approve(id: string, moderator: string, edits?: unknown, action?: unknown): Promise<ModerationView>;
  reject(id: string, moderator: string, reason: unknown): Promise<ModerationView>;
  requestChanges(id: string, moderator: string, message: unknown): Promise<ModerationView>;
  audit(): AuditView[];
  /** What the publish pipeline still has to do, listing by listing. */
  publishing(): ListingProgress[];
  /** The desk's form choices and map tiles. */
  desk(): DeskSettings;
}

export interface ModerationDeps {
  model: ContentModel;
  records: SubmissionRecords;
  audit: JsonStore<AuditData>;
  plugins: PluginHost;
  pipeline: Pipeline;
  catalogue: Catalogue;
  /** Where identifiers are reserved (.data). */
  dataDir: string;
  /** Map tiles (PASSERELLE_TILE_URL) for the desk's map. */
  tileUrl?: string;
}

type Stored = Submission;

const today = () => new Date().toISOString().slice(0, 10);

const DECIDED: Record<SubmissionStatus, string> = {
  pending: 'en attente',
  approved: 'acceptée',
  rejected: 'refusée',
  changes_requested: 'renvoyée pour modifications',
};

/** 409 with the current state and the published id, so a second tab knows what happened. */
function alreadyDecided(s: Stored): HttpError {
  return new HttpError(409, 'already_decided', `Cette demande est déjà traitée : elle est ${DECIDED[s.status]}.`, undefined, {
    state: { status: s.status, ...(s.result ? { initiative: s.result.initiative } : {}) },
  });
}

/** An update's patch; for records made before patches, the fields it names (never the absence of the others). */
function patchOf(s: Stored, current: InitiativeFields): Patch {
  if (s.patch) return s.patch;
  const named: Patch = {};
  for (const [k, v] of Object.entries(s.initiative ?? {})) if (JSON.stringify((current as Record<string, unknown>)[k]) !== JSON.stringify(v)) named[k] = v;
  return named;
}

const invalid = (message: string, fields: Record<string, string>) => new HttpError(400, 'invalid_edits', message, fields);

const GEO_TO_CONFIRM =
  "L'adresse change : placez le point sur la carte (ou tapez sa latitude et sa longitude), puis acceptez. Si le point est juste, confirmez-le tel quel.";

export function createModerationService({
  model,
  records,
  audit: auditLog,
  plugins,
  pipeline,
  catalogue,
  dataDir,
  tileUrl,
}: ModerationDeps): ModerationService {
  const slugDir = path.join(dataDir, 'publishing', 'slugs');
  ensurePrivateDir(slugDir);
  const reserved = reservedDirectorySlugs(model.territory.communes.map((c) => c.slug));
  const vocab = proposalVocabularies(model);

  const find = (id: string): Stored => {
    const s = records.find(id);
    if (!s) throw new HttpError(404, 'not_found', "Cette demande n'existe pas.");
    return s;
  };

  // One decision at a time: each waits for the previous one to be recorded.
  let tail: Promise<unknown> = Promise.resolve();
  function serialized<T>(decide: () => Promise<T>): Promise<T> {
    const run = tail.then(decide, decide);
    tail = run.catch(() => undefined);
    return run;
  }

  /** Still open, and no decision under way for it (a decision left by a crash is finished at start). */
  function assertOpen(s: Stored): void {
    if (s.status !== 'pending' || pipeline.openDecisionFor(s.id)) throw alreadyDecided(s);
  }

  /**
   * A free identifier for a new listing, reserved by creating its marker exclusively. The
   * marker names the submission: an approval cut short by a crash before its job was
   * recorded finds its own marker again and keeps the same identifier. A marker that
   * reserves nothing any more (no listing, no decision under way uses it: an attempt cut
   * short, even before it wrote its owner) is taken over.
   */
  function reserveId(name: string, submission: string): string {
    const refused = new Set<string>();
    const taken = (slug: string) =>
      refused.has(slug) || reserved.has(slug) || catalogue.has(slug) || fs.existsSync(initiativeFile(model.paths.initiatives, slug));
    for (;;) {
      const slug = uniqueSlug(name, taken);
      const marker = path.join(slugDir, slug);
      try {
        fs.writeFileSync(marker, submission, { flag: 'wx', mode: PRIVATE_FILE_MODE });
        return slug;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const owner = fs.readFileSync(marker, 'utf8');
        if (owner === submission || !pipeline.jobUsing(slug)) {
          // Ours, or left by an attempt that a crash stopped before its decision was recorded.
          fs.writeFileSync(marker, submission, { mode: PRIVATE_FILE_MODE });
          return slug;
        }
        refused.add(slug); // reserved by another decision under way: try the next one
      }
    }
  }

  /** The listing a report or an update is about, as it is now. */
  const currentOf = (s: Stored): Initiative | undefined => (s.type !== 'create' && s.targetId ? catalogue.get(s.targetId) : undefined);

  /** The proposal as it stands now: a new listing, or the listing as it is with the update's changes. */
  function proposalOf(s: Stored): InitiativeFields | undefined {
    const current = currentOf(s);
    if (s.type === 'create') return s.initiative;
    if (!current) return undefined;
    const fields = fieldsOf(current);
    return s.type === 'update' ? applyPatch(fields, patchOf(s, fields)) : fields;
  }

  /**
   * The proposal with the moderator's edits (only the fields they name change), checked.
   * An update or a report's correction that moves the address needs the point confirmed.
   */
  function edited(s: Stored, edits: unknown): { fields: InitiativeFields; changed: boolean } {
    const proposal = proposalOf(s);
    if (!proposal)
      throw new HttpError(409, 'conflict', s.type === 'report' ? "L'initiative signalée n'existe plus." : "L'initiative à mettre à jour n'existe plus.");
    if (edits === undefined || (isPlainObject(edits) && !Object.keys(edits).length)) return { fields: proposal, changed: false };
    if (!isPlainObject(edits)) throw invalid('Les modifications ne sont pas valides.', { edits: 'Les modifications sont attendues sous la forme d’un objet.' });
    // A new listing still at its postcode's centre follows a changed postcode.
    const base =
      s.type === 'create' && s.geoApproximate && isPlainObject(edits.address) && !isPlainObject(edits.geo) ? { ...proposal, geo: undefined } : proposal;
    const result = prepareInitiative(model, edits, { prefix: 'edits', base: base as InitiativeFields });
    if (!result.ok) throw invalid('Les modifications ne sont pas valides.', result.fields);
    return { fields: result.value.initiative, changed: JSON.stringify(result.value.patch ?? {}) !== '{}' };
  }

  /** The listing an approval would write (without its id for a new one), checked as a whole file. */
  async function proposed(s: Stored, edits: unknown, action: unknown): Promise<{ draft: Omit<Initiative, 'id'> & { id?: string }; changed: boolean }> {
    if (action !== undefined && action !== 'archive' && action !== 'correct')
      throw invalid('Action inconnue.', { action: 'Pour un signalement : « archive » (retirer la fiche) ou « correct » (corriger la fiche).' });
    const current = currentOf(s);
    if (s.type === 'report' && (action === 'archive' || (action === undefined && edits === undefined))) {
      if (!current) throw new HttpError(409, 'conflict', "L'initiative signalée n'existe plus.");
      return { draft: { ...current, status: 'archived', updated: today(), source: { ...current.source, submission: s.id } }, changed: false };
    }
    const { fields, changed } = edited(s, edits);
    if (s.type === 'report' && !changed)
      throw invalid('Rien ne change dans la fiche.', {
        edits: 'Corrigez la fiche avant de publier, ou archivez-la, ou répondez à la personne sans changer la fiche.',
      });
    // The map point stays unless the address changed; then the moderator confirms it.
    const editsGeo = isPlainObject(edits) && 'geo' in edits;
    if (current && addressChanged(fieldsOf(current), fields) && !editsGeo && sameGeo(current.geo, fields.geo))
      throw invalid('Le point sur la carte est à confirmer.', { 'edits.geo': GEO_TO_CONFIRM });
    const pluginErrors = await pluginFieldErrors(plugins, {
      type: s.type === 'report' ? 'update' : s.type,
      ...(s.targetId ? { targetId: s.targetId } : {}),
      initiative: { ...fields },
      origin: 'moderation',
    });
    if (Object.keys(pluginErrors).length) {
      throw new HttpError(
        400,
        'invalid_edits',
        edits === undefined
          ? 'Cette demande ne respecte pas une règle ajoutée depuis : corrigez-la avant de l’approuver.'
          : 'Les modifications ne sont pas valides.',
        edits === undefined ? pluginErrors : reprefix(pluginErrors, 'initiative', 'edits'),
      );
    }
    const origin = s.imported ? ('import' as const) : ('moderation' as const);
    const withoutId = { ...fields, source: { origin, submission: s.id }, updated: today(), status: 'active' as const };
    // Checked now with a placeholder identifier, so a bad proposal never reserves one.
    model.initiativeSchema.parse({ ...withoutId, id: s.targetId ?? 'verification' });
    return { draft: s.type !== 'create' && s.targetId ? { ...withoutId, id: s.targetId } : withoutId, changed };
  }

  async function decide(id: string, moderator: string, kind: 'reject' | 'request_changes', text: unknown, what: string): Promise<ModerationView> {
    const field = kind === 'reject' ? 'reason' : 'message';
    if (typeof text !== 'string' || !text.trim())
      throw new HttpError(400, 'invalid_request', `${what} est obligatoire.`, {
        [field]: `${what} est obligatoire : la personne la lira sur sa page de suivi.`,
      });
    if (text.length > 2000)
      throw new HttpError(400, 'invalid_request', `${what} : 2000 caractères au maximum.`, { [field]: `${what} : 2000 caractères au maximum.` });
    assertOpen(find(id));
    return serialized(async () => {
      const s = find(id);
      assertOpen(s);
      await pipeline.begin({
        kind,
        by: moderator,
        submission: toPluginSubmission(s),
        reason: text.trim(),
        ...(s.targetId ? { initiativeId: s.targetId } : {}),
      });
      return view(find(id));
    });
  }

  // ---- What the desk shows ----

  const nameOf = (s: Stored) => s.initiative?.name ?? (s.targetId ? (catalogue.get(s.targetId)?.name ?? s.targetId) : 'Demande');

  function view(s: Stored, detail?: Pick<ModerationView, 'changes' | 'current' | 'proposal' | 'preview' | 'duplicate'>): ModerationView {
    const { tokenHash: _t, decidedBy: _d, patch: _p, ...rest } = s as Stored & { intent?: unknown };
    delete (rest as { intent?: unknown }).intent;
    const listing = s.initiative ?? (s.targetId ? catalogue.get(s.targetId) : undefined);
    const commune = listing?.address.commune;
    return {
      ...rest,
      name: nameOf(s),
      ...(listing ? { kind: listing.kind, kindLabel: model.vocabularies.label('kinds', listing.kind) } : {}),
      ...(commune ? { commune, communeName: model.territory.commune(commune)?.name ?? commune } : {}),
      ...detail,
    };
  }

  /** Published listings and waiting new proposals: what a new proposal may repeat. */
  function knownPlaces(): KnownPlace[] {
    const known: KnownPlace[] = [];
    for (const i of catalogue.all().values()) {
      if (i.status !== 'active') continue;
      known.push({ ref: i.id, listing: i.id, name: i.name, street: i.address.street, postcode: i.address.postcode, lat: i.geo.lat, lng: i.geo.lng });
    }
    for (const s of records.queue.data.submissions) {
      if (s.type !== 'create' || !s.initiative || (s.status !== 'pending' && s.status !== 'changes_requested')) continue;
      const i = s.initiative;
      known.push({ ref: s.id, submission: s.id, name: i.name, street: i.address.street, postcode: i.address.postcode, lat: i.geo.lat, lng: i.geo.lng });
    }
    return known;
  }

  function duplicateOf(s: Stored, known: KnownPlace[]) {
    if (s.type !== 'create' || !s.initiative) return undefined;
    const i = s.initiative;
    return duplicateHint(
      { name: i.name, street: i.address.street, postcode: i.address.postcode, lat: i.geo.lat, lng: i.geo.lng },
      known.filter((k) => k.submission !== s.id),
    );
  }

  function previewOf(s: Stored, fields: InitiativeFields | undefined): unknown {
    if (!fields) return undefined;
    const current = currentOf(s);
    const as: Initiative = {
      ...fields,
      id: s.targetId ?? 'apercu',
      source: { origin: s.imported ? 'import' : 'moderation', submission: s.id },
      updated: today(),
      status: 'active',
      ...(current && s.type === 'report' ? { source: current.source, updated: current.updated } : {}),
    };
    return toView(model, as);
  }

  function queryValue<T extends string>(name: string, value: unknown, allowed: readonly T[]): T | undefined {
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
      throw new HttpError(400, 'invalid_query', `${name} vaut ${allowed.join(', ')}.`, { [name]: `Valeurs possibles : ${allowed.join(', ')}.` });
    return value as T;
  }

  return {
    list(raw) {
      const query = (isPlainObject(raw) ? raw : { status: raw }) as QueueQuery;
      const status = queryValue('status', query.status, SUBMISSION_STATUSES);
      const type = queryValue<SubmissionType>('type', query.type, ['create', 'update', 'report']);
      const commune = queryValue(
        'commune',
        query.commune,
        model.territory.communes.map((c) => c.slug),
      );
      const kind = queryValue('kind', query.kind, model.vocabularies.slugs('kinds'));
      const age = queryValue('age', query.age, QUEUE_AGES);
      const sort = queryValue('sort', query.sort, QUEUE_SORTS) ?? 'oldest';
      const resubmitted = queryValue('resubmitted', query.resubmitted, ['true', 'false']);
      const words = typeof query.q === 'string' ? normalizeName(query.q).split(' ').filter(Boolean) : [];
      const now = Date.now();
      const known = knownPlaces();
      const views = records
        .all()
        .filter((s) => !status || s.status === status)
        .filter((s) => !type || s.type === type)
        .filter((s) => resubmitted === undefined || Boolean(s.resubmittedAt) === (resubmitted === 'true'))
        .filter((s) => {
          if (!age) return true;
          const days = (now - Date.parse(s.createdAt)) / 86_400_000;
          return age === 'today' ? days < 1 : age === 'week' ? days < 7 : days >= 7;
        })
        .map((s) => view(s, { ...(s.status === 'pending' || s.status === 'changes_requested' ? { duplicate: duplicateOf(s, known) } : {}) }))
        .filter((v) => (!commune || v.commune === commune) && (!kind || v.kind === kind))
        .filter((v) => {
          if (!words.length) return true;
          const haystack = normalizeName(
            [
              v.name,
              v.initiative?.summary,
              v.initiative?.organisation.name,
              v.initiative?.address.locality,
              v.communeName,
              v.message,
              v.submitter.name,
              v.submitter.email,
              v.submitter.organisation,
            ]
              .filter(Boolean)
              .join(' '),
          );
          return words.every((w) => haystack.includes(w));
        });
      const byName = (a: ModerationView, b: ModerationView) => a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' });
      const sorters: Record<(typeof QUEUE_SORTS)[number], (a: ModerationView, b: ModerationView) => number> = {
        oldest: (a, b) => a.createdAt.localeCompare(b.createdAt),
        newest: (a, b) => b.createdAt.localeCompare(a.createdAt),
        name: byName,
        commune: (a, b) => (a.communeName ?? '').localeCompare(b.communeName ?? '', 'fr') || byName(a, b),
      };
      return views.sort(sorters[sort]);
    },

    get(id) {
      const s = find(id);
      const current = currentOf(s);
      const proposal = s.status === 'pending' || s.status === 'changes_requested' ? proposalOf(s) : (s.initiative ?? (current ? fieldsOf(current) : undefined));
      return view(s, {
        ...(current ? { current: fieldsOf(current) } : {}),
        ...(proposal ? { proposal } : {}),
        ...(current && s.type === 'update' && proposal ? { changes: describeChanges(model, fieldsOf(current), proposal) } : {}),
        preview: previewOf(s, proposal),
        duplicate: duplicateOf(s, knownPlaces()),
      });
    },

    preview(id, edits) {
      const s = find(id);
      const { fields } = edited(s, edits);
      const current = currentOf(s);
      return {
        initiative: fields,
        preview: previewOf(s, fields),
        changes: current ? describeChanges(model, fieldsOf(current), fields) : describeChanges(model, s.initiative ?? {}, fields),
      };
    },

    async approve(id, moderator, edits, action) {
      assertOpen(find(id));
      const { draft, changed } = await proposed(find(id), edits, action);
      return serialized(async () => {
        const s = find(id);
        assertOpen(s);
        const initiativeId = draft.id ?? reserveId(draft.name, s.id);
        const after = { ...draft, id: initiativeId } as Initiative;
        const before = catalogue.get(initiativeId);
        await pipeline.begin({
          kind: 'approve',
          by: moderator,
          submission: toPluginSubmission(s),
          initiativeId,
          ...(before ? { before } : {}),
          after,
          ...(changed ? { edited: true } : {}),
        });
        return view(find(id));
      });
    },

    reject: (id, moderator, reason) => decide(id, moderator, 'reject', reason, 'La raison du refus'),
    requestChanges: (id, moderator, message) => decide(id, moderator, 'request_changes', message, 'Ce qu’il faut changer'),

    audit: () =>
      [...auditLog.data.entries].reverse().map((e) => {
        const s = records.find(e.submission);
        const listing = e.initiative ? catalogue.get(e.initiative) : undefined;
        const name = listing?.name ?? s?.initiative?.name ?? e.initiative;
        return {
          ...e,
          label: auditLabel(e, s?.type),
          ...(name ? { name } : {}),
          ...(listing?.status === 'active' ? { url: sitePaths.initiative(listing.id) } : {}),
        };
      }),

    publishing: () => pipeline.progress(),

    desk: () => ({ vocab, tiles: tileUrl ?? DEFAULT_TILES }),
  };
}

const DEFAULT_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

const sameGeo = (a: { lat: number; lng: number } | undefined, b: { lat: number; lng: number } | undefined) => a?.lat === b?.lat && a?.lng === b?.lng;

/** A decision in the desk's words (never `approve` or `request_changes`). */
export function auditLabel(e: AuditEntry, type: SubmissionType | undefined): string {
  const edited = e.edited ? ' (modifiée par le modérateur)' : '';
  if (e.action === 'request_changes') return 'Modifications demandées à la personne';
  if (type === 'report' || e.outcome) {
    if (e.outcome === 'corrected') return `Signalement : fiche corrigée${edited}`;
    if (e.outcome === 'answered' || e.action === 'reject') return 'Signalement : réponse sans changer la fiche';
    return 'Signalement : fiche archivée';
  }
  if (e.action === 'reject') return type === 'update' ? 'Correction refusée' : 'Proposition refusée';
  return type === 'update' ? `Correction publiée${edited}` : `Nouvelle fiche publiée${edited}`;
}
