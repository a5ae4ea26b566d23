// « Où en suis-je ? »: answer sets → what the person can do, the guides and the places
// proposed. A table of profiles over a small map: places that teach (an EPN, a training,
// a permanence) and places that must never be proposed (a WiFi spot, an archived EPN).
import { describe, expect, it } from 'vitest';
import type { ReachDeps } from '../../../api/reach/deps.ts';
import { selfCheckResult } from '../../../api/reach/self-check.ts';
import { loadGuides } from '../../../core/content/guides.ts';
import { type Initiative, loadContentModel } from '../../../core/model/index.ts';
import { resolvePaths } from '../../../core/model/paths.ts';
import { type Answer, QUESTIONS } from '../../../core/reach/diagnostic.ts';
import { normalizeSiteUrl } from '../../../core/urls.ts';
import { permanenceMarcinelle } from '../../fixtures/open-data/initiatives.ts';

// The real vocabularies and territory (the questions name real services), hand-made places.
const model = loadContentModel(resolvePaths({}));
const guides = loadGuides(resolvePaths({}).content);
const marcinelle = permanenceMarcinelle(model) as Initiative; // aide-demarches-administratives, 6001

function place(id: string, kind: string, services: string[], postcode: string, lat: number, lng: number, status: Initiative['status'] = 'active'): Initiative {
  const commune = postcode === '6200' ? 'chatelet' : 'charleroi';
  return {
    ...marcinelle,
    id,
    name: id,
    kind,
    services,
    status,
    hours: undefined,
    address: { ...marcinelle.address, postcode, commune },
    geo: { lat, lng },
  } as Initiative;
}

const places = [
  marcinelle,
  place('epn-charleroi', 'epn', ['maitrise-outils-quotidien', 'acces-internet-materiel'], '6000', 50.4114, 4.4445),
  place('formation-chatelet', 'formation', ['utilisation-securisee', 'maitrise-outils-quotidien'], '6200', 50.405, 4.526),
  place('wifi-ransart', 'wifi', ['acces-internet-materiel', 'maitrise-outils-quotidien'], '6043', 50.456, 4.482),
  place('epn-archive', 'epn', ['maitrise-outils-quotidien', 'utilisation-securisee', 'aide-demarches-administratives'], '6000', 50.4115, 4.4446, 'archived'),
];

const deps: ReachDeps = {
  model,
  initiatives: () => new Map(places.map((p) => [p.id, p])),
  news: () => [],
  guides: () => guides,
  config: {},
  siteUrl: normalizeSiteUrl('https://passerelle.example'),
  now: () => new Date('2026-12-01T10:00:00Z'),
};

const all = (answer: Answer) => Object.fromEntries(QUESTIONS.map((q) => [q.id, answer]));
const allYesBut = (others: Record<string, Answer>) => ({ ...all('oui'), ...others });

interface Profile {
  name: string;
  raw: Record<string, unknown>;
  canDo: number;
  guides: string[];
  places: string[];
  near?: string;
}

const profiles: Profile[] = [
  { name: 'knows everything', raw: { ...all('oui'), cp: '6000' }, canDo: 12, guides: [], places: [] },
  {
    name: 'beginner near Charleroi: the first rungs, places teaching them, nearest first',
    raw: { ...all('non'), cp: '6000' },
    canDo: 0,
    guides: ['bases/smartphone-premiers-pas', 'bases/wifi-public-ville', 'bases/installer-mettre-a-jour-application'],
    places: ['epn-charleroi', 'formation-chatelet'],
    near: '6000 Charleroi',
  },
  {
    name: 'safety to learn, in Châtelet',
    raw: { ...allYesBut({ arnaque: 'non', 'mots-de-passe': 'aide' }), cp: '6200' },
    canDo: 10,
    guides: ['identite-securite/reconnaitre-arnaque-sms-mail', 'identite-securite/mots-de-passe-gestionnaire'],
    places: ['formation-chatelet'],
    near: '6200 Châtelet',
  },
  {
    name: 'online procedures to learn, in Marcinelle: second guides fill the three',
    raw: { ...allYesBut({ itsme: 'non', formulaire: 'aide' }), cp: '6001' },
    canDo: 10,
    guides: ['identite-securite/itsme-installer-activer', 'administration/guichet-communal-en-ligne', 'identite-securite/eid-lecteur-carte'],
    places: ['permanence-marcinelle'],
    near: '6001 Marcinelle',
  },
  {
    name: 'no postcode: guides, no places',
    raw: all('non'),
    canDo: 0,
    guides: ['bases/smartphone-premiers-pas', 'bases/wifi-public-ville', 'bases/installer-mettre-a-jour-application'],
    places: [],
  },
  {
    name: 'a postcode the territory does not know',
    raw: { ...all('aide'), cp: '9999' },
    canDo: 0,
    guides: ['bases/smartphone-premiers-pas', 'bases/wifi-public-ville', 'bases/installer-mettre-a-jour-application'],
    places: [],
  },
  { name: 'nothing answered', raw: { cp: '6000' }, canDo: 0, guides: [], places: [] },
  { name: 'junk values are ignored', raw: { telephone: 'peut-être', inconnue: 'oui', wifi: ['oui', 'non'], cp: '60000' }, canDo: 0, guides: [], places: [] },
  {
    name: 'only the bank app, with help',
    raw: { ...allYesBut({ banque: 'aide' }), cp: ' 6000 ' },
    canDo: 11,
    guides: ['vie-quotidienne/banque-en-ligne-virement'],
    places: ['epn-charleroi', 'formation-chatelet'],
    near: '6000 Charleroi',
  },
  {
    name: 'WiFi to learn in Ransart: a place that teaches, never a WiFi spot',
    raw: { ...allYesBut({ wifi: 'non' }), cp: '6043' },
    canDo: 11,
    guides: ['bases/wifi-public-ville'],
    places: ['epn-charleroi'],
    near: '6043 Ransart',
  },
  {
    name: 'e-mail to learn: two rungs, one service',
    raw: { ...allYesBut({ 'mail-lire': 'non', 'mail-joindre': 'non' }), cp: '6001' },
    canDo: 10,
    guides: ['bases/creer-adresse-mail', 'bases/joindre-document-mail'],
    places: ['epn-charleroi', 'formation-chatelet'],
    near: '6001 Marcinelle',
  },
];

describe('the self-check orients', () => {
  it.each(profiles)('$name', (p) => {
    const result = selfCheckResult(deps, p.raw);
    expect(result.orientation.canDo).toHaveLength(p.canDo);
    expect(result.orientation.guides.map((g) => g.key)).toEqual(p.guides);
    expect(result.places.map((e) => e.id)).toEqual(p.places);
    expect(result.nearLabel).toBe(p.near);
    expect(result.orientation.guides.length).toBeLessThanOrEqual(3);
  });

  it('names only guides that exist, each question at least one', () => {
    const keys = new Set(guides.map((g) => g.key));
    for (const q of QUESTIONS) {
      expect(q.guides.length, q.id).toBeGreaterThan(0);
      for (const key of q.guides) expect(keys.has(key), `${q.id} → ${key}`).toBe(true);
      expect(model.vocabularies.has('services', q.service), q.service).toBe(true);
    }
    expect(QUESTIONS).toHaveLength(12);
  });

  it('speaks to the aidant when asked', () => {
    expect(selfCheckResult(deps, { pour: 'aidant' }).voice).toBe('aidant');
    expect(selfCheckResult(deps, { pour: 'autre' }).voice).toBe('personne');
  });
});
