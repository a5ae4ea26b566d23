// Opening hours written the way Belgian associations write them, understood into the
// structure, its OSM value (checked by the opening_hours library, the one every tool
// reads) and its French reading; and what is refused, with the sentence that says what to
// write instead. The phrasings come from association leaflets, posters and e-mails.
import { describe, expect, it } from 'vitest';
import { readOpeningHours, toOpeningHours, understandDayRanges, understandHours } from '../../../core/hours/french-input.ts';
import { hoursError, hoursNotes } from '../../../core/hours/index.ts';

const plain = (s: string) => s.replace(/\u00a0/g, ' ');

function understood(text: string) {
  const result = understandHours(text);
  if (!result.ok) throw new Error(`refused « ${text} »: ${result.message}`);
  return { ...result, reading: plain(result.reading) };
}

function refusal(text: string): string {
  const result = understandHours(text);
  if (result.ok) throw new Error(`« ${text} » was understood as ${result.hours}`);
  return plain(result.message);
}

const PHRASINGS: [string, string][] = [
  ['du lundi au vendredi de 9h à 12h et de 13h30 à 16h', 'Mo-Fr 09:00-12:00,13:30-16:00; PH off'],
  ['mardi 9h-12h', 'Tu 09:00-12:00; PH off'],
  ['le 1er mercredi du mois de 14h à 16h', 'We[1] 14:00-16:00; PH off'],
  ['lu-ve 9h-17h', 'Mo-Fr 09:00-17:00; PH off'],
  ['tous les jours sauf le dimanche de 9h à 17h', 'Mo-Sa 09:00-17:00; PH off'],
  ['lundi de 14 à 17h', 'Mo 14:00-17:00; PH off'],
  ['le mercredi 9h30-11h', 'We 09:30-11:00; PH off'],
  ['Lundi, mercredi et vendredi de 9h à 12h', 'Mo,We,Fr 09:00-12:00; PH off'],
  ['mardi et jeudi 13h30-16h', 'Tu,Th 13:30-16:00; PH off'],
  ['Lundi : 9h-12h / Mercredi : 14h-16h', 'Mo 09:00-12:00; We 14:00-16:00; PH off'],
  ['lundi 9h-12h, mardi 13h-16h', 'Mo 09:00-12:00; Tu 13:00-16:00; PH off'],
  ['Du lundi au jeudi : 8h30 - 12h et 13h - 16h30 ; vendredi : 8h30 - 12h', 'Mo-Th 08:30-12:00,13:00-16:30; Fr 08:30-12:00; PH off'],
  ['les mardis de 9h à 12h', 'Tu 09:00-12:00; PH off'],
  ['le mercredi après-midi de 13h à 16h', 'We 13:00-16:00; PH off'],
  ['tous les jours de 8h à 20h', 'Mo-Su 08:00-20:00; PH off'],
  ['7j/7 de 10h à 22h', 'Mo-Su 10:00-22:00; PH off'],
  ['24h/24, 7j/7', '24/7'],
  ['Lundi-Vendredi 9:00-12:00', 'Mo-Fr 09:00-12:00; PH off'],
  ['lun. 9h-12h, jeu. 14h-16h', 'Mo 09:00-12:00; Th 14:00-16:00; PH off'],
  ['de 9h00 à 12h00 le samedi', 'Sa 09:00-12:00; PH off'],
  ['MARDI 9H-12H', 'Tu 09:00-12:00; PH off'],
  ['le vendredi de 9h à midi', 'Fr 09:00-12:00; PH off'],
  ['le jeudi de midi à 14h', 'Th 12:00-14:00; PH off'],
  ['mercredi 9.30-11.30', 'We 09:30-11:30; PH off'],
  ['du mardi au samedi de 10h à 18h, fermé le dimanche et le lundi', 'Tu-Sa 10:00-18:00; PH off'],
  ['tous les jours de 9h à 17h, fermé le lundi', 'Tu-Su 09:00-17:00; PH off'],
  ['en semaine de 9h à 17h', 'Mo-Fr 09:00-17:00; PH off'],
  ['le week-end de 10h à 18h', 'Sa,Su 10:00-18:00; PH off'],
  ['les 1er et 3e mardis du mois de 14h à 16h', 'Tu[1,3] 14:00-16:00; PH off'],
  ['chaque 2e jeudi du mois de 18h à 20h', 'Th[2] 18:00-20:00; PH off'],
  ['le dernier vendredi du mois de 9h à 12h', 'Fr[-1] 09:00-12:00; PH off'],
  ['lundi de 9h à 12h sur rendez-vous', 'Mo 09:00-12:00 "sur rendez-vous"; PH off'],
  ['sur rendez-vous le mercredi de 14h à 16h', 'We 14:00-16:00 "sur rendez-vous"; PH off'],
  ['mardi 9h-12h, fermé en juillet', 'Tu 09:00-12:00; Jul off; PH off'],
  ['du lundi au vendredi de 9h à 16h, fermé en juillet et en août', 'Mo-Fr 09:00-16:00; Jul-Aug off; PH off'],
  ['lundi au vendredi 9h-17h, fermé du 24 décembre au 2 janvier', 'Mo-Fr 09:00-17:00; Dec 24-Jan 02 off; PH off'],
  ['lundi 9h-12h, fermé du 1er au 15 août', 'Mo 09:00-12:00; Aug 01-Aug 15 off; PH off'],
  ['ouvert les jours fériés, samedi 10h-12h', 'Sa 10:00-12:00'],
  ['mercredi 14h-16h, fermé les jours fériés', 'We 14:00-16:00; PH off'],
  ['de 9h à 12h et de 13h à 17h du lundi au vendredi', 'Mo-Fr 09:00-12:00,13:00-17:00; PH off'],
  ['le mardi de 9h à 12h et le 1er mercredi du mois de 14h à 16h', 'Tu 09:00-12:00; We[1] 14:00-16:00; PH off'],
  ['Permanence le mardi de 9 heures à 12 heures', 'Tu 09:00-12:00; PH off'],
  ['Lundi : 9h - 12h / 13h - 16h', 'Mo 09:00-12:00,13:00-16:00; PH off'],
  ['tous les jours sauf samedi et dimanche de 10h à 16h', 'Mo-Fr 10:00-16:00; PH off'],
  ['mardi de 9h à 12h; mardi de 14h à 16h', 'Tu 09:00-12:00,14:00-16:00; PH off'],
  ['me 14h-16h', 'We 14:00-16:00; PH off'],
  ['Accueil du lundi au vendredi de 8h30 à 12h, le mercredi aussi de 13h à 16h', 'Mo,Tu,Th,Fr 08:30-12:00; We 08:30-12:00,13:00-16:00; PH off'],
  ['Mo-Fr 09:00-12:00; PH off', 'Mo-Fr 09:00-12:00; PH off'],
  ['Tu 09:00-12:00; Th 13:30-16:00; PH off', 'Tu 09:00-12:00; Th 13:30-16:00; PH off'],
];

