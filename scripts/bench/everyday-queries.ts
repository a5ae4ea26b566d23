// How citizens and aidants actually ask, with what must come first: the table the search is
// held to (test/api/search/everyday.test.ts) and measured with (`npm run bench -- relevance`,
// which compares matching strategies and word forms on it). Written from how people speak at
// a counter: no accents, verbs, « mon », « pour », intent words, short forms (ordi, gsm).
// Expectations name listings of the repository's content (content/initiatives/). The demo
// listings at public buildings say « horaires et services à confirmer » and claim no printer,
// topic or hours: where none says the words asked, the right answer is the kind of place or
// the service that covers the request (content/search/vocabulaire.yml says how), and, for a
// procedure, its guide (the same as « La personne veut… », content/aidant/demandes.yml).
import type { Initiative } from '../../core/model/index.ts';
import type { SearchResult } from '../../core/wire/search.ts';

export interface EverydayQuery {
  /** The query string of /api/search (without limit). */
  query: string;
  /** The first place must be one of these, or satisfy this. */
  first?: readonly string[] | ((i: Initiative) => boolean);
  /** None of the first five places may satisfy this (what used to come up wrongly). */
  notInTop5?: (i: Initiative) => boolean;
  /** scope=all: the first guide section's URL contains this. */
  firstGuide?: string;
}

const kind = (k: string) => (i: Initiative) => i.kind === k;
const service = (s: string) => (i: Initiative) => i.services.includes(s);
const says = (pattern: RegExp) => (i: Initiative) => pattern.test(`${i.name} ${i.summary} ${i.description ?? ''}`);

/** The only listing that names taxes; without a place it comes before the places that help with any procedure. */
const IMPOTS = ['apres-midi-itsme-et-myminfin-a-fleurus'];
const MATERIEL = kind('materiel');
/** Taxes, pension, unemployment, health insurance: administrative procedures (« La personne veut… »). */
const DEMARCHES = service('aide-demarches-administratives');

