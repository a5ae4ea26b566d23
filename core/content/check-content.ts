// Validates every content file: territory, vocabularies, initiatives, and the front matter
// of guides, curriculum and news. Used by `npm run check` and by the Docusaurus build.
// Each problem is one line: file, field, what is wrong and how to fix it.
import fs from 'node:fs';
import path from 'node:path';
import { type IssueLike, toProblems } from '../field-errors.ts';
import { type ContentModel, listInitiativeFiles, loadContentModel, loadInitiatives, serializeInitiative } from '../model/index.ts';
import { markdownFiles } from '../model/markdown-files.ts';
import type { ProjectPaths } from '../model/paths.ts';
import { isSlug, slugify } from '../model/slug.ts';
import { ContentError, displayPath, parseYaml } from '../model/yaml-file.ts';
import { guideFrontMatterSchema, moduleFrontMatterSchema, sessionFrontMatterSchema, splitFrontMatter } from './front-matter.ts';
import { MAX_SENTENCE_WORDS, type PlainLanguageStats, plainLanguageStats } from './plain-language.ts';
import { checkSearchVocabulary } from './search-vocabulary.ts';

export interface CheckReport {
  errors: string[];
  warnings: string[];
  initiativeCount: number;
  guideCount: number;
  /** Per guide: sentence and word statistics (see plain-language.ts). */
  plainLanguage: ({ file: string } & PlainLanguageStats)[];
  model?: ContentModel;
}

