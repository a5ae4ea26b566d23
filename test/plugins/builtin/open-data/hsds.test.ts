import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Initiative } from '../../../../core/model/index.ts';
import { type HsdsServicePage, hsdsExporter, uuidV5 } from '../../../../plugins/builtin/open-data/hsds.ts';
import { exportContext, variantOfPermanence } from '../../../fixtures/open-data/initiatives.ts';
import { fixtureModel } from '../../../helpers/content.ts';

const model = fixtureModel();
const context = exportContext(model, '2027-01-05T10:00:00Z');
const permanence = variantOfPermanence(model, {});
const initiative = (changes: Partial<Initiative>): Initiative => variantOfPermanence(model, changes);

const training = initiative({
  id: 'formation-smartphone',
  name: 'Apprivoiser son smartphone',
  kind: 'formation',
  hours: 'Tu 09:00-12:00; PH off',
  period: { start: '2027-03-16', end: '2027-03-30' },
  contact: { phone: '071 12 34 56', email: 'contact@exemple.be' },
  organisation: { name: 'Ville de Charleroi' },
});
const event = initiative({
  id: 'journee-portes-ouvertes',
  name: 'Journée portes ouvertes',
  kind: 'evenement',
  hours: undefined,
  period: { start: '2027-05-08', end: '2027-05-09' },
  organisation: { name: 'ASBL Lire et Écrire' },
});
const weekdays = initiative({ id: 'epn-semaine', kind: 'epn', hours: 'Mo-Fr 09:00-12:00, We 14:00-17:00' });
const archived = initiative({ id: 'ancienne-permanence', status: 'archived' });

const schemaFile = path.resolve(import.meta.dirname, '../../../fixtures/open-data/hsds/service_list.schema.json');
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));

const exportPage = (list: Initiative[]) => JSON.parse(hsdsExporter.export(list, context)) as HsdsServicePage;
const serviceOf = (page: HsdsServicePage, id: string) => {
  const found = page.contents.find((s) => s.url.endsWith(`/annuaire/${id}`));
  if (!found) throw new Error(`no service for ${id}`);
  return found;
};

