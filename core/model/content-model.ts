// What every reader of content is given: paths, vocabularies, territory and the two
// initiative schemas (a whole file, and the fields a person writes). Built by
// loadContentModel (index.ts); a type of its own so the file readers can name it.
import type { createInitiativeFieldsSchema, createInitiativeSchema } from './initiative.ts';
import type { ProjectPaths } from './paths.ts';
import type { Territory } from './territory.ts';
import type { Vocabularies } from './vocabularies.ts';

export interface ContentModel {
  paths: ProjectPaths;
  vocabularies: Vocabularies;
  territory: Territory;
  /** A whole content file. */
  initiativeSchema: ReturnType<typeof createInitiativeSchema>;
  /** The fields a submitter writes. */
  fieldsSchema: ReturnType<typeof createInitiativeFieldsSchema>;
}
