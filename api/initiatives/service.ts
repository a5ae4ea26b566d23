// Published initiatives as the API shows them: read through the content model, active
// ones only (archived ones answer 410 so links in the wild get a clear answer).
import fs from 'node:fs';
import { type ContentModel, type Initiative, initiativeFile, isSlug, readInitiativeFile, shownHere } from '../../core/model/index.ts';
import { HttpError, notFound } from '../http/errors.ts';

export interface InitiativesService {
  get(id: string): Initiative;
}

export function createInitiativesService(model: ContentModel): InitiativesService {
  return {
    get(id) {
      if (!isSlug(id)) throw notFound('Aucune initiative ne porte cet identifiant.');
      const file = initiativeFile(model.paths.initiatives, id);
      if (!fs.existsSync(file)) throw notFound('Aucune initiative ne porte cet identifiant.');
      const initiative = readInitiativeFile(model, file);
      if (!shownHere(model, initiative)) throw notFound('Aucune initiative ne porte cet identifiant.');
      if (initiative.status !== 'active') throw new HttpError(410, 'gone', "Cette initiative n'est plus active.");
      return initiative;
    },
  };
}
