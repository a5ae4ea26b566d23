// The content model: the one module the site plugin, the API and the scripts import
// to read vocabularies, territory and initiatives. Nothing else parses those files.
import './timezone.ts';
import { createInitiativeFieldsSchema, createInitiativeSchema } from './initiative.ts';
import { resolvePaths, type ProjectPaths } from './paths.ts';
import { loadTerritory, type Territory } from './territory.ts';
import { loadVocabularies, type Vocabularies } from './vocabularies.ts';

export interface ContentModel {
  paths: ProjectPaths;
  vocabularies: Vocabularies;
  territory: Territory;
  /** A whole content file. */
  initiativeSchema: ReturnType<typeof createInitiativeSchema>;
  /** The fields a submitter writes. */
  fieldsSchema: ReturnType<typeof createInitiativeFieldsSchema>;
}

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

export * from './initiative.ts';
export * from './initiative-files.ts';
export * from '../hours/index.ts';
export * from './paths.ts';
export * from './slug.ts';
export * from './territory.ts';
export * from './vocabularies.ts';
export { ContentError, displayPath, parseYaml, readYamlFile } from './yaml-file.ts';
export * from './places.ts';