describe('HSDS 3.0 export', () => {
  it('describes itself as the contract asks', () => {
    expect(hsdsExporter).toMatchObject({ format: 'hsds', fileName: 'hsds.json', contentType: 'application/json; charset=utf-8' });
  });

  it('validates against the HSDS 3.0 schemas (service list page, dereferenced services)', () => {
    const page = exportPage([permanence, training, event, weekdays]);
    const valid = validate(page);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(page).toMatchObject({ total_items: 4, size: 4, total_pages: 1, page_number: 1, first_page: true, last_page: true, empty: false });
    expect(validate(exportPage([]))).toBe(true);
    expect(exportPage([])).toMatchObject({ total_items: 0, empty: true, contents: [] });
  });

  it('the schema really checks: a service without a name or with a bad id is refused', () => {
    const page = exportPage([permanence]);
    const { name: _name, ...nameless } = page.contents[0]!;
    expect(validate({ ...page, contents: [nameless] })).toBe(false);
    expect(validate({ ...page, contents: [{ ...page.contents[0], id: 'permanence-marcinelle' }] })).toBe(false);
  });

  it('uses RFC 4122 version 5 UUIDs, stable for an id', () => {
    // Reference value from Python's uuid.uuid5(uuid.NAMESPACE_URL, 'http://python.org/').
    expect(uuidV5('http://python.org/')).toBe('4c565f0d-3f5a-5890-b41b-20cf47701c5e');
    const service = serviceOf(exportPage([permanence]), 'permanence-marcinelle');
    expect(service.id).toBe('ee43ff63-2225-5e4a-9c03-3f59e09502be'); // uuid5(URL, 'passerelle:service:permanence-marcinelle')
    expect(serviceOf(exportPage([training, permanence]), 'permanence-marcinelle').id).toBe(service.id);
  });

  it('links the nested objects by their ids', () => {
    const page = exportPage([permanence, training, event]);
    const taxonomies = new Map<string, string[]>();
    const ids = page.contents.map((s) => s.id);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(ids.length);
    // The loops below have something to check: a location and a schedule per service, and
    // phones and languages in the page.
    expect(page.contents.flatMap((s) => s.phones).length).toBeGreaterThan(0);
    expect(page.contents.flatMap((s) => s.languages).length).toBeGreaterThan(0);
    for (const s of page.contents) {
      expect(s.service_at_locations.length, s.name).toBeGreaterThan(0);
      expect(s.schedules.length, s.name).toBeGreaterThan(0);
      expect(s.organization_id).toBe(s.organization.id);
      for (const sal of s.service_at_locations) {
        expect(sal.service_id).toBe(s.id);
        expect(sal.location_id).toBe(sal.location.id);
        expect(sal.location.organization_id).toBe(s.organization.id);
        expect(sal.location.addresses.length, s.name).toBeGreaterThan(0);
        for (const a of sal.location.addresses) expect(a.location_id).toBe(sal.location.id);
      }
      for (const a of s.attributes) {
        expect(a.link_id).toBe(s.id);
        expect(a.taxonomy_term_id).toBe(a.taxonomy_term.id);
        taxonomies.set(a.taxonomy_term.taxonomy, [...(taxonomies.get(a.taxonomy_term.taxonomy) ?? []), a.taxonomy_term.taxonomy_id]);
      }
      for (const x of [...s.schedules, ...s.phones, ...s.languages]) expect(x.service_id).toBe(s.id);
    }
    // One taxonomy id per vocabulary, whatever the service.
    expect(taxonomies.size).toBe(6);
    for (const list of taxonomies.values()) expect(new Set(list).size).toBe(1);
    // Same organisation name, same organization; its website comes from the listing that has one.
    const charleroi = [serviceOf(page, 'permanence-marcinelle'), serviceOf(page, 'formation-smartphone')].map((s) => s.organization);
    expect(charleroi[0]).toEqual(charleroi[1]);
    expect(charleroi[0]!.website).toBe('https://www.charleroi.be');
    expect(serviceOf(page, 'journee-portes-ouvertes').organization.id).not.toBe(charleroi[0]!.id);
  });

  it('maps the listing: page URL, address in Belgium, contacts, languages, vocabularies as taxonomy terms', () => {
    const s = serviceOf(exportPage([training]), 'formation-smartphone');
    expect(s).toMatchObject({
      name: 'Apprivoiser son smartphone',
      url: 'https://passerelle.example/annuaire/formation-smartphone',
      email: 'contact@exemple.be',
      status: 'active',
      fees_description: 'Gratuit',
      eligibility_description: 'Tout public',
      application_process: 'Sans rendez-vous. Se présenter.',
      assured_date: '2026-11-20',
      last_modified: '2026-11-19T23:00:00.000Z', // midnight in Brussels
    });
    expect(s.description.startsWith(permanence.summary)).toBe(true);
    expect(s.phones.map((p) => p.number)).toEqual(['071 12 34 56']);
    expect(s.languages.map((l) => [l.code, l.name])).toEqual([
      ['fr', 'Français'],
      ['ar', 'Arabe'],
    ]);
    const location = s.service_at_locations[0]!.location;
    expect(location).toMatchObject({ location_type: 'physical', latitude: 50.3889, longitude: 4.4335 });
    expect(location.addresses[0]).toMatchObject({
      address_1: 'Avenue Eugène Mascaux 100',
      city: 'Marcinelle',
      region: 'Charleroi',
      state_province: 'Hainaut',
      postal_code: '6001',
      country: 'BE',
      address_type: 'physical',
    });
    expect(location.accessibility.map((a) => a.description)).toEqual(['Accessible en fauteuil roulant']);
    const terms = s.attributes.map((a) => `${a.link_type}:${a.taxonomy_term.code}:${a.taxonomy_term.name}`);
    expect(terms).toEqual([
      'kind:formation:Formation',
      'service:aide-demarches-administratives:Aide aux démarches administratives',
      'audience:tout-public:Tout public',
      'access_mode:se-presenter:Se présenter',
      'cost:gratuit:Gratuit',
      'appointment:sans:Sans rendez-vous',
    ]);
  });

  it('turns opening hours into weekly schedule rows, in Brussels local time, with the hours text', () => {
    const page = exportPage([permanence, weekdays, training]);
    const rows = (id: string) => serviceOf(page, id).schedules.map((r) => [r.byday, r.opens_at, r.closes_at, r.freq]);
    expect(rows('permanence-marcinelle')).toEqual([
      ['TU', '09:00', '12:00', 'WEEKLY'],
      ['TH', '13:30', '16:00', 'WEEKLY'],
    ]);
    expect(rows('epn-semaine')).toEqual([
      ['MO,TU,WE,TH,FR', '09:00', '12:00', 'WEEKLY'],
      ['WE', '14:00', '17:00', 'WEEKLY'],
    ]);
    const first = serviceOf(page, 'permanence-marcinelle').schedules[0]!;
    expect(first.description).toBe('Le mardi : 9\u00a0h à 12\u00a0h.');
    expect(first.notes).toContain('« Tu 09:00-12:00; Th 13:30-16:00; PH off »');
    expect(first.notes).toContain('Europe/Brussels');
    expect(first.notes).toContain('Fermé les jours fériés.');
    expect(serviceOf(page, 'epn-semaine').schedules[0]!.description).toBe('Le lundi, mardi, mercredi, jeudi et vendredi : 9\u00a0h à 12\u00a0h.');
  });

  it('bounds the schedules of trainings and events by their period', () => {
    const page = exportPage([training, event]);
    expect(serviceOf(page, 'formation-smartphone').schedules).toMatchObject([
      { byday: 'TU', opens_at: '09:00', closes_at: '12:00', valid_from: '2027-03-16', valid_to: '2027-03-30', dtstart: '2027-03-16' },
    ]);
    expect(serviceOf(page, 'journee-portes-ouvertes').schedules).toMatchObject([
      { valid_from: '2027-05-08', valid_to: '2027-05-09', dtstart: '2027-05-08', description: 'Du 8 mai 2027 au 9 mai 2027' },
    ]);
  });

  it('skips archived initiatives', () => {
    const page = exportPage([permanence, archived]);
    expect(page.total_items).toBe(1);
    expect(page.contents.map((s) => s.url)).toEqual(['https://passerelle.example/annuaire/permanence-marcinelle']);
  });

  it('gives the same bytes for the same input, whatever its order', () => {
    const first = hsdsExporter.export([permanence, training, event], context);
    expect(hsdsExporter.export([event, training, permanence], context)).toBe(first);
    expect(hsdsExporter.export([permanence, training, event], context)).toBe(first);
  });

  it('never writes the submission reference nor anything of the submitter', () => {
    const submitted = initiative({ id: 'proposee-par-le-public', source: { origin: 'moderation', submission: 'sub_SECRET' } });
    const text = hsdsExporter.export([submitted, training], context);
    expect(text).not.toContain('sub_SECRET');
    expect(text).not.toContain('moderation');
  });
});
