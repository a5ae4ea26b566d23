import { describe, expect, it } from 'vitest';
import { isSlug, slugify, uniqueSlug } from '../../../core/model/slug.ts';

describe('slugify', () => {
  it.each([
    ['Permanence « aide numérique » de Marcinelle', 'permanence-aide-numerique-de-marcinelle'],
    ["L'Espace Public Numérique d'Écaussinnes", 'l-espace-public-numerique-d-ecaussinnes'],
    ['Café numérique 💻 du jeudi 🎉', 'cafe-numerique-du-jeudi'],
    ['Œuvre des Sœurs — Gilly', 'oeuvre-des-soeurs-gilly'],
    ['  --Montignies-sur-Sambre--  ', 'montignies-sur-sambre'],
    ['../../etc/passwd', 'etc-passwd'],
    ['%2e%2e%2fsecret', '2e-2e-2fsecret'],
    ['nul\u0000byte', 'nul-byte'],
    ['🎉', 'initiative-sans-nom'],
    ['ab', 'initiative-ab'],
  ])('%j → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
    expect(isSlug(slugify(name))).toBe(true);
  });

  it('keeps very long names within 80 characters, without a trailing hyphen', () => {
    const slug = slugify('Très long nom '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(isSlug(slug)).toBe(true);
  });

  it('adds a number when the slug is taken', () => {
    const taken = new Set(['epn-gilly', 'epn-gilly-2']);
    expect(uniqueSlug('EPN Gilly', (s) => taken.has(s))).toBe('epn-gilly-3');
    const long = uniqueSlug('x'.repeat(200), (s) => s === 'x'.repeat(80));
    expect(long).toBe(`${'x'.repeat(78)}-2`);
    expect(() => uniqueSlug('EPN Gilly', () => true)).toThrow(/EPN Gilly/);
  });

  it('refuses what is not a slug', () => {
    for (const bad of ['', 'ab', 'A-b-c', 'a--b', '-abc', 'abc-', 'a/b/c', '../abc', 'a'.repeat(81)]) expect(isSlug(bad)).toBe(false);
  });
});