describe('French opening hours understood', () => {
  it.each(PHRASINGS)('« %s » → %s', (text, osm) => {
    const result = understood(text);
    expect(result.hours).toBe(osm);
    // The library every tool reads agrees it is a valid value (no warning, no rewrite).
    expect(hoursError(osm)).toBeNull();
  });

  it('has at least 40 phrasings in its table', () => {
    // (Guards the table above against being trimmed.)
    expect(PHRASINGS.length).toBeGreaterThanOrEqual(40);
  });

  it.each([
    ['du lundi au vendredi de 9h à 12h et de 13h30 à 16h', 'Du lundi au vendredi de 9 h à 12 h et de 13 h 30 à 16 h. Fermé les jours fériés.'],
    ['le mardi de 9h à 12h', 'Le mardi de 9 h à 12 h. Fermé les jours fériés.'],
    ['les 1er et 3e mardis du mois de 14h à 16h', 'Les 1er et 3e mardis du mois de 14 h à 16 h. Fermé les jours fériés.'],
    ['lundi de 9h à 12h sur rendez-vous', 'Le lundi de 9 h à 12 h. Sur rendez-vous. Fermé les jours fériés.'],
    ['mardi 9h-12h, fermé en juillet', 'Le mardi de 9 h à 12 h. Fermé les jours fériés. Fermé en juillet.'],
    ['lundi 9h-12h, fermé du 1er au 15 août', 'Le lundi de 9 h à 12 h. Fermé les jours fériés. Fermé du 1er au 15 août.'],
    ['Lundi, mercredi et vendredi de 9h à 12h', 'Le lundi, le mercredi et le vendredi de 9 h à 12 h. Fermé les jours fériés.'],
    ['24h/24, 7j/7', 'Ouvert tous les jours, 24 heures sur 24.'],
    ['sur rendez-vous', 'Uniquement sur rendez-vous : appelez pour fixer un moment.'],
    ['à confirmer', 'Horaires : à confirmer, appelez avant de venir.'],
  ])('says « %s » back as « %s »', (text, reading) => {
    expect(understood(text).reading).toBe(reading);
  });

  it.each(['', 'à confirmer', 'je ne sais pas encore', 'Horaires à confirmer', '?'])('takes « %s » as hours unknown (allowed)', (text) => {
    const result = understood(text);
    expect(result.hours).toBeNull();
    expect(result.structure.rules).toEqual([]);
    expect(result.reading).toBe('Horaires : à confirmer, appelez avant de venir.');
  });

  it('takes « sur rendez-vous » alone as appointment only, with no opening time', () => {
    const result = understood('uniquement sur rendez-vous');
    expect(result).toMatchObject({ hours: null, structure: { appointment: true, rules: [] } });
  });
});

