// The French of the search, without Meilisearch: the light stemmer makes a word's forms meet
// and keeps different words apart; queries lose grammar words (and intent words for the
// places); the editors' vocabulary becomes stemmed synonyms, both ways or one way.
import { describe, expect, it } from 'vitest';
import { formsOf, intentWords, searchText, stem, stemText, synonymsOf } from '../../../api/search/french.ts';

describe('stem', () => {
  it.each([
    [['réparer', 'réparent', 'réparation', 'réparé', 'réparez', 'réparateur'], 'repar'],
    [['imprimer', 'imprimante', 'imprimantes', 'imprimez'], 'imprim'],
    [['ordinateur', 'ordinateurs'], 'ordin'],
    [['installer', 'installez', 'installation'], 'install'],
    [['senior', 'seniors'], 'senior'],
    [['gratuit', 'gratuite', 'gratuits', 'gratuitement'], 'gratuit'],
    [['document', 'documents'], 'docum'],
    [['démarche', 'démarches'], 'demarch'],
    [['informatique', 'informatiques'], 'informatiqu'],
    [['journal', 'journaux'], 'journal'],
  ])('makes the forms of %j meet at « %s »', (forms, expected) => {
    for (const form of forms) expect(stemText(form), form).toBe(expected);
  });

  it('keeps different words apart', () => {
    expect(stemText('informatique')).not.toBe(stemText('information'));
    expect(stemText('parents')).not.toBe(stemText('par'));
    expect(stemText('impression')).not.toBe(stemText('imprimer')); // the vocabulary links these
  });

  it('leaves short words, numbers and postcodes alone', () => {
    for (const word of ['wifi', 'cpas', 'gsm', 'epn', 'pc', '6001', 'eid']) expect(stem(word)).toBe(word);
  });
});

describe('queries', () => {
  const intents = intentWords({ synonyms: [], everyday: {}, intents: ['comment', 'installer', 'près', 'chez', 'moi'] });

  it('drops grammar words for everyone and intent words for the places', () => {
    expect(searchText('Comment installer itsme ?', intents)).toBe('itsm');
    expect(searchText('Comment installer itsme ?')).toBe('comm install itsm');
    expect(searchText('un ordinateur près de chez moi', intents)).toBe('ordin');
    expect(searchText("J'ai besoin d'aide pour mes impôts")).toBe('besoin aide impot');
  });

  it('stems the words of a document once each, in order', () => {
    expect(formsOf(['Des bénévoles réparent votre ordinateur', 'Réparation des ordinateurs'])).toBe('benevol repar ordin');
  });
});

describe('synonymsOf', () => {
  it('links a group both ways and an everyday word one way, stemmed like the queries', () => {
    const synonyms = synonymsOf({ synonyms: [['ordi', 'ordinateur']], everyday: { imprimer: ['imprimante', 'impression'] }, intents: [] });
    expect(synonyms).toEqual({ ordi: ['ordin'], ordin: ['ordi'], imprim: ['impression'] });
  });
});