export const EVERYDAY_QUERIES: readonly EverydayQuery[] = [
  // No listing claims a printer any more: an EPN, the public place with computers.
  { query: 'q=imprimer un document', first: kind('epn') },
  { query: 'q=ou imprimer mes papiers', first: kind('epn') },
  { query: 'q=ecrivain public', first: service('aide-demarches-administratives') },
  { query: 'q=trouver du travail', first: ['recherche-d-emploi-en-ligne-a-la-cite-des-metiers', 'epn-de-gosselies'], notInTop5: kind('permanence') },
  { query: 'q=reparer mon ordinateur', first: ['repair-cafe-et-ordinateurs-a-petit-prix-de-ransart'] },
  { query: 'q=mon gsm est casse qui peut le reparer', first: ['repair-cafe-et-ordinateurs-a-petit-prix-de-ransart'] },
  { query: 'q=cours informatique seniors', first: says(/senior/i), notInTop5: kind('wifi') },
  { query: 'q=comment installer itsme&scope=all', first: says(/itsme/i), firstGuide: 'itsme-installer-activer' },
  { query: 'q=activer its me', first: says(/itsme/i) },
  { query: 'q=wifi gratuit', first: kind('wifi') },
  { query: 'q=wifi marcinelle', first: ['wifi-gratuit-a-la-maison-communale-annexe-de-marcinelle'] },
  { query: 'q=internet gratuit a gosselies', first: ['wifi-gratuit-a-la-maison-communale-annexe-de-gosselies'] },
  // No WiFi listing gives hours any more: any free WiFi (each says to confirm them), not a « journée ».
  { query: 'q=wifi jour et nuit', first: kind('wifi') },
  { query: 'q=ordi pas cher', first: MATERIEL },
  { query: 'q=acheter un ordinateur', first: MATERIEL },
  { query: 'q=ordinateur reconditionne', first: ['ordinateurs-reconditionnes-a-prix-solidaire-du-cpas-de-charleroi'] },
  { query: 'q=aide pour mes impots', first: IMPOTS },
  { query: "q=declaration d'impots", first: IMPOTS },
  // The nearest place that helps with procedures (Marcinelle's permanence is in 6001).
  { query: 'q=impots&near=6001', first: ['permanence-aide-numerique-de-marcinelle'] },
  { query: 'q=papiers en ligne', first: DEMARCHES },
  { query: 'q=remplir un formulaire', first: DEMARCHES },
  { query: 'q=apprendre le smartphone', first: says(/smartphone/i) },
  { query: 'q=premiers pas gsm', first: ['premiers-pas-avec-le-smartphone-pour-les-seniors-a-couillet'] },
  { query: 'q=whatsapp', first: ['premiers-pas-avec-le-smartphone-pour-les-seniors-a-couillet'] },
  { query: "q=mon enfant n'a pas d'ordinateur pour l'ecole", first: ['pret-de-tablettes-et-d-ordinateurs-pour-les-eleves-de-charleroi'] },
  { query: 'q=tablette ecole', first: ['pret-de-tablettes-et-d-ordinateurs-pour-les-eleves-de-charleroi'] },
  { query: 'q=faire mon cv', first: ['coup-de-pouce-numerique-a-la-maison-de-jeunes-de-roux', 'recherche-d-emploi-en-ligne-a-la-cite-des-metiers'] },
  { query: 'q=inscription forem', first: ['recherche-d-emploi-en-ligne-a-la-cite-des-metiers'] },
  { query: 'q=je suis sourd', first: ['aide-numerique-pour-les-personnes-sourdes-et-malentendantes'] },
  { query: 'q=malentendant', first: ['aide-numerique-pour-les-personnes-sourdes-et-malentendantes'] },
  { query: 'q=difficile de lire', first: ['aide-numerique-en-francais-facile-a-lodelinsart'] },
  { query: 'q=primo arrivant', first: ['accompagnement-numerique-des-personnes-primo-arrivantes'] },
  { query: 'q=ecrans enfants', first: ['ecrans-et-parentalite-au-planning-familial-de-marcinelle'] },
  { query: 'q=harcelement sur internet', first: ['ecrans-et-parentalite-au-planning-familial-de-marcinelle'] },
  { query: 'q=chomage', first: DEMARCHES },
  { query: 'q=onem&scope=all', first: DEMARCHES, firstGuide: 'onem-services-en-ligne' },
  { query: 'q=ma pension&scope=all', first: DEMARCHES, firstGuide: 'mypension' },
  // The nearest place that helps with procedures (Dampremy's permanence is in 6020), and the guide.
  { query: 'q=mutuelle&near=6020&scope=all', first: ['permanence-aide-numerique-de-dampremy'], firstGuide: 'mutualite-services-en-ligne' },
  { query: 'q=repair cafe', first: ['repair-cafe-et-ordinateurs-a-petit-prix-de-ransart'] },
  { query: 'q=epn thuin', first: ['epn-de-thuin'] },
  { query: 'q=espace public numerique fleurus', first: ['epn-de-fleurus'] },
  { query: 'q=cpas', first: ['aide-numerique-au-cpas-de-charleroi', 'ordinateurs-reconditionnes-a-prix-solidaire-du-cpas-de-charleroi'] },
  { query: 'q=formation aidant numerique', first: kind('formation') },
  // The salon's listing is archived until its date and place are known (its news post says so):
  // never listed; the events that are (a salon is an event), said to have only some of the words.
  {
    query: 'q=salon inclusion numerique',
    first: (i) => i.kind === 'evenement' && i.status === 'active',
    notInTop5: (i) => i.id === 'salon-de-l-inclusion-numerique-2027',
  },
  { query: 'q=portes ouvertes epn', first: ['journee-portes-ouvertes-des-epn-de-charleroi'] },
  { query: 'q=photos email seniors', first: ['accompagnement-numerique-des-seniors-a-montignies-sur-sambre'] },
  { query: 'q=scanner un document avec mon telephone&scope=all', firstGuide: 'scanner-document-telephone' },
  { query: 'q=arnaque par sms&scope=all', firstGuide: 'reconnaitre-arnaque-sms-mail' },
  { query: 'q=acheter un billet de train&scope=all', firstGuide: 'sncb-billet-application' },
  { query: "q=code pin carte d'identite oublie&scope=all", firstGuide: 'code-pin-eid-oublie' },
  { query: 'q=its me activer&scope=all', firstGuide: 'itsme-installer-activer' },
  { query: 'q=mot de passe oublie&scope=all', firstGuide: 'mots-de-passe-gestionnaire' },
  { query: 'q=envoyer une photo par mail&scope=all', firstGuide: 'joindre-document-mail' },
  { query: 'q=suivre un colis&scope=all', firstGuide: 'bpost-suivi-colis' },
];

/** Why an answer misses its expectation, or null when it meets it. */
export function missOf(entry: EverydayQuery, result: SearchResult, byId: ReadonlyMap<string, Initiative>): string | null {
  const [top] = result.hits;
  if (entry.first) {
    const ok = (id: string | undefined) => {
      const i = id === undefined ? undefined : byId.get(id);
      if (!i) return false;
      return typeof entry.first === 'function' ? entry.first(i) : (entry.first?.includes(i.id) ?? false);
    };
    if (!ok(top?.id)) return `first place ${top ? top.id : '(none)'}`;
  }
  if (entry.notInTop5) {
    const wrong = result.hits.slice(0, 5).find((h) => {
      const i = byId.get(h.id);
      return i ? entry.notInTop5?.(i) : false;
    });
    if (wrong) return `${wrong.id} in the first five`;
  }
  if (entry.firstGuide && !result.docs?.[0]?.url.includes(entry.firstGuide)) return `first guide ${result.docs?.[0]?.url ?? '(none)'}`;
  return null;
}
