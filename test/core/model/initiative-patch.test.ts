// Field-by-field changes to a listing: a patch names only what changes, objects change key
// by key, `null` removes, lists compare as sets, and merging never drops an untouched field.
import { describe, expect, it } from 'vitest';
import { addressChanged, applyPatch, diffPatch } from '../../../core/model/initiative-patch.ts';

const base = {
  name: 'EPN',
  services: ['a', 'b'],
  support: ['langues-etrangeres-autres'],
  address: { street: 'Rue 1', postcode: '6001', locality: 'Marcinelle', commune: 'charleroi' },
  geo: { lat: 50.39, lng: 4.43 },
  contact: { phone: '071 00 00 00', email: 'a@b.be' },
  extra: { network_member_id: 'R-1' },
};

describe('patches', () => {
  it('round-trips: applying the diff gives the new version', () => {
    const after = { ...base, name: 'EPN de Marcinelle', contact: { email: 'c@d.be' }, services: ['b', 'a', 'c'] };
    const patch = diffPatch(base, after);
    expect(patch).toEqual({ name: 'EPN de Marcinelle', contact: { phone: null, email: 'c@d.be' }, services: ['b', 'a', 'c'] });
    expect(applyPatch(base, patch)).toEqual(after);
  });

  it('keeps what it does not name, and removes with null', () => {
    const merged = applyPatch(base, { contact: { phone: '071 11 11 11' }, extra: null });
    expect(merged).toEqual({ ...base, contact: { phone: '071 11 11 11', email: 'a@b.be' }, extra: undefined });
    expect('extra' in merged).toBe(false);
    expect(merged.support).toEqual(['langues-etrangeres-autres']);
  });

  it('drops an object left empty', () => {
    expect('contact' in applyPatch(base, { contact: { phone: null, email: null } })).toBe(false);
  });

  it('knows when the address moved', () => {
    expect(addressChanged(base, applyPatch(base, { contact: { phone: 'x' } }))).toBe(false);
    expect(addressChanged(base, applyPatch(base, { address: { street: 'Rue 2' } }))).toBe(true);
  });
});
