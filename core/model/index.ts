// The content model: the one module the site plugin, the API and the scripts import
// to read vocabularies, territory and initiatives. Nothing else parses those files.
import './timezone.ts';
import type { ContentModel } from './content-model.ts';
import { createInitiativeFieldsSchema, createInitiativeSchema } from './initiative.ts';
import { type ProjectPaths, resolvePaths } from './paths.ts';
import { loadTerritory } from './territory.ts';
import { loadVocabularies } from './vocabularies.ts';

export type { ContentModel } from './content-model.ts';

export function loadContentModel(paths: ProjectPaths = resolvePaths()): ContentModel {
  const vocabularies = loadVocabularies(paths.territory);
  const territory = loadTerritory(paths.territory);
  const ctx = { vocabularies, territory };
  return {
    paths,
    vocabularies,
    territory,
    initiativeSchema: createInitiativeSchema(ctx),
    fieldsSchema: createInitiativeFieldsSchema(ctx),
  };
}

export * from '../hours/index.ts';
export * from './initiative.ts';
export * from './initiative-files.ts';
export * from './paths.ts';
export * from './places.ts';
export * from './slug.ts';
export * from './territory.ts';
export * from './vocabularies.ts';
export { ContentError, displayPath, parseYaml, readYamlFile } from './yaml-file.ts';
