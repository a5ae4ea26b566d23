// `npm run check`: validates all content; exits 1 on any error. `--write` rewrites
// initiative files in canonical form (same values, same bytes every time). `--stats`
// prints the plain-language statistics of every guide.

import { checkContent } from '../core/content/check-content.ts';
import { loadInitiatives, writeInitiativeFile } from '../core/model/index.ts';
import { resolvePaths } from '../core/model/paths.ts';

const paths = resolvePaths();
const report = await checkContent(paths);
if (process.argv.includes('--write') && report.model) {
  const { initiatives } = loadInitiatives(report.model, paths.initiatives, { all: true });
  for (const i of initiatives) writeInitiativeFile(paths.initiatives, i);
  console.log(`${initiatives.length} fichier(s) d'initiative réécrit(s) en forme canonique.`);
  report.warnings = report.warnings.filter((w) => !w.includes('non canonique'));
}
if (process.argv.includes('--stats')) {
  console.log('Lisibilité des guides (mots par phrase : moyenne / plus longue ; lettres par mot ; part des mots de plus de 12 lettres)');
  for (const g of report.plainLanguage) {
    console.log(
      `  ${g.file}: ${g.sentences} phrases, ${g.averageSentenceWords} / ${g.longest} mots, ${g.averageWordLetters} lettres, ${(g.longWordShare * 100).toFixed(1)} %`,
    );
  }
}
for (const w of report.warnings) console.warn(`attention: ${w}`);
for (const e of report.errors) console.error(`erreur: ${e}`);
if (report.errors.length) {
  console.error(`\n${report.errors.length} erreur(s) dans le contenu.`);
  process.exit(1);
}
console.log(`Contenu valide : ${report.initiativeCount} initiatives, ${report.guideCount} guides.`);
