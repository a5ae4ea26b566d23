// Guides split into search sections: one per h2/h3, with Docusaurus' URLs and anchors,
// and none of the MDX plumbing (imports, components) indexed as if it were text.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docUrl, sectionsOf } from '../../../api/search/doc-sections.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-doc-sections-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function page(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

describe('doc sections', () => {
  it('gives one section per h2/h3 with its heading path and anchor', () => {
    const file = page(
      '02-identite/01-itsme.md',
      '---\ntitle: Utiliser itsme\n---\n\nPour commencer.\n\n## Activer itsme\n\nOuvrez l’application.\n\n### Sans carte\n\nDemandez un code.\n',
    );
    const sections = sectionsOf('guides', dir, file);
    expect(sections.map((s) => [s.section, s.url, s.headingPath])).toEqual([
      ['Utiliser itsme', '/guides/identite/itsme', ['Utiliser itsme']],
      ['Activer itsme', '/guides/identite/itsme#activer-itsme', ['Utiliser itsme', 'Activer itsme']],
      ['Sans carte', '/guides/identite/itsme#sans-carte', ['Utiliser itsme', 'Activer itsme', 'Sans carte']],
    ]);
    expect(sections[1]?.text).toBe('Ouvrez l’application.');
    expect(new Set(sections.map((s) => s.id)).size).toBe(3);
  });

  it('does not index MDX imports and components as text', () => {
    const file = page('index.mdx', "---\ntitle: Les guides\n---\n\nimport DocCardList from '@theme/DocCardList';\n\nChoisissez un guide.\n\n<DocCardList />\n");
    const [only] = sectionsOf('guides', dir, file);
    expect(only?.text).toBe('Choisissez un guide.');
    expect(only?.url).toBe('/guides');
  });

  it('follows front matter slugs like Docusaurus', () => {
    expect(docUrl('guides', '03-argent/index.md')).toBe('/guides/argent');
    expect(docUrl('guides', '03-argent/02-banque.md', 'ma-banque')).toBe('/guides/argent/ma-banque');
    expect(docUrl('formation', 'module-1/x.md', '/debut')).toBe('/formation/debut');
  });
});
