// Reading and writing content/initiatives/<id>.yml: the only code that touches those files.
// Output is canonical (fixed key order, fixed YAML style), so rewriting an unchanged
// initiative gives the same bytes, and diffs in git show only real changes.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { writeFileAtomic } from '../atomic-file.ts';
import { type IssueLike, toProblems } from '../field-errors.ts';
import type { ContentModel } from './content-model.ts';
import { FIELD_ORDER, type Initiative } from './initiative.ts';
import { isSlug } from './slug.ts';
import { ContentError, displayPath, parseYaml } from './yaml-file.ts';

export interface LoadResult {
  initiatives: Initiative[];
  errors: ContentError[];
}

export function initiativeFile(dir: string, id: string): string {
  if (!isSlug(id)) throw new Error(`Refusing a file name that is not a slug: ${JSON.stringify(id).slice(0, 100)}`);
  const root = path.resolve(dir);
  const file = path.resolve(root, `${id}.yml`);
  if (path.dirname(file) !== root) throw new Error(`Refusing a path outside ${root}: ${file}`);
  return file;
}

export function listInitiativeFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'))
    .sort()
    .map((f) => path.join(dir, f));
}

export function parseInitiative(model: ContentModel, text: string, file: string): Initiative {
  const shown = displayPath(file);
  const raw = parseYaml(text, shown);
  const parsed = model.initiativeSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ContentError(shown, toProblems(parsed.error.issues, fixMessage));
  }
  const expected = path.basename(file).replace(/\.ya?ml$/, '');
  if (parsed.data.id !== expected) {
    throw new ContentError(shown, [
      {
        path: 'id',
        message: `« ${parsed.data.id} » ne correspond pas au nom du fichier : renommez le fichier en ${parsed.data.id}.yml ou mettez \`id: ${expected}\`.`,
      },
    ]);
  }
  return parsed.data as Initiative;
}

function fixMessage(issue: IssueLike): string {
  if (issue.code === 'unrecognized_keys' && issue.keys)
    return `champ inconnu : ${issue.keys.map((k) => `\`${k}\``).join(', ')}. Retirez-le ou vérifiez l'orthographe (champs permis : ${FIELD_ORDER.join(', ')}).`;
  if (issue.code === 'invalid_type' && /undefined/.test(issue.message)) return 'champ obligatoire manquant.';
  return issue.message;
}

export function readInitiativeFile(model: ContentModel, file: string): Initiative {
  return parseInitiative(model, fs.readFileSync(file, 'utf8'), file);
}

// Parsed files, per model, keyed by what changes when a file is rewritten (writes go
// through a rename, so the inode changes too). Every approval re-renders the list and
// every sync reads the whole folder: at 10,000 files, parsing each again took seconds.
const parsedFiles = new WeakMap<ContentModel, Map<string, { stamp: string; initiative: Initiative }>>();

function readCached(model: ContentModel, file: string): Initiative {
  let cache = parsedFiles.get(model);
  if (!cache) {
    cache = new Map();
    parsedFiles.set(model, cache);
  }
  const stat = fs.statSync(file);
  const stamp = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  const hit = cache.get(file);
  if (hit?.stamp === stamp) return structuredClone(hit.initiative);
  const initiative = readInitiativeFile(model, file);
  cache.set(file, { stamp, initiative: structuredClone(initiative) });
  return initiative;
}

/** Whether this instance publishes the listing: not when it is a demonstration one and they are hidden. */
export function shownHere(model: ContentModel, initiative: Initiative): boolean {
  return !(model.paths.demoListings === 'hide' && initiative.source.origin === 'demo');
}

/**
 * The listings of a folder, and the files that are not valid listings. Demonstration
 * listings are left out when the instance hides them (`paths.demoListings`), unless `all`
 * (the content check reads every file).
 */
export function loadInitiatives(model: ContentModel, dir: string, { all = false }: { all?: boolean } = {}): LoadResult {
  const initiatives: Initiative[] = [];
  const errors: ContentError[] = [];
  for (const file of listInitiativeFiles(dir)) {
    try {
      const initiative = readCached(model, file);
      if (!all && !shownHere(model, initiative)) continue;
      initiatives.push(initiative);
    } catch (e) {
      if (e instanceof ContentError) errors.push(e);
      else throw e;
    }
  }
  return { initiatives, errors };
}

/** Thrown instead of writing a field the schema does not know (it would be lost on reading). */
export class UnknownFieldError extends Error {
  override name = 'UnknownFieldError';
}

function ordered(initiative: Initiative, order: readonly string[]): Record<string, unknown> {
  const unknown = Object.keys(initiative).filter((k) => !order.includes(k));
  if (unknown.length) {
    throw new UnknownFieldError(
      `Refusing to write initiative « ${String(initiative.id)} »: ${unknown.map((k) => `« ${k} »`).join(', ')} is not a field of the initiative schema (core/model/initiative.ts). Add it there, or remove it.`,
    );
  }
  const out: Record<string, unknown> = {};
  for (const key of order) {
    const value = (initiative as unknown as Record<string, unknown>)[key];
    if (value === undefined) continue;
    // Plugin fields in name order, so a rewrite gives the same bytes.
    out[key] = key === 'extra' ? Object.fromEntries(Object.entries(value as Record<string, string>).sort(([a], [b]) => a.localeCompare(b))) : value;
  }
  return out;
}

const FLOW_KEYS = new Set(['geo', 'period']);

/** Canonical YAML text of an initiative; `order` is the schema's key order (FIELD_ORDER). */
export function serializeInitiative(initiative: Initiative, order: readonly string[] = FIELD_ORDER): string {
  const doc = new YAML.Document(ordered(initiative, order));
  YAML.visit(doc, {
    Pair(_, pair) {
      const key = YAML.isScalar(pair.key) ? String(pair.key.value) : '';
      if (YAML.isMap(pair.value) && FLOW_KEYS.has(key)) pair.value.flow = true;
      if (YAML.isSeq(pair.value)) pair.value.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, minContentWidth: 0, indent: 2, flowCollectionPadding: true });
}

/** Writes beside then renames, so a reader never sees half a file. Returns the path. */
export function writeInitiativeFile(dir: string, initiative: Initiative, order: readonly string[] = FIELD_ORDER): string {
  const file = initiativeFile(dir, initiative.id);
  writeFileAtomic(file, serializeInitiative(initiative, order));
  return file;
}
