// A listing temporarily closed (set by partners and moderators through the form): its page
// gets the sentence to show, search gets the closure and no open slot while it lasts, and
// a listing without hours says « à confirmer, appelez avant de venir ».
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { initiativeDocument, SLOT_MS } from '../../api/search/documents.ts';
import { readInitiativeFile } from '../../core/model/index.ts';
import { closureView, toView } from '../../site/directory/view-model.ts';
import { fixtureModel } from '../helpers/content.ts';

const model = fixtureModel();
const listing = readInitiativeFile(model, path.join(model.paths.initiatives, 'permanence-marcinelle.yml'));
const now = new Date('2026-03-03T10:00:00+01:00'); // a Tuesday, 10 h: open by its hours

describe('temporarily closed', () => {
  it('says it on the page until the last day, then no more', () => {
    const closure = { reason: 'Travaux dans le bâtiment', until: '2026-03-15' };
    expect(toView(model, { ...listing, closure }, now).closure).toEqual({
      ...closure,
      text: "Fermé temporairement jusqu'au 15 mars 2026 inclus : Travaux dans le bâtiment.",
    });
    expect(closureView({ reason: 'Congé de maladie.' }, now)?.text).toBe('Fermé temporairement : Congé de maladie.');
    expect(closureView(closure, new Date('2026-03-16T09:00:00+01:00'))).toBeUndefined();
  });

  it('is never open now in search while it lasts', () => {
    const open = initiativeDocument(model, listing, now);
    const closed = initiativeDocument(model, { ...listing, closure: { reason: 'Travaux', until: '2026-03-05' } }, now);
    const slot = Math.floor(now.getTime() / SLOT_MS);
    expect(open.openSlots).toContain(slot);
    expect(closed.openSlots).not.toContain(slot);
    // Open again from the day after the closure's last day.
    expect(closed.openSlots.length).toBeGreaterThan(0);
    expect(Math.min(...closed.openSlots) * SLOT_MS).toBeGreaterThanOrEqual(new Date('2026-03-06T00:00:00+01:00').getTime());
    expect(closed.closure).toEqual({ reason: 'Travaux', until: '2026-03-05' });
    expect(open.closure).toBeNull();
  });

  it('says « à confirmer » when the hours are not known', () => {
    const { hours: _h, ...unknown } = listing;
    expect(toView(model, { ...unknown, contact: { phone: '071 12 34 56' } }, now).hoursUnknownText).toBe('Horaires : à confirmer, appelez avant de venir.');
    expect(toView(model, listing, now).hoursUnknownText).toBeUndefined();
  });
});