function issuesOf(file: string, result: { success: boolean; error?: { issues: readonly IssueLike[] } }): string[] {
  if (result.success || !result.error) return [];
  return toProblems(result.error.issues).map((p) => `${displayPath(file)}: ${p.path ? `\`${p.path}\`: ` : ''}${p.message}`);
}

export async function checkContent(paths: ProjectPaths, today = new Date().toISOString().slice(0, 10)): Promise<CheckReport> {
  const report: CheckReport = { errors: [], warnings: [], initiativeCount: 0, guideCount: 0, plainLanguage: [] };
  let model: ContentModel;
  try {
    model = loadContentModel(paths);
    report.model = model;
  } catch (e) {
    report.errors.push(e instanceof Error ? e.message : String(e));
    return report;
  }

  const { initiatives, errors } = loadInitiatives(model, paths.initiatives);
  // A file name that is not an identifier: say so, with the name to use. (The loader's
  // "id differs from the file name" would suggest copying the bad name into `id`.)
  const badNames = new Map<string, string>();
  for (const file of listInitiativeFiles(paths.initiatives)) {
    const name = path.basename(file).replace(/\.ya?ml$/, '');
    if (isSlug(name)) continue;
    let id: unknown;
    try {
      id = (parseYaml(fs.readFileSync(file, 'utf8'), displayPath(file)) as { id?: unknown } | null)?.id;
    } catch {
      /* YAML errors are reported by the loader */
    }
    const fixed = typeof id === 'string' && isSlug(id) ? id : slugify(name);
    badNames.set(displayPath(file), fixed);
    report.errors.push(
      `${displayPath(file)}: le nom du fichier « ${path.basename(file)} » n'est pas un identifiant (minuscules, chiffres et tirets, 3 à 80 caractères) : renommez le fichier en ${fixed}.yml, avec \`id: ${fixed}\` dedans.`,
    );
  }
  for (const e of errors) {
    const problems = badNames.has(e.file) ? e.problems.filter((p) => !(p.path === 'id' && p.message.includes('nom du fichier'))) : e.problems;
    if (problems.length) report.errors.push(new ContentError(e.file, problems).message);
  }
  report.initiativeCount = initiatives.length;
  for (const file of listInitiativeFiles(paths.initiatives)) {
    const initiative = initiatives.find((i) => path.basename(file) === `${i.id}.yml`);
    if (initiative && fs.readFileSync(file, 'utf8') !== serializeInitiative(initiative)) {
      report.warnings.push(`${displayPath(file)}: mise en forme non canonique ; \`npm run check -- --write\` la réécrit sans changer les valeurs.`);
    }
    if (file.endsWith('.yaml')) report.errors.push(`${displayPath(file)}: utilisez l'extension .yml.`);
  }
  for (const i of initiatives) {
    if (i.updated > today) report.errors.push(`${displayPath(path.join(paths.initiatives, `${i.id}.yml`))}: \`updated\`: ${i.updated} est dans le futur.`);
  }

  const services = model.vocabularies.slugs('services');
  const guidesDir = path.join(paths.content, 'guides');
  const curriculumDir = path.join(paths.content, 'curriculum');
  const checkMarkdown = (file: string, validate?: (data: Record<string, unknown>) => string[]) => {
    try {
      const fm = splitFrontMatter(fs.readFileSync(file, 'utf8'), displayPath(file));
      if (!fm) {
        if (validate) report.errors.push(`${displayPath(file)}: l'en-tête (front matter) manque : ajoutez title, description, verified…`);
        return;
      }
      if (validate) report.errors.push(...validate(fm.data));
      const verified = fm.data.verified;
      if (typeof verified === 'string' && verified > today) report.errors.push(`${displayPath(file)}: \`verified\`: ${verified} est dans le futur.`);
    } catch (e) {
      report.errors.push(e instanceof ContentError || e instanceof Error ? e.message : String(e));
    }
  };

  // Links to the directory bypass Docusaurus' link checker (they are pathname:// links to
  // pages we render ourselves): check their filters and targets here.
  const DIRECTORY_FILTERS: Record<string, (v: string) => boolean> = {
    service: (v) => model.vocabularies.has('services', v),
    kind: (v) => model.vocabularies.has('kinds', v),
    public: (v) => model.vocabularies.has('publics', v),
    commune: (v) => Boolean(model.territory.commune(v)),
    near: (v) => v.length > 0,
    q: (v) => v.length > 0,
    openNow: (v) => v === 'true',
  };
  const ids = new Set(initiatives.filter((i) => i.status === 'active').map((i) => i.id));
  const checkDirectoryLinks = (file: string) => {
    const text = fs.readFileSync(file, 'utf8');
    for (const [, link = '', ...rest] of text.matchAll(/pathname:\/\/(\/annuaire[^)\s"'>]*)/g)) {
      void rest;
      const index = text.indexOf(`pathname://${link}`);
      const line = text.slice(0, index).split('\n').length;
      const url = new URL(link, 'http://x');
      const where = `${displayPath(file)}:${line}: lien ${link}`;
      const id = url.pathname.replace(/^\/annuaire\/?/, '');
      if (id && !ids.has(id)) report.errors.push(`${where} : aucune initiative active « ${id} » dans content/initiatives/.`);
      for (const [key, value] of url.searchParams) {
        const valid = DIRECTORY_FILTERS[key];
        if (!valid) report.errors.push(`${where} : le filtre « ${key} » n'existe pas (possibles : ${Object.keys(DIRECTORY_FILTERS).join(', ')}).`);
        else if (!valid(value)) report.errors.push(`${where} : « ${value} » n'est pas une valeur connue pour « ${key} ».`);
      }
    }
  };

  const checkPlainLanguage = (file: string) => {
    try {
      const fm = splitFrontMatter(fs.readFileSync(file, 'utf8'), displayPath(file));
      const stats = plainLanguageStats(fm?.body ?? fs.readFileSync(file, 'utf8'), fm?.bodyLine ?? 1);
      report.plainLanguage.push({ file: displayPath(file), ...stats });
      for (const s of stats.tooLong) {
        report.errors.push(
          `${displayPath(file)}:${s.line}: phrase de ${s.words} mots (${MAX_SENTENCE_WORDS} au plus) : coupez-la en deux. « ${s.text.slice(0, 80)}${s.text.length > 80 ? '…' : ''} »`,
        );
      }
    } catch {
      /* front matter errors are reported by checkMarkdown */
    }
  };

  for (const file of markdownFiles(guidesDir)) {
    const rel = path.relative(guidesDir, file).split(path.sep);
    if (rel.length === 1) {
      checkMarkdown(file);
      continue;
    }
    report.guideCount++;
    checkMarkdown(file, (data) => issuesOf(file, guideFrontMatterSchema(services, rel[0] ?? '').safeParse(data)));
    checkPlainLanguage(file);
    checkDirectoryLinks(file);
  }
  for (const file of markdownFiles(curriculumDir)) {
    const isIndex = path.basename(file).startsWith('index.');
    // Printable kit pages (cards, grids, sheets: `kit: true`) are not sessions: no duration or objectives.
    checkMarkdown(file, (data) => issuesOf(file, (isIndex || data.kit === true ? moduleFrontMatterSchema : sessionFrontMatterSchema).safeParse(data)));
    checkDirectoryLinks(file);
  }
  for (const file of markdownFiles(path.join(paths.content, 'news'))) {
    checkMarkdown(file);
    checkDirectoryLinks(file);
  }
  for (const file of markdownFiles(path.join(paths.root, 'site'))) checkMarkdown(file);
  report.errors.push(...checkSearchVocabulary(paths.content));
  return report;
}
