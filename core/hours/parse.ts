// Opening hours in OpenStreetMap `opening_hours` syntax: reading a value with the
// opening_hours library (Belgian public holidays for `PH`), and checking one.
import '../model/timezone.ts';
import OpeningHours from 'opening_hours';

// Belgian public holidays (Wallonia) for `PH` rules.
const BELGIUM = { lat: 50.41, lon: 4.44, address: { country_code: 'be', state: 'Wallonie' } };

export function parseHours(value: string): OpeningHours {
  return new OpeningHours(value, BELGIUM);
}

/** The rules alone, without holidays: what a typical week looks like. */
export function parseRulesOnly(value: string): OpeningHours {
  return new OpeningHours(value, null);
}

// The parser takes ~1 ms per value and many places share the same hours: remember verdicts.
const verdicts = new Map<string, string | null>();

/** `null` when valid; otherwise the library's reason, on one line. */
export function hoursError(value: string): string | null {
  const known = verdicts.get(value);
  if (known !== undefined) return known;
  let verdict: string | null = null;
  try {
    const oh = parseHours(value);
    // The library silently "corrects" some French input (e.g. "mardi 9h-12h"): refuse it and
    // show the canonical form, so the file says exactly what every tool will read.
    const pretty = oh.prettifyValue();
    if (oh.getWarnings().length && pretty !== value) verdict = `écrivez plutôt « ${pretty} » (syntaxe opening_hours en anglais).`;
  } catch (e) {
    verdict = String(e instanceof Error ? e.message : e)
      .replace(/\s+/g, ' ')
      .trim();
  }
  if (verdicts.size > 5000) verdicts.clear();
  verdicts.set(value, verdict);
  return verdict;
}
