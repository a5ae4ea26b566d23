// The City's figures file: read as written, a figure not yet given stays empty, and a
// mistake names the file, the field and what to write instead.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatHours, formatMonthOrDate, formatPercent } from '../../../core/format-fr.ts';
import { loadCityFigures } from '../../../core/reach/city-figures.ts';
import { median } from '../../../core/reach/indicators.ts';
import { tempDir } from '../../helpers/content.ts';

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(text: string): string {
  dir = tempDir();
  fs.mkdirSync(path.join(dir, 'plan'));
  fs.writeFileSync(path.join(dir, 'plan', 'chiffres-ville.yml'), text);
  return dir;
}

const GOOD = `figures:
  - id: aidants-formes
    label: Aidants numériques formés
    unit: personnes
    value:
    goal: 150 à 200 personnes
    source: { title: Plan, url: https://www.charleroi.be/plan }
    date: "2021-06"
`;

describe('the City’s figures', () => {
  it('reads them, an empty value as not given yet', () => {
    expect(loadCityFigures(write(GOOD))).toEqual([
      {
        id: 'aidants-formes',
        label: 'Aidants numériques formés',
        unit: 'personnes',
        value: null,
        goal: '150 à 200 personnes',
        source: { title: 'Plan', url: 'https://www.charleroi.be/plan' },
        date: '2021-06',
      },
    ]);
  });

  it('has none when the file is absent', () => {
    dir = tempDir();
    expect(loadCityFigures(dir)).toEqual([]);
  });

  it('names the file and the field of a mistake', () => {
    expect(() => loadCityFigures(write(GOOD.replace('"2021-06"', 'juin 2021')))).toThrow(
      /chiffres-ville\.yml: `figures\.0\.date`: une date AAAA-MM ou AAAA-MM-JJ/,
    );
    expect(() => loadCityFigures(write(GOOD.replace('value:', 'value: beaucoup')))).toThrow(/`figures\.0\.value`/);
    expect(() => loadCityFigures(write(GOOD.replace('https://www.charleroi.be/plan', 'javascript:alert(1)')))).toThrow(/`figures\.0\.source\.url`/);
    expect(() => loadCityFigures(write(`${GOOD}    invente: 12\n`))).toThrow(/invente/);
  });

  it('is the one real content file, valid', () => {
    const content = path.resolve(import.meta.dirname, '../../../content');
    const figures = loadCityFigures(content);
    expect(figures.map((f) => f.id)).toEqual(['aidants-formes', 'budget-wifi-utilise']);
    // Nothing invented: the City has not given these figures yet.
    expect(figures.every((f) => f.value === null && f.source.url?.startsWith('https://'))).toBe(true);
  });
});

describe('the dashboard’s wording of numbers', () => {
  it('takes the median of odd and even counts, none of nothing', () => {
    expect([median([]), median([5]), median([9, 1, 5]), median([1, 2, 3, 10])]).toEqual([null, 5, 5, 2.5]);
  });

  it('says durations, shares and months in French', () => {
    expect([formatHours(0.2), formatHours(1), formatHours(5.4), formatHours(72)]).toEqual([
      'moins d’une heure',
      '1\u00a0heure',
      '5\u00a0heures',
      '3\u00a0jours',
    ]);
    expect(formatPercent(74.5)).toBe('74,5\u00a0%');
    expect(formatMonthOrDate('2021-06')).toBe('juin 2021');
    expect(formatMonthOrDate('2021-06-14')).toBe('14 juin 2021');
  });
});
