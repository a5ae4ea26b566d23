// Index settings: what is searched, filtered and sorted, and the French the citizens use.
import type { Settings } from 'meilisearch';

/** Words people type for the same thing (both directions). */
export const SYNONYM_GROUPS: string[][] = [
  ['wifi', 'wi-fi', 'wi fi', 'internet gratuit'],
  ['ordi', 'ordinateur', 'pc'],
  ['cpas', 'centre public d action sociale'],
  ['itsme', 'its me'],
  ['impots', 'impôts', 'tax-on-web', 'taxonweb', 'myminfin', 'déclaration'],
  ['epn', 'espace public numérique'],
  ['gsm', 'smartphone', 'téléphone', 'portable'],
  ['mail', 'e-mail', 'email', 'courriel'],
  ['eid', 'carte d identité', 'carte identité'],
  ['pension', 'mypension'],
  ['chômage', 'onem'],
  ['emploi', 'forem'],
];

function synonyms(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of SYNONYM_GROUPS) for (const word of group) out[word] = group.filter((w) => w !== word);
  return out;
}

// Only words that carry no meaning in a search for help; "pas", "sans", "en ligne" stay.
const STOP_WORDS = ['le', 'la', 'les', 'l', 'de', 'des', 'du', 'd', 'un', 'une', 'et', 'au', 'aux', 'je', 'veux', 'mon', 'ma', 'mes'];

export const INITIATIVES_SETTINGS: Settings = {
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
    'weekHours',
    'todaySlots',
    'horizonStart',
    '_geo',
    'hash',
  ],
  // Exact names first: attribute order puts `name` first; exactness before sort.
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'exactness', 'sort'],
  synonyms: synonyms(),
  stopWords: STOP_WORDS,
  typoTolerance: { enabled: true, disableOnNumbers: true, disableOnAttributes: ['postcode'], minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  localizedAttributes: [{ locales: ['fra'], attributePatterns: ['*'] }],
  pagination: { maxTotalHits: 100_000 },
  faceting: { maxValuesPerFacet: 200 },
};

export const DOCS_SETTINGS: Settings = {
  searchableAttributes: ['title', 'section', 'headingPath', 'text'],
  filterableAttributes: ['source'],
  displayedAttributes: ['id', 'source', 'title', 'section', 'url', 'text', 'hash'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'exactness'],
  synonyms: synonyms(),
  stopWords: STOP_WORDS,
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  localizedAttributes: [{ locales: ['fra'], attributePatterns: ['*'] }],
};
