// Strict YAML reading for content files: unique keys, no anchors/aliases, no custom tags.
// Errors carry the file (relative to the repo) and the line, so a person can fix them.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ROOT_DIR } from './paths.ts';

export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly problems: { path: string; message: string }[],
  ) {
    super(problems.map((p) => `${file}: ${p.path ? `\`${p.path}\`: ` : ''}${p.message}`).join('\n'));
    this.name = 'ContentError';
  }
}

export function displayPath(file: string): string {
  const rel = path.relative(ROOT_DIR, file);
  return rel.startsWith('..') ? file : rel;
}

export function parseYaml(text: string, file: string): unknown {
  const doc = YAML.parseDocument(text, { uniqueKeys: true, prettyErrors: true, schema: 'core' });
  const problems = doc.errors.map((e) => ({
    path: '',
    message: `YAML invalide (ligne ${e.linePos?.[0]?.line ?? '?'}) : ${e.message.split('\n')[0]}`,
  }));
  YAML.visit(doc, {
    Alias(_, node) {
      problems.push({ path: '', message: `les ancres et alias YAML (*${node.source}) ne sont pas permis : écrivez la valeur en entier.` });
    },
    Node(_, node) {
      if (YAML.isNode(node) && node.tag && !node.tag.startsWith('tag:yaml.org,2002:')) {
        problems.push({ path: '', message: `l'étiquette YAML ${node.tag} n'est pas permise.` });
      }
    },
  });
  if (problems.length) throw new ContentError(file, problems);
  return doc.toJS({ maxAliasCount: 0 });
}

export function readYamlFile(file: string): unknown {
  return parseYaml(fs.readFileSync(file, 'utf8'), displayPath(file));
}
