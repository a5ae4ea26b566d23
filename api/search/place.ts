// Step 2 of a search: the point "near" means. A postcode or a name typed by a citizen is
// looked up in the territory (accents, case and small typos forgiven; close matches
// suggested when nothing fits); a position given as lat+lng is used as it is.
import { lookupPlace, type Territory } from '../../core/model/index.ts';
import type { SearchResult } from '../../core/wire/search.ts';
import { HttpError } from '../http/errors.ts';
import type { SearchQuery } from './query.ts';

export type Near = NonNullable<SearchResult['near']>;

/** The label the API gives a position sent as lat+lng (the site words it « votre position »). */
export const OWN_POSITION = 'Votre position';

/** The point to search around, none without `near` or lat+lng; a 400 `unknown_place` with suggestions. */
export function resolvePlace(query: Pick<SearchQuery, 'near' | 'lat' | 'lng'>, territory: Territory): Near | undefined {
  if (query.near) {
    const found = lookupPlace(territory, query.near);
    if (!found.place) {
      const hint = `${found.suggestions.length ? ` Vouliez-vous dire : ${found.suggestions.join(', ')} ?` : ''} Vous pouvez aussi taper un code postal de Charleroi Métropole, par exemple 6000.`;
      throw new HttpError(400, 'unknown_place', `Nous ne trouvons pas « ${query.near.slice(0, 60)} ».${hint}`, { near: `Lieu inconnu.${hint}` });
    }
    const { label, lat, lng, alternatives } = found.place;
    return { label, lat, lng, ...(alternatives ? { alternatives } : {}) };
  }
  if (query.lat !== undefined && query.lng !== undefined) return { label: OWN_POSITION, lat: query.lat, lng: query.lng };
  return undefined;
}
