// Validates every content file: territory, vocabularies, initiatives, the front matter
// of guides (with their `verified` date and `sources`), curriculum and news, the guides'
// plain language (plain-language.ts, with the jargon list of jargon.ts), directory links,
// and the aidant's data (aidant.ts). Used by `npm run check` and by the Docusaurus build.
// Each problem is one line: file, field, what is wrong and how to fix it.

import fs from 'node:fs';
import path from 'node:path';
import { type IssueLike, toProblems } from '../field-errors.ts';
import { type ContentModel, listInitiativeFiles, loadContentModel, loadInitiatives, serializeInitiative } from '../model/index.ts';
import { markdownFiles } from '../model/markdown-files.ts';
import type { ProjectPaths } from '../model/paths.ts';
import { isSlug, slugify } from '../model/slug.ts';
import { ContentError, displayPath, parseYaml } from '../model/yaml-file.ts';
import { loadCityFigures } from '../reach/city-figures.ts';
import { loadAidantData } from './aidant.ts';
import { guideFrontMatterSchema, moduleFrontMatterSchema, sessionFrontMatterSchema, splitFrontMatter } from './front-matter.ts';
import { loadJargonRules } from './jargon.ts';
import { type PlainLanguageReport, checkPlainLanguage as plainLanguageOf } from './plain-language.ts';

/** A guide verified longer ago than this is announced (warning): its facts may have changed. */
export const VERIFIED_MAX_AGE_MONTHS = 12;

/** `today` minus `months` months, as YYYY-MM-DD (the 31st becomes the month's last day). */
function monthsBefore(today: string, months: number): string {
  const [y = 0, m = 1, d = 1] = today.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

import { checkSearchVocabulary } from './search-vocabulary.ts';

export interface CheckReport {
  errors: string[];
  warnings: string[];
  initiativeCount: number;
  guideCount: number;
  /** Per guide: the plain-language figures (see plain-language.ts). */
  plainLanguage: ({ file: string } & Omit<PlainLanguageReport, 'errors' | 'warnings'>)[];
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

  try {
    loadCityFigures(paths.content);
  } catch (e) {
    report.errors.push(e instanceof Error ? e.message : String(e));
  }

  const { initiatives, errors } = loadInitiatives(model, paths.initiatives, { all: true });
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
    const file = displayPath(path.join(paths.initiatives, `${i.id}.yml`));
    if (i.updated > today) report.errors.push(`${file}: \`updated\`: ${i.updated} est dans le futur.`);
    // A warning, not an error: a moderator's approval must never stop the site's build.
    if (i.access.modes.includes('telephoner') && !i.contact?.phone) {
      report.warnings.push(`${file}: \`access.modes\`: « Téléphoner » sans numéro : ajoutez \`contact.phone\`, ou retirez telephoner.`);
    }
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

  let jargon: ReturnType<typeof loadJargonRules> = null;
  try {
    jargon = loadJargonRules(paths.content);
  } catch (e) {
    report.errors.push(e instanceof Error ? e.message : String(e));
  }
  const staleBefore = monthsBefore(today, VERIFIED_MAX_AGE_MONTHS);
  const checkGuideText = (file: string) => {
    try {
      const fm = splitFrontMatter(fs.readFileSync(file, 'utf8'), displayPath(file));
      const verified = fm?.data.verified;
      if (typeof verified === 'string' && verified < staleBefore) {
        report.warnings.push(
          `${displayPath(file)}: \`verified\`: vérifié le ${verified}, il y a plus de ${VERIFIED_MAX_AGE_MONTHS} mois : relisez le guide avec ses sources, corrigez-le, puis mettez la date du jour.`,
        );
      }
      const { errors, warnings, ...figures } = plainLanguageOf(fm?.body ?? fs.readFileSync(file, 'utf8'), {
        firstLine: fm?.bodyLine ?? 1,
        ...(jargon ? { jargon } : {}),
      });
      report.plainLanguage.push({ file: displayPath(file), ...figures });
      for (const e of errors) report.errors.push(`${displayPath(file)}:${e.line}: ${e.message}`);
      for (const w of warnings) report.warnings.push(`${displayPath(file)}:${w.line}: ${w.message}`);
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
    checkGuideText(file);
    checkDirectoryLinks(file);
  }
  // « La personne veut… » and the key numbers: guides, directory filters and numbers that exist.
  report.errors.push(
    ...loadAidantData(paths.content, {
      guideExists: (id) => fs.existsSync(path.join(guidesDir, `${id}.md`)),
      filterError: (key, value) => {
        const valid = DIRECTORY_FILTERS[key];
        if (!valid) return `le filtre « ${key} » n'existe pas (possibles : ${Object.keys(DIRECTORY_FILTERS).join(', ')}).`;
        return valid(value) ? undefined : `« ${value} » n'est pas une valeur connue pour « ${key} ».`;
      },
    }).errors,
  );
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
