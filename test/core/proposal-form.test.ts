// The proposal form's fields: a listing opens pre-filled, a correction sends only what
// changed (nothing dropped, lists compared as sets), the weekly editor's fields become the
// French text the server understands and come back from a published value, and every API
// error lands on a field that exists, named by its French label.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { understandHours } from '../../core/hours/french-input.ts';
import { readInitiativeFile } from '../../core/model/index.ts';
import { applyPatch, diffPatch, patchPaths } from '../../core/model/initiative-patch.ts';
import {
  composeHoursText,
  FIELD_LABELS,
  formFieldFor,
  formToSubmission,
  formValuesOf,
  hoursFormValues,
  labelOfField,
  NEW_PROPOSAL_VALUES,
  targetFromInput,
} from '../../core/proposal-form.ts';
import { fixtureModel } from '../helpers/content.ts';

const model = fixtureModel();
const listing = readInitiativeFile(model, path.join(model.paths.initiatives, 'permanence-marcinelle.yml'));
const withSupport = { ...listing, support: ['langues-etrangeres-autres'], extra: { network_member_id: 'R-12' } };
const { id: _id, source: _s, updated: _u, status: _st, ...fields } = withSupport;

describe('a correction from a listing', () => {
  it('sends nothing when nothing changed, even for fields the form does not show', () => {
    const base = formValuesOf(fields);
    expect(formToSubmission({ ...base, type: 'update', targetId: 'permanence-marcinelle' }, { base }).initiative).toEqual({});
  });

  it('sends only the phone when only the phone changed; merging keeps every other field', () => {
    const base = formValuesOf(fields);
    const sent = formToSubmission({ ...base, type: 'update', contact_phone: '071 86 00 00' }, { base });
    expect(sent.initiative).toEqual({ contact: { phone: '071 86 00 00' } });
    const merged = applyPatch(fields, sent.initiative as Record<string, unknown>);
    expect(merged).toEqual({ ...fields, contact: { phone: '071 86 00 00' } });
    expect(merged.support).toEqual(['langues-etrangeres-autres']);
    expect(merged.geo).toEqual(fields.geo);
  });

  it('sends an emptied field as null, and a new hours text when a day changed', () => {
    const base = formValuesOf(fields);
    const sent = formToSubmission({ ...base, type: 'update', organisation_website: '', hours_fr: '9h-11h' }, { base });
    const initiative = sent.initiative as Record<string, unknown>;
    expect(initiative.organisation).toEqual({ website: null });
    const hours = understandHours(String(initiative.hoursText));
    expect(hours.ok && hours.hours).toBe('Tu 09:00-12:00; Th 13:30-16:00; Fr 09:00-11:00; PH off');
    expect(patchPaths(initiative)).toEqual(['organisation.website', 'hoursText']);
  });

  it('leaves the commune to the server when the form did not ask it', () => {
    const base = formValuesOf(fields);
    const { address_commune: _c, ...shown } = base;
    expect(formToSubmission({ ...shown, type: 'update', address_postcode: '6000' }, { base }).initiative).toEqual({ address: { postcode: '6000' } });
  });

  it('sees no change in a reordered list', () => {
    expect(diffPatch({ languages: ['fr', 'ar'] }, { languages: ['ar', 'fr'] })).toEqual({});
    expect(diffPatch({ languages: ['fr', 'ar'] }, { languages: ['fr'] })).toEqual({ languages: ['fr'] });
  });

  it('reads the listing from a pasted address or its identifier', () => {
    expect(targetFromInput('https://passerelle.charleroi.be/annuaire/epn-de-fleurus')).toBe('epn-de-fleurus');
    expect(targetFromInput(' epn-de-fleurus ')).toBe('epn-de-fleurus');
    expect(targetFromInput('EPN de Fleurus')).toBe('EPN de Fleurus');
  });
});

describe('the weekly hours editor', () => {
  it('opens a published value day by day, and says the same thing back', () => {
    const values = hoursFormValues('Tu 09:00-12:00; Th 13:30-16:00; PH off');
    expect(values).toEqual({ hours_tu: 'de 9 h à 12 h', hours_th: 'de 13 h 30 à 16 h', hours_holidays: 'on' });
    const again = understandHours(composeHoursText(values));
    expect(again.ok && again.hours).toBe('Tu 09:00-12:00; Th 13:30-16:00; PH off');
  });

  it('keeps monthly days and closures on the free line', () => {
    expect(hoursFormValues('We[1] 14:00-16:00; Jul off; PH off')).toEqual({
      hours_more: 'le 1er mercredi du mois de 14 h à 16 h ; fermé en juillet',
      hours_holidays: 'on',
    });
    // What the editor cannot show stays as it is.
    expect(hoursFormValues('Mo-Fr 09:00-17:00; We 09:00-12:00')).toEqual({ hours_more: 'Mo-Fr 09:00-17:00; We 09:00-12:00' });
  });

  it('gives nothing when no day and no line is filled (hours unknown)', () => {
    expect(composeHoursText(NEW_PROPOSAL_VALUES)).toBe('');
    expect(composeHoursText({ hours_tu: '9h-12h', hours_holidays: 'on' })).toBe('mardi 9h-12h ; fermé les jours fériés');
    expect(composeHoursText({ hours_appointment: 'on' })).toBe('sur rendez-vous ; ouvert les jours fériés');
  });
});

describe('errors on fields that exist, named in French', () => {
  it.each([
    ['initiative.address.street', 'address_street'],
    ['initiative.services.3', 'services'],
    ['initiative.period', 'period_start'],
    ['initiative.hoursText', 'hours'],
    ['initiative.hours', 'hours'],
    ['initiative.geo', 'address_postcode'],
    ['initiative.contact', 'contact_phone'],
    ['edits.address.commune', 'address_commune'],
    ['submitter.email', 'submitter_email'],
    ['targetId', 'targetId'],
  ])('%s → %s', (apiPath, field) => {
    expect(formFieldFor(apiPath)).toBe(field);
    expect(FIELD_LABELS[field]).toBeTruthy();
  });

  it('never names a field by its code', () => {
    expect(labelOfField('contact_website')).toBe("Page web de l'initiative");
    expect(labelOfField('languages')).toBe('Langues parlées');
    expect(labelOfField('initiative.address.postcode')).toBe('Code postal');
  });
});
