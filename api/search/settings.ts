// Index settings: what is searched, filtered and sorted, and the French the citizens use.
// The synonyms come from the editors' vocabulary (content/search/vocabulaire.yml), stemmed
// like the queries (french.ts); `formes` (the stems of a document's words) is searched last,
// so a name or a summary that has the very word still ranks first.
import type { Settings } from 'meilisearch';
import type { SearchVocabulary } from '../../core/content/search-vocabulary.ts';
import { STOP_WORDS, synonymsOf } from './french.ts';

export function initiativesSettings(vocabulary: SearchVocabulary): Settings {
  return {
    searchableAttributes: [
      'name',
      'organisation',
      'locality',
      'communeName',
      'postcode',
      'kindLabel',
      'serviceLabels',
      'publicLabels',
      'summary',
      'street',
      'description',
      'keywords',
      'formes',
    ],
    filterableAttributes: ['id', 'kind', 'services', 'publics', 'commune', 'status', '_geo', 'openSlots', 'postcode'],
    sortableAttributes: ['_geo', 'name'],
    displayedAttributes: [
      'id',
      'name',
      'kind',
      'kindLabel',
      'summary',
      'commune',
      'communeName',
      'postcode',
      'locality',
      'street',
      'demo',
      'hours',
      'hasHours',
      'weekHours',
      'todayOpen',
      'horizonStart',
      '_geo',
      'hash',
    ],
    // Around a place (a `sort` is sent), the nearest of the places that have the words comes
    // first: a citizen near 6001 wants Marcinelle's permanence, not a better-worded one in
    // Fleurus. Without a point there is no sort, and names (first attribute) and exact words rank.
    rankingRules: ['words', 'sort', 'typo', 'proximity', 'attribute', 'exactness'],
    synonyms: synonymsOf(vocabulary),
    stopWords: STOP_WORDS,
    typoTolerance: { enabled: true, disableOnNumbers: true, disableOnAttributes: ['postcode'], minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
    localizedAttributes: [{ locales: ['fra'], attributePatterns: ['*'] }],
    pagination: { maxTotalHits: 100_000 },
    faceting: { maxValuesPerFacet: 200 },
  };
}

export function docsSettings(vocabulary: SearchVocabulary): Settings {
  return {
    searchableAttributes: ['title', 'section', 'headingPath', 'text', 'formes'],
    filterableAttributes: ['source'],
    displayedAttributes: ['id', 'source', 'title', 'section', 'url', 'text', 'hash'],
    // A guide whose title has the words beats a section that only mentions them close together
    // (« its me activer »: the itsme guide, not the commune's counter that says « itsme activé »).
    rankingRules: ['words', 'typo', 'attribute', 'proximity', 'exactness'],
    synonyms: synonymsOf(vocabulary),
    stopWords: STOP_WORDS,
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
    localizedAttributes: [{ locales: ['fra'], attributePatterns: ['*'] }],
  };
}
