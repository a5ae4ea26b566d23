// `npm run check`: validates all content; exits 1 on any error. `--write` rewrites
// initiative files in canonical form (same values, same bytes every time). `--stats`
// prints the plain-language figures of every guide (see core/content/plain-language.ts).

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
  console.log(
    'Langage clair des guides : phrases, mots par phrase (moyenne / plus longue), étapes (à plusieurs actions), images, phrases passives, phrases négatives',
  );
  const total = { sentences: 0, words: 0, steps: 0, several: 0, pictures: 0, passives: 0, negatives: 0 };
  for (const g of report.plainLanguage) {
    console.log(
      `  ${g.file}: ${g.sentences} phrases, ${g.averageSentenceWords} / ${g.longest} mots, ${g.steps} étapes (${g.stepsWithSeveralActions}), ${g.pictures} images, ${g.passives} passives, ${g.negativeSentences} négatives`,
    );
    total.sentences += g.sentences;
    total.words += g.words;
    total.steps += g.steps;
    total.several += g.stepsWithSeveralActions;
    total.pictures += g.pictures;
    total.passives += g.passives;
    total.negatives += g.negativeSentences;
  }
  const share = (n: number, of: number) => `${of ? Math.round((n / of) * 100) : 0} %`;
  console.log(
    `  Total : ${report.plainLanguage.length} guides, ${total.sentences} phrases de ${total.sentences ? (total.words / total.sentences).toFixed(1) : 0} mots en moyenne, ${total.steps} étapes dont ${total.several} à plusieurs actions (${share(total.several, total.steps)}), ${total.pictures} images.`,
  );
}
for (const w of report.warnings) console.warn(`attention: ${w}`);
for (const e of report.errors) console.error(`erreur: ${e}`);
if (report.errors.length) {
  console.error(`\n${report.errors.length} erreur(s) dans le contenu.`);
  process.exit(1);
}
console.log(`Contenu valide : ${report.initiativeCount} initiatives, ${report.guideCount} guides.`);
