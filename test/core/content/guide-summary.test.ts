// A guide's one-page summary: the bold instruction of each step (or its first sentence),
// grouped under their heading only when there are several lists, and the first warning.
// Every guide of the repository gives steps short enough for one printed line or two.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../core/content/front-matter.ts';
import { summarizeSteps } from '../../../core/content/guide-summary.ts';
import { markdownFiles } from '../../../core/model/markdown-files.ts';
import { resolvePaths } from '../../../core/model/paths.ts';

describe('summarizeSteps', () => {
  it('keeps the bold instructions, drops the explanations and pictures', () => {
    const md = `## Étapes

:::etapes

1. **Ouvrez l'application.** Elle a une icône bleue.

   ![Touchez l'icône bleue.](/img/guides/x.svg)

2. **Appuyez sur « Se connecter ».**
3. Tapez votre code. Il a 5 chiffres.

:::

:::attention

- Ne donnez jamais votre code.
- Autre chose.

:::
`;
    expect(summarizeSteps(md)).toEqual({
      groups: [{ steps: ["Ouvrez l'application.", 'Appuyez sur « Se connecter ».', 'Tapez votre code.'] }],
      warning: 'Ne donnez jamais votre code.',
    });
  });

  it('names each list by its heading when a guide has several', () => {
    const md = '## Sur le site\n\n:::etapes\n1. **Un.**\n:::\n\n## Avec Mon DOSSIER\n\n:::etapes\n1. **Deux.**\n2. **Trois.**\n:::\n';
    expect(summarizeSteps(md).groups).toEqual([
      { heading: 'Sur le site', steps: ['Un.'] },
      { heading: 'Avec Mon DOSSIER', steps: ['Deux.', 'Trois.'] },
    ]);
  });

  it('gives every guide of the repository its steps, each short enough for a summary line', () => {
    const guides = markdownFiles(path.join(resolvePaths({}).content, 'guides')).filter((f) => f.split(path.sep).slice(-2)[0] !== 'guides');
    expect(guides.length).toBeGreaterThanOrEqual(35);
    for (const file of guides) {
      const fm = splitFrontMatter(fs.readFileSync(file, 'utf8'), file);
      const { groups, warning } = summarizeSteps(fm?.body ?? '');
      const steps = groups.flatMap((g) => g.steps);
      expect(steps.length, file).toBeGreaterThanOrEqual(3);
      for (const step of steps) expect(step.split(/\s+/).length, `${file}: ${step}`).toBeLessThanOrEqual(20);
      expect(warning, file).toBeTruthy();
    }
  });
});