describe('French opening hours refused, each with what to write instead', () => {
  it.each([
    ['le jeudi après-midi', /« après-midi » ne dit pas les heures exactes.*« le jeudi de 13 h 30 à 16 h »/],
    ['le samedi matin', /« matin » ne dit pas les heures exactes.*« le samedi de 13 h 30 à 16 h »/],
    ['le lundi en soirée', /« soirée » ne dit pas les heures exactes/],
    ['9h30-11h', /« 9h30-11h » : dites quel jour, par exemple « le mardi de 9 h 30 à 11 h »/],
    ['le 1er mercredi du mois', /à quelle heure \? Ajoutez les heures, par exemple « le 1er mercredi du mois de 14 h à 16 h »/],
    ['tous les jours sauf le dimanche', /à quelle heure \?/],
    ['mardi 9h-12h et jeudi', /« jeudi » : à quelle heure \?/],
    ['fermé en juillet', /Dites aussi quand c'est ouvert/],
    ['un mercredi sur deux de 14h à 16h', /une semaine sur deux ne peut pas être écrite.*« le 1er et le 3e mercredi du mois de 14 h à 16 h »/],
    ['le mercredi de 14h à 16h hors vacances scolaires', /vacances scolaires ne peuvent pas encore être indiquées.*« fermé en juillet et en août »/],
    ['lundi de 9h à 25h', /« 25h » n'est pas une heure qui existe/],
    ['lundi de 12h à 9h', /l'heure de fin doit venir après l'heure de début/],
    ['lundi 9-12', /écrivez les heures avec « h », par exemple « de 9 h à 12 h »/],
    ['lundi 9h', /« 9h » : écrivez l'heure de début et l'heure de fin/],
    ['du 1er septembre au 30 juin, le mardi de 9h à 12h', /selon la saison ne peuvent pas encore être indiqués/],
    ['lundi ou mardi de 9h à 12h', /« ou » : dites exactement quels jours/],
    ['mardi 9h-12h ✓', /Nous ne comprenons pas le signe « ✓ »/],
    ['mardi 9h-12h avec Karim', /Nous ne comprenons pas « avec »/],
    ['fermé le lundi', /Dites aussi quand c'est ouvert/],
  ])('« %s »', (text, message) => {
    expect(refusal(text)).toMatch(message);
  });
});

describe('the editor: one day at a time, and a published value read back', () => {
  it('reads the times of one day field', () => {
    expect(understandDayRanges('9h-12h et 13h30-16h')).toEqual({
      ok: true,
      ranges: [
        { from: '09:00', to: '12:00' },
        { from: '13:30', to: '16:00' },
      ],
    });
    expect(understandDayRanges('')).toEqual({ ok: true, ranges: [] });
    expect(understandDayRanges('fermé')).toEqual({ ok: true, ranges: [] });
    const bad = understandDayRanges('matin');
    expect(bad.ok).toBe(false);
  });

  it('reads back the values Passerelle writes, and leaves others alone', () => {
    for (const value of [
      'Tu 09:00-12:00; Th 13:30-16:00; PH off',
      'Mo,Tu,Th 13:00-17:00; We 09:00-12:00; PH off',
      'We[1] 14:00-16:00',
      'Mo-Fr 09:00-12:00; Jul off; PH off',
    ]) {
      const structure = readOpeningHours(value);
      expect(structure, value).not.toBeNull();
      expect(toOpeningHours(structure!)).toBe(value);
    }
    // An OSM override (Wednesday shorter) is not the French « and »: kept as it is.
    expect(readOpeningHours('Mo-Fr 09:00-17:00; We 09:00-12:00')).toBeNull();
    expect(readOpeningHours('Mo-Fr 09:00-12:00 "fermé pendant les travaux"')).toBeNull();
  });
});

describe('notes beside a listing’s weekly table', () => {
  it('say what a typical week cannot show, exactly', () => {
    expect(hoursNotes('Tu 09:00-12:00; We[1] 14:00-16:00 "sur rendez-vous"; Jul off; PH off').map(plain)).toEqual([
      'Le 1er mercredi du mois de 14 h à 16 h.',
      'Sur rendez-vous : appelez avant de venir.',
      'Fermé les jours fériés.',
      'Fermé en juillet.',
    ]);
  });
});
