// Opening hours as Belgian associations write them (« du lundi au vendredi de 9h à 12h et
// de 13h30 à 16h », « mardi 9h-12h », « le 1er mercredi du mois de 14h à 16h », « fermé en
// juillet ») understood into the weekly structure of format.ts, and that structure written
// as an OpenStreetMap `opening_hours` value. What is ambiguous (« le jeudi après-midi », a
// time without a day) or cannot be written (school holidays, « un mercredi sur deux ») is
// refused with a French sentence saying what to write instead. The same reader takes the
// OSM values Passerelle writes (« Tu 09:00-12:00; PH off »), so a published listing opens
// in the editor. Pure (no library): the browser's form imports it too; the server checks
// the result with the opening_hours library (hoursError).
import {
  type ClosedPeriod,
  formatRanges,
  formatRule,
  formatWeeklyHours,
  type MonthDay,
  type TimeRange,
  WEEKDAYS_FR,
  type WeeklyHours,
  type WeeklyRule,
} from './format.ts';

export type HoursUnderstanding =
  | {
      ok: true;
      structure: WeeklyHours;
      /** The OSM value, or null when no opening time is given (hours unknown, or appointment only). */
      hours: string | null;
      /** The structure said back in French, for confirmation. */
      reading: string;
    }
  | { ok: false; message: string };

export interface UnderstandOptions {
  /** Whether public holidays are closed when the text does not say (default true, as the editor). */
  holidaysClosed?: boolean;
}

const EXAMPLE = 'par exemple : « du lundi au vendredi de 9 h à 12 h et de 13 h 30 à 16 h »';

// ---- Tokens ----

type Token =
  | { t: 'time'; minutes: number; explicit: boolean; raw: string }
  | { t: 'num'; n: number; raw: string }
  | { t: 'ord'; n: number; raw: string }
  | { t: 'day'; days: number[]; raw: string }
  | { t: 'month'; m: number; raw: string }
  | { t: 'word'; w: string; raw: string }
  | { t: 'sep'; s: string; raw: string };

const DAY_WORDS: Record<string, number> = {
  lundi: 0,
  lundis: 0,
  lun: 0,
  mardi: 1,
  mardis: 1,
  mar: 1,
  mercredi: 2,
  mercredis: 2,
  mer: 2,
  jeudi: 3,
  jeudis: 3,
  jeu: 3,
  vendredi: 4,
  vendredis: 4,
  ven: 4,
  samedi: 5,
  samedis: 5,
  sam: 5,
  dimanche: 6,
  dimanches: 6,
  dim: 6,
};
/** Two-letter French abbreviations: days only next to another day or a time (« lu-ve », « me 14h-16h »), since « je », « sa » or « ma » are words too. */
const SHORT_DAYS: Record<string, number> = { lu: 0, ma: 1, me: 2, je: 3, ve: 4, sa: 5, di: 6 };
const OSM_DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
const MONTH_WORDS: Record<string, number> = {
  janvier: 1,
  janv: 1,
  fevrier: 2,
  fevr: 2,
  fev: 2,
  mars: 3,
  avril: 4,
  avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  juil: 7,
  aout: 8,
  septembre: 9,
  sept: 9,
  octobre: 10,
  oct: 10,
  novembre: 11,
  nov: 11,
  decembre: 12,
  dec: 12,
};
const OSM_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const ORDINAL_WORDS: Record<string, number> = {
  premier: 1,
  premiere: 1,
  deuxieme: 2,
  second: 2,
  seconde: 2,
  troisieme: 3,
  quatrieme: 4,
  cinquieme: 5,
  dernier: -1,
  derniere: -1,
};

/** Words that carry no meaning here (« le », « de », « ouvert »…). */
const FILLERS = new Set([
  'le',
  'la',
  'les',
  'l',
  'd',
  'des',
  'et',
  'on',
  'est',
  'sont',
  'nous',
  'sommes',
  'ouvert',
  'ouverte',
  'ouverts',
  'ouvertes',
  'ouverture',
  'chaque',
  'tous',
  'toutes',
  'tout',
  'heures',
  'heure',
  'horaire',
  'horaires',
  'h',
  'uniquement',
  'seulement',
  'aussi',
  'egalement',
  'par',
  'pour',
  'accueil',
  'permanence',
  'permanences',
  'journee',
  'continue',
  'sans',
  'interruption',
  'non',
  'stop',
  'nonstop',
  'y',
  'compris',
  'inclus',
  'pendant',
  'entre',
  'partir',
  'et',
  'ainsi',
  'que',
  'mais',
  'aux',
  'en',
  'du',
  'de',
  'a',
  'au',
  'jusqu',
  'jusque',
  'des',
  'dès',
  'sur',
  'mois',
  'semaine',
  'annuelle',
]);
/** Words that mean the hours are not known yet. */
const UNKNOWN_WORDS = new Set(['confirmer', 'inconnu', 'inconnus', 'inconnue', 'inconnues', 'sais', 'definir', 'preciser', 'communiquer']);
const VAGUE_WORDS: Record<string, string> = { matin: 'matin', matins: 'matin', apresmidi: 'après-midi', soir: 'soir', soirs: 'soir', soiree: 'soirée' };
const CLOSED_WORDS = new Set(['ferme', 'fermee', 'fermes', 'fermees', 'fermeture', 'fermetures', 'off', 'conge', 'conges']);
const EXCEPT_WORDS = new Set(['sauf', 'excepte', 'hors']);

/** Lowercase, accents removed, one character for one character (positions stay those of the text). */
function fold(text: string): string {
  let out = '';
  for (const c of text) {
    const f = c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    out += f.length === c.length ? f : c.toLowerCase().length === c.length ? c.toLowerCase() : c;
  }
  return out;
}

class Refusal extends Error {}

const SCHOOL_HOLIDAYS = new Refusal(
  'Les vacances scolaires ne peuvent pas encore être indiquées. Écrivez plutôt les mois ou les dates de fermeture, par exemple « fermé en juillet et en août » ou « fermé du 24 décembre au 2 janvier ».',
);

function tokenize(text: string): Token[] {
  const source = text.replace(/[\u00a0\u202f\t\r\n]/g, (c) => (c === '\n' || c === '\r' ? ';' : ' ')).replace(/[–—−‐]/g, '-');
  const low = fold(source).replace(/[’`´]/g, "'");
  const tokens: Token[] = [];
  let i = 0;
  const time = (h: number, m: number, raw: string): Token => {
    if (h > 24 || m > 59 || (h === 24 && m > 0)) throw new Refusal(`« ${raw} » n'est pas une heure qui existe. Écrivez les heures de 0 h à 24 h, ${EXAMPLE}.`);
    return { t: 'time', minutes: h * 60 + m, explicit: true, raw };
  };
  // Patterns tried in order at each position; each makes a token from its match (or none, for what is skipped).
  const patterns: [RegExp, (m: RegExpExecArray, raw: string) => Token | undefined][] = [
    [/^\s+/, () => undefined],
    [/^["'«»“”]/, () => undefined],
    [/^24\s*\/\s*7/, (_, raw) => ({ t: 'word', w: 'always', raw })],
    [/^24\s*(?:h|heures?)?\s*(?:\/|sur)\s*24\s*(?:h|heures)?/, (_, raw) => ({ t: 'word', w: '24/24', raw })],
    [/^7\s*(?:j|jours?)?\s*(?:\/|sur)\s*7\s*(?:j|jours)?(?![a-z0-9])/, (_, raw) => ({ t: 'word', w: 'everyday', raw })],
    [/^(\d{1,2})\s*(?:heures?|h)\s*(\d{2})?(?![\d])(?!\s*(?:\/|sur)\s*\d)/, (m, raw) => time(Number(m[1]), Number(m[2] ?? 0), raw)],
    [/^(\d{1,2})\s*[:.]\s*(\d{2})(?!\d)/, (m, raw) => time(Number(m[1]), Number(m[2]), raw)],
    [/^([1-5])\s*(?:er|ere|re|eme|ieme|e|°)(?![a-z])/, (m, raw) => ({ t: 'ord', n: Number(m[1]), raw })],
    [/^\d{1,4}/, (m, raw) => ({ t: 'num', n: Number(m[0]), raw })],
    [/^midi(?![a-z])/, (_, raw) => ({ t: 'time', minutes: 12 * 60, explicit: true, raw })],
    [/^minuit(?![a-z])/, (_, raw) => ({ t: 'time', minutes: 24 * 60, explicit: true, raw })],
    [/^apres[\s-]*midis?(?![a-z])/, (_, raw) => ({ t: 'word', w: 'apresmidi', raw })],
    [/^(?:rendez[\s-]*vous|rdv)(?![a-z])/, (_, raw) => ({ t: 'word', w: 'rdv', raw })],
    [/^week[\s-]*ends?(?![a-z])/, (_, raw) => ({ t: 'word', w: 'weekend', raw })],
    [/^(?:jours?\s+)?feries?(?![a-z])/, (_, raw) => ({ t: 'word', w: 'feries', raw })],
    [/^(?:vacances|conges)\s+scolaires(?![a-z])/, (_, raw) => ({ t: 'word', w: 'vacsco', raw })],
    [/^(?:du|de|par)\s+(?:chaque\s+)?mois(?![a-z])/, (_, raw) => ({ t: 'word', w: 'dumois', raw })],
    [/^(?:(?:en|les\s+jours\s+de|jours\s+de)\s+semaine|jours\s+ouvrables)(?![a-z])/, (_, raw) => ({ t: 'word', w: 'weekdays', raw })],
    [/^[a-z]+/, (m, raw) => word(m[0], raw)],
    [/^[;,\-/():[\]+&.!?]/, (m, raw) => ({ t: 'sep', s: m[0], raw })],
  ];
  /** A word: an OSM code (case matters: « Mo », « PH », « Jul »), a day, a month, an ordinal or any other word. */
  const word = (w: string, raw: string): Token => {
    const osmDay = OSM_DAYS.indexOf(raw as (typeof OSM_DAYS)[number]);
    const osmMonth = OSM_MONTHS.indexOf(raw as (typeof OSM_MONTHS)[number]);
    if (osmDay >= 0) return { t: 'day', days: [osmDay], raw };
    if (raw === 'PH') return { t: 'word', w: 'feries', raw };
    if (osmMonth >= 0) return { t: 'month', m: osmMonth + 1, raw };
    // « lun. », « sept. »: the abbreviation's dot is part of it.
    const dot = () => {
      if (low[i] === '.') i++;
    };
    if (w in DAY_WORDS) {
      dot();
      return { t: 'day', days: [DAY_WORDS[w] ?? 0], raw };
    }
    if (w in MONTH_WORDS) {
      dot();
      return { t: 'month', m: MONTH_WORDS[w] ?? 1, raw };
    }
    if (w in ORDINAL_WORDS) return { t: 'ord', n: ORDINAL_WORDS[w] ?? 1, raw };
    return { t: 'word', w, raw };
  };
  scan: while (i < low.length) {
    const r = low.slice(i);
    for (const [pattern, make] of patterns) {
      const m = pattern.exec(r);
      if (!m) continue;
      const raw = source.slice(i, i + m[0].length).trim();
      i += m[0].length;
      const token = make(m, raw);
      if (token) tokens.push(token);
      continue scan;
    }
    throw new Refusal(`Nous ne comprenons pas le signe « ${source.charAt(i)} ». Écrivez les jours et les heures en mots, ${EXAMPLE}.`);
  }
  // Two-letter abbreviations are days beside another day or a time (« lu-ve 9h-17h »).
  const dayish = (tok: Token | undefined) => tok?.t === 'day' || (tok?.t === 'word' && tok.w in SHORT_DAYS);
  return tokens.map((tok, n) => {
    if (tok.t !== 'word' || !(tok.w in SHORT_DAYS)) return tok;
    const before = tokens[n - 1];
    const after = tokens[n + 1];
    const joined = (sep: Token | undefined, other: Token | undefined) => sep?.t === 'sep' && ['-', ',', '/'].includes(sep.s) && dayish(other);
    if (joined(after, tokens[n + 2]) || joined(before, tokens[n - 2]) || after?.t === 'time' || after?.t === 'num' || after?.t === 'day')
      return { t: 'day', days: [SHORT_DAYS[tok.w] ?? 0], raw: tok.raw } as Token;
    return tok;
  });
}

// ---- Clauses ----

interface Clause {
  days: Set<number>;
  nth: number[];
  ranges: TimeRange[];
  except: Set<number>;
  closed: boolean;
  /** « 24h/24 » without days: every day. */
  wholeWeek: boolean;
  vague?: string;
  raw: string[];
}

const newClause = (): Clause => ({ days: new Set(), nth: [], ranges: [], except: new Set(), closed: false, wholeWeek: false, raw: [] });
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const quote = (c: Clause) =>
  `« ${c.raw
    .join(' ')
    .replace(/\s+([,.;:])/g, '$1')
    .trim()} »`;
const dayRange = (a: number, b: number): number[] => (a <= b ? Array.from({ length: b - a + 1 }, (_, k) => a + k) : [...dayRange(a, 6), ...dayRange(0, b)]);

class Reader {
  private i = 0;
  private clause = newClause();
  private mode: 'days-first' | 'times-first' | undefined;
  readonly rules: WeeklyRule[] = [];
  readonly closedDays = new Set<number>();
  readonly closures: ClosedPeriod[] = [];
  appointment = false;
  holidays: boolean | undefined;
  unknown = false;
  /** A day given in two weekly rules (additive in French, an override in OSM). */
  overlap = false;
  private readonly weeklyDays = new Set<number>();

  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.i + offset];
  }

  private isWord(tok: Token | undefined, ...words: string[]): boolean {
    return tok?.t === 'word' && words.includes(tok.w);
  }

  private isSep(tok: Token | undefined, ...seps: string[]): boolean {
    return tok?.t === 'sep' && seps.includes(tok.s);
  }

  /** Skips « le », « la », « les », « de »… */
  private skipFillers(...also: string[]): void {
    while (this.peek()?.t === 'word' && (FILLERS.has((this.peek() as { w: string }).w) || also.includes((this.peek() as { w: string }).w))) this.i++;
  }

  private note(tok: Token): void {
    this.clause.raw.push(tok.raw);
  }

  read(): void {
    while (this.i < this.tokens.length) {
      const tok = this.tokens[this.i] as Token;
      if (tok.t === 'sep') {
        this.i++;
        if ([';', '.', '!'].includes(tok.s)) this.finish();
        else if (tok.s === '?') this.unknown = true;
        else if (tok.s === '[') throw new Refusal(`Le crochet « [ » doit suivre un jour, par exemple « We[1] 14:00-16:00 ».`);
        continue;
      }
      if (tok.t === 'day' || this.isWord(tok, 'weekend', 'everyday', 'weekdays') || (this.isWord(tok, 'tous', 'toutes', 'chaque') && this.daysAhead())) {
        this.readDays();
        continue;
      }
      if (tok.t === 'ord' || (tok.t === 'num' && this.peek(1)?.t === 'day')) {
        this.readMonthly();
        continue;
      }
      if (tok.t === 'time' || tok.t === 'num') {
        this.readRange();
        continue;
      }
      if (tok.t === 'month') {
        this.readPostfixClosure(tok);
        continue;
      }
      this.i++;
      this.note(tok);
      const w = tok.w;
      if (w === 'always') this.always();
      else if (w === '24/24') {
        this.clause.wholeWeek = true;
        this.clause.ranges.push({ from: '00:00', to: '24:00' });
        this.holidays ??= false;
      } else if (w === 'rdv') this.appointment = true;
      else if (w === 'feries') this.readHolidays();
      else if (CLOSED_WORDS.has(w)) this.readClosed();
      else if (EXCEPT_WORDS.has(w)) this.readExcept();
      else if (w === 'vacsco' || w === 'vacances' || w === 'scolaires') throw SCHOOL_HOLIDAYS;
      else if (w in VAGUE_WORDS) this.clause.vague = VAGUE_WORDS[w];
      else if (w === 'pas' || w === 'encore' || UNKNOWN_WORDS.has(w) || w === 'je' || w === 'ne') this.unknown = true;
      else if (
        w === 'un' ||
        w === 'une' ||
        w === 'deux' ||
        w === 'pair' ||
        w === 'paire' ||
        w === 'impair' ||
        w === 'impaire' ||
        w === 'paires' ||
        w === 'impaires'
      )
        throw new Refusal(
          `« ${tok.raw} » : une semaine sur deux ne peut pas être écrite ainsi, car on ne sait pas quelle semaine commence. Écrivez plutôt les semaines du mois, par exemple « le 1er et le 3e mercredi du mois de 14 h à 16 h ».`,
        );
      else if (w === 'ou')
        throw new Refusal(
          `« ou » : dites exactement quels jours c'est ouvert, par exemple « le lundi et le mardi de 9 h à 12 h ». Si cela change chaque semaine, laissez les horaires vides : « à confirmer ».`,
        );
      else if (w === 'dumois') throw new Refusal(`« ${tok.raw} » doit suivre un jour et son rang, par exemple « le 1er mercredi du mois de 14 h à 16 h ».`);
      else if (!FILLERS.has(w)) throw new Refusal(`Nous ne comprenons pas « ${tok.raw} ». Écrivez les jours et les heures, ${EXAMPLE}.`);
    }
    this.finish();
  }

  /** « tous les jours », « toutes les semaines » (not « tous les mardis » alone: the day follows). */
  private daysAhead(): boolean {
    let k = 1;
    while (this.isWord(this.peek(k), 'les', 'le')) k++;
    const next = this.peek(k);
    return this.isWord(next, 'jours', 'jour') || next?.t === 'day';
  }

  private always(): void {
    this.holidays ??= false;
    this.finish();
    this.clause.days = new Set(dayRange(0, 6));
    this.clause.ranges.push({ from: '00:00', to: '24:00' });
    this.finish();
  }

  /** A group of days: « du lundi au vendredi », « lundi, mercredi et vendredi », « tous les jours », « en semaine », « le week-end ». */
  private readDays(): void {
    if (this.clause.closed || (this.mode === 'days-first' && this.clause.ranges.length)) this.finish();
    if (this.mode === 'times-first' && this.clause.ranges.length && this.clause.days.size && this.clause.raw.length && this.lastWasRange) this.finish();
    this.mode ??= 'days-first';
    const days = this.readDaySet();
    for (const d of days) this.clause.days.add(d);
    this.lastWasRange = false;
    // « We[1] »: the OSM way to say the 1st Wednesday.
    if (this.isSep(this.peek(), '[')) this.clause.nth.push(...this.readBrackets());
    else if (this.peek()?.t === 'word' && (this.peek() as { w: string }).w === 'dumois') {
      throw new Refusal(`Dites quel ${WEEKDAYS_FR[days[0] ?? 0]} du mois, par exemple « le 1er ${WEEKDAYS_FR[days[0] ?? 0]} du mois de 14 h à 16 h ».`);
    }
  }

  private lastWasRange = false;

  /** Days from here, with « au », « - », « et », « , » between them. */
  private readDaySet(): number[] {
    const days: number[] = [];
    for (;;) {
      this.skipFillers('chaque');
      const tok = this.peek();
      if (!tok) break;
      if (tok.t === 'day') {
        this.i++;
        this.note(tok);
        let last = tok.days[0] ?? 0;
        days.push(...tok.days);
        // « du lundi au vendredi », « lu-ve », « Mo-Fr »
        const dash = this.peek();
        if (this.isSep(dash, '-') || this.isWord(dash, 'au', 'a', 'jusqu')) {
          let k = 1;
          while (this.isWord(this.peek(k), 'au', 'a', 'le', 'jusqu')) k++;
          const end = this.peek(k);
          if (end?.t === 'day') {
            this.i += k + 1;
            this.note(end);
            const to = end.days[0] ?? 0;
            days.push(...dayRange(last, to));
            last = to;
          }
        }
      } else if (this.isWord(tok, 'jours', 'jour')) {
        this.i++;
        this.note(tok);
        days.push(...dayRange(0, 6));
      } else if (this.isWord(tok, 'everyday')) {
        this.i++;
        this.note(tok);
        days.push(...dayRange(0, 6));
      } else if (this.isWord(tok, 'weekdays')) {
        this.i++;
        this.note(tok);
        days.push(...dayRange(0, 4));
      } else if (this.isWord(tok, 'weekend')) {
        this.i++;
        this.note(tok);
        days.push(5, 6);
      } else break;
      // « , », « et », « / » followed by another day keep the list going.
      let k = 0;
      while (this.isSep(this.peek(k), ',', '/', '&', '+') || this.isWord(this.peek(k), 'et', 'le', 'les', 'la', 'ainsi', 'que')) k++;
      const next = this.peek(k);
      if (k > 0 && (next?.t === 'day' || this.isWord(next, 'weekend', 'weekdays'))) this.i += k;
      else break;
    }
    return days;
  }

  /** « [1] », « [1,3] », « [-1] ». */
  private readBrackets(): number[] {
    this.i++;
    const nth: number[] = [];
    let negative = false;
    for (;;) {
      const tok = this.peek();
      if (!tok) throw new Refusal('Un crochet « [ » n’est pas refermé.');
      this.i++;
      if (tok.t === 'sep' && tok.s === ']') break;
      if (tok.t === 'sep' && tok.s === '-') negative = true;
      else if (tok.t === 'num' && tok.n >= 1 && tok.n <= 5) {
        nth.push(negative ? -tok.n : tok.n);
        negative = false;
      } else if (!(tok.t === 'sep' && tok.s === ','))
        throw new Refusal(`« ${tok.raw} » ne peut pas être entre crochets : écrivez le rang du jour dans le mois, par exemple « We[1] ».`);
    }
    if (nth.some((n) => n < -1)) throw new Refusal('Seul le dernier jour du mois peut se compter depuis la fin : « [-1] ».');
    return nth;
  }

  /** « le 1er mercredi du mois », « les 1er et 3e mardis du mois », « le dernier vendredi du mois ». */
  private readMonthly(): void {
    const ords: number[] = [];
    const start = this.i;
    for (;;) {
      const tok = this.peek();
      if (tok?.t === 'ord' || (tok?.t === 'num' && tok.n >= 1 && tok.n <= 5)) {
        this.i++;
        this.note(tok);
        ords.push(tok.n);
      } else if (this.isWord(tok, 'et', 'le', 'la', 'les') || this.isSep(tok, ',')) this.i++;
      else break;
    }
    const day = this.peek();
    if (day?.t === 'month') {
      this.i = start;
      throw this.seasonRefusal(`${(this.tokens[start] as Token).raw} ${day.raw}`);
    }
    if (day?.t !== 'day')
      throw new Refusal(`« ${(this.tokens[start] as Token).raw} » : dites de quel jour il s'agit, par exemple « le 1er mercredi du mois de 14 h à 16 h ».`);
    if (this.clause.ranges.length && this.mode === 'days-first') this.finish();
    this.mode ??= 'days-first';
    const days = this.readDaySet();
    this.skipFillers();
    if (this.isWord(this.peek(), 'dumois')) {
      this.note(this.peek() as Token);
      this.i++;
    }
    for (const d of days) this.clause.days.add(d);
    this.clause.nth.push(...ords);
  }

  private readTime(): { minutes: number; explicit: boolean; raw: string } | undefined {
    const tok = this.peek();
    if (tok?.t === 'time') {
      this.i++;
      return tok;
    }
    if (tok?.t === 'num') {
      if (tok.n > 24) throw new Refusal(`« ${tok.raw} » n'est pas une heure. Écrivez les heures avec « h », ${EXAMPLE}.`);
      this.i++;
      return { minutes: tok.n * 60, explicit: false, raw: tok.raw };
    }
    return undefined;
  }

  /** « de 9h à 12h », « 9h-12h », « entre 9h et 12h », « de 14 à 17h ». */
  private readRange(): void {
    const from = this.readTime();
    if (!from) return;
    let k = 0;
    while (this.isWord(this.peek(k), 'a', 'au', 'jusqu', 'jusque', 'et') || this.isSep(this.peek(k), '-')) k++;
    const toTok = this.peek(k);
    if (k === 0 || !toTok || (toTok.t !== 'time' && toTok.t !== 'num')) {
      throw new Refusal(`« ${from.raw} » : écrivez l'heure de début et l'heure de fin, par exemple « de 9 h à 12 h ».`);
    }
    this.i += k;
    const to = this.readTime();
    if (!to) return;
    if (this.peek()?.t === 'month') {
      throw new Refusal(`« ${from.raw} … ${this.peek()?.raw} » ressemble à des dates : écrivez « fermé du 24 décembre au 2 janvier » pour une fermeture.`);
    }
    if (!from.explicit && !to.explicit)
      throw new Refusal(`« ${from.raw}-${to.raw} » : écrivez les heures avec « h », par exemple « de ${from.raw} h à ${to.raw} h ».`);
    if (to.minutes <= from.minutes) {
      throw new Refusal(
        `« ${from.raw} à ${to.raw} » : l'heure de fin doit venir après l'heure de début. Pour midi, écrivez « 12 h » ; pour minuit, « minuit ».`,
      );
    }
    if (this.mode === 'times-first' && this.clause.days.size && !this.lastWasRange) this.finish();
    this.mode ??= 'times-first';
    this.clause.raw.push(`${from.raw}-${to.raw}`);
    this.clause.ranges.push({ from: hhmm(from.minutes), to: hhmm(to.minutes) });
    this.lastWasRange = true;
  }

  private readHolidays(): void {
    // « fermé les jours fériés » is read by readClosed; here « jours fériés : fermé », « PH off », « ouvert les jours fériés ».
    const before = this.tokens.slice(Math.max(0, this.i - 6), this.i);
    const openBefore = before.some((t) => t.t === 'word' && ['ouvert', 'ouverte', 'ouverts', 'compris', 'inclus'].includes(t.w));
    let closedAfter = false;
    while (
      this.isSep(this.peek(), ':') ||
      (this.peek()?.t === 'word' && (FILLERS.has((this.peek() as { w: string }).w) || CLOSED_WORDS.has((this.peek() as { w: string }).w)))
    ) {
      if (this.peek()?.t === 'word' && CLOSED_WORDS.has((this.peek() as { w: string }).w)) closedAfter = true;
      this.i++;
    }
    this.holidays = closedAfter || !openBefore;
  }

  /** After « fermé »: days, months, dates or public holidays; alone, the clause's days. */
  private readClosed(): void {
    this.skipFillers('le', 'la', 'les', 'en', 'pendant', 'du', 'de', 'tout', 'mois', 'annuelle');
    const tok = this.peek();
    if (tok?.t === 'day' || this.isWord(tok, 'weekend')) {
      for (const d of this.readDaySet()) this.closedDays.add(d);
      return;
    }
    if (this.isWord(tok, 'feries')) {
      this.i++;
      this.holidays = true;
      return;
    }
    if (tok?.t === 'month' || tok?.t === 'num' || tok?.t === 'ord') {
      this.readClosure();
      return;
    }
    if (this.isWord(tok, 'vacsco')) throw SCHOOL_HOLIDAYS;
    // « lundi : fermé »: the days just given.
    if (this.clause.days.size && !this.clause.ranges.length) {
      this.clause.closed = true;
      this.finish();
      return;
    }
    throw new Refusal(`Dites ce qui est fermé, par exemple « fermé le lundi », « fermé en juillet » ou « fermé les jours fériés ».`);
  }

  /** « sauf le dimanche », « sauf les jours fériés », « sauf en août ». */
  private readExcept(): void {
    this.skipFillers('le', 'la', 'les', 'en', 'pendant', 'du', 'de');
    const tok = this.peek();
    if (tok?.t === 'day') {
      for (const d of this.readDaySet()) this.clause.except.add(d);
      return;
    }
    if (this.isWord(tok, 'feries')) {
      this.i++;
      this.holidays = true;
      return;
    }
    if (tok?.t === 'month' || tok?.t === 'num' || tok?.t === 'ord') {
      this.readClosure();
      return;
    }
    if (this.isWord(tok, 'vacsco')) throw SCHOOL_HOLIDAYS;
    throw new Refusal(`Après « sauf », dites quels jours, par exemple « tous les jours sauf le dimanche de 9 h à 17 h ».`);
  }

  /** A date (« 15 août », « Aug 15 ») or a month. */
  private readDateOrMonth(): { month: number; day?: number } | undefined {
    this.skipFillers('le', 'la', 'les', 'en', 'mois', 'de', 'du', 'd');
    const a = this.peek();
    if (a?.t === 'month') {
      this.i++;
      const b = this.peek();
      if (b?.t === 'num' && b.n >= 1 && b.n <= 31) {
        this.i++;
        return { month: a.m, day: b.n };
      }
      return { month: a.m };
    }
    if ((a?.t === 'num' && a.n >= 1 && a.n <= 31) || (a?.t === 'ord' && a.n === 1)) {
      this.i++;
      const b = this.peek();
      if (b?.t === 'month') {
        this.i++;
        return { month: b.m, day: a.n };
      }
      return { month: 0, day: a.n }; // the month comes with the end of the period (« du 1er au 15 août »)
    }
    return undefined;
  }

  private readClosure(): void {
    const from = this.readDateOrMonth();
    if (!from) return;
    let k = 0;
    while (this.isWord(this.peek(k), 'au', 'a', 'jusqu', 'et', 'en') || this.isSep(this.peek(k), '-', ',')) k++;
    const next = this.peek(k);
    let to = from;
    if (k > 0 && (next?.t === 'month' || next?.t === 'num' || next?.t === 'ord')) {
      this.i += k;
      to = this.readDateOrMonth() ?? from;
    }
    if (from.month === 0) from.month = to.month;
    if (!from.month) throw new Refusal(`« ${this.tokens[this.i - 1]?.raw ?? ''} » : dites le mois, par exemple « fermé du 1er au 15 août ».`);
    // A month and a day, or a period given with a day at one end only: dates.
    if (from.day === undefined && to.day === undefined) this.closures.push({ months: [from.month, to.month] });
    else {
      const start: MonthDay = { month: from.month, day: from.day ?? 1 };
      const end: MonthDay = { month: to.month, day: to.day ?? lastDayOf(to.month) };
      if (start.day > lastDayOf(start.month) || end.day > lastDayOf(end.month))
        throw new Refusal(`Cette date n'existe pas : vérifiez le jour et le mois, par exemple « fermé le 15 août ».`);
      this.closures.push({ dates: [start, end] });
    }
    // « fermé en juillet et en août », « fermé le 24 et le 31 décembre » are read as periods above.
  }

  /** « Jul off », « Dec 24-Jan 02 off », « juillet : fermé »; any other month is a season. */
  private readPostfixClosure(tok: Token): void {
    const start = this.i;
    const count = this.closures.length;
    this.readClosure();
    while (this.isSep(this.peek(), ':', ',')) this.i++;
    this.skipFillers();
    const next = this.peek();
    if (next?.t === 'word' && CLOSED_WORDS.has(next.w)) {
      this.i++;
      return;
    }
    this.i = start;
    this.closures.length = count;
    throw this.seasonRefusal(tok.raw);
  }

  private seasonRefusal(raw: string): Refusal {
    return new Refusal(
      `« ${raw} » : des horaires qui changent selon la saison ne peuvent pas encore être indiqués ici. Donnez les horaires habituels et les fermetures, par exemple « fermé en juillet et en août ».`,
    );
  }

  private finish(): void {
    const c = this.clause;
    this.clause = newClause();
    this.lastWasRange = false;
    if (c.closed) {
      for (const d of c.days) this.closedDays.add(d);
      return;
    }
    if (!c.days.size && !c.ranges.length) {
      if (c.vague)
        throw new Refusal(`« ${c.vague} » ne dit pas les heures exactes. Écrivez le jour et les heures, par exemple « le jeudi de 13 h 30 à 16 h ».`);
      return;
    }
    if (!c.days.size && c.wholeWeek) c.days = new Set(dayRange(0, 6));
    if (!c.days.size) throw new Refusal(`${quote(c)} : dites quel jour, par exemple « le mardi ${formatRanges(c.ranges.slice(0, 1))} ».`);
    if (!c.ranges.length) {
      const day = WEEKDAYS_FR[[...c.days][0] ?? 0];
      if (c.vague)
        throw new Refusal(
          `${quote(c)} : « ${c.vague} » ne dit pas les heures exactes. Écrivez les heures d'ouverture, par exemple « le ${day} de 13 h 30 à 16 h ».`,
        );
      const example = c.nth.length
        ? formatRule({ days: [[...c.days][0] ?? 0], nth: c.nth, ranges: [{ from: '14:00', to: '16:00' }] })
        : `le ${day} de 9 h à 12 h`;
      throw new Refusal(`${quote(c)} : à quelle heure ? Ajoutez les heures, par exemple « ${example} ».`);
    }
    const days = [...c.days].filter((d) => !c.except.has(d)).sort((a, b) => a - b);
    if (!days.length) return;
    if (!c.nth.length && days.some((d) => this.weeklyDays.has(d))) this.overlap = true;
    if (!c.nth.length) for (const d of days) this.weeklyDays.add(d);
    this.rules.push({ days, ...(c.nth.length ? { nth: [...new Set(c.nth)].sort((a, b) => a - b) } : {}), ranges: c.ranges });
  }
}

const lastDayOf = (month: number) => [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 31;

/** Sorted ranges, overlapping or touching ones joined. */
function mergeRanges(ranges: TimeRange[]): TimeRange[] {
  const sorted = [...ranges].sort((a, b) => a.from.localeCompare(b.from));
  const out: TimeRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (!last || r.from > last.to) out.push({ ...r });
    else if (r.to > last.to) last.to = r.to;
  }
  return out;
}

const sameRanges = (a: TimeRange[], b: TimeRange[]) => a.length === b.length && a.every((r, k) => r.from === b[k]?.from && r.to === b[k]?.to);

/** Weekly rules folded per day (a day given twice keeps both ranges), then days with the same ranges grouped. */
export function normalizeRules(rules: WeeklyRule[], closedDays: ReadonlySet<number> = new Set()): WeeklyRule[] {
  const perDay = new Map<number, TimeRange[]>();
  const monthly: WeeklyRule[] = [];
  for (const r of rules) {
    const days = r.days.filter((d) => !closedDays.has(d));
    if (!days.length) continue;
    if (r.nth?.length) {
      monthly.push({ days, nth: r.nth, ranges: mergeRanges(r.ranges) });
      continue;
    }
    for (const d of days) perDay.set(d, mergeRanges([...(perDay.get(d) ?? []), ...r.ranges]));
  }
  const weekly: WeeklyRule[] = [];
  for (const d of [...perDay.keys()].sort((a, b) => a - b)) {
    const ranges = perDay.get(d) ?? [];
    const same = weekly.find((w) => sameRanges(w.ranges, ranges));
    if (same) same.days.push(d);
    else weekly.push({ days: [d], ranges });
  }
  return [...weekly, ...monthly];
}

/**
 * Understands opening hours written in French (or in the OSM syntax Passerelle writes).
 * Empty text, « à confirmer » or « je ne sais pas » mean unknown hours (allowed).
 */
export function understandHours(text: string, options: UnderstandOptions = {}): HoursUnderstanding {
  const { overlap: _overlap, ...result } = understand(text, options);
  return result as HoursUnderstanding;
}

function understand(text: string, { holidaysClosed = true }: UnderstandOptions): HoursUnderstanding & { overlap?: boolean } {
  const trimmed = text.trim();
  const empty: WeeklyHours = { rules: [], appointment: false, holidaysClosed, closures: [] };
  if (!trimmed) return { ok: true, structure: empty, hours: null, reading: formatWeeklyHours(empty) };
  if (trimmed.length > 500)
    return { ok: false, message: 'Ce texte est trop long (500 caractères au maximum) : gardez les jours, les heures et les fermetures.' };
  try {
    const reader = new Reader(tokenize(trimmed));
    reader.read();
    const rules = normalizeRules(reader.rules, reader.closedDays);
    if (!rules.length && reader.rules.length)
      throw new Refusal('Tous les jours donnés sont aussi dits fermés : vérifiez les jours d’ouverture et les jours de fermeture.');
    if (!rules.length && !reader.appointment && !reader.unknown && (reader.closedDays.size || reader.closures.length || reader.holidays !== undefined))
      throw new Refusal(`Dites aussi quand c'est ouvert, ${EXAMPLE}.`);
    const structure: WeeklyHours = {
      rules,
      appointment: reader.appointment,
      holidaysClosed: reader.holidays ?? holidaysClosed,
      closures: reader.closures,
    };
    return { ok: true, structure, hours: toOpeningHours(structure), reading: formatWeeklyHours(structure), overlap: reader.overlap };
  } catch (err) {
    if (err instanceof Refusal) return { ok: false, message: err.message };
    throw err;
  }
}

/** Only the times of one day (« 9h-12h et 13h30-16h », « fermé », empty): the editor's day fields. */
export function understandDayRanges(text: string): { ok: true; ranges: TimeRange[] } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (!trimmed || /^(ferm[eé]e?s?|off|-)$/i.test(trimmed)) return { ok: true, ranges: [] };
  const result = understandHours(`lundi ${trimmed}`, { holidaysClosed: false });
  if (!result.ok) return { ok: false, message: result.message.replace(/« lundi /g, '« ') };
  const rule = result.structure.rules[0];
  if (result.structure.rules.length !== 1 || rule?.nth?.length || result.structure.closures.length || (rule?.days.length ?? 0) !== 1)
    return {
      ok: false,
      message: 'Écrivez seulement les heures de ce jour, par exemple « de 9 h à 12 h et de 13 h 30 à 16 h », ou laissez vide si c’est fermé.',
    };
  return { ok: true, ranges: rule?.ranges ?? [] };
}

// ---- Writing OSM ----

function osmDays(days: number[]): string {
  const runs: [number, number][] = [];
  for (const d of [...new Set(days)].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && d === last[1] + 1) last[1] = d;
    else runs.push([d, d]);
  }
  return runs.flatMap(([a, b]) => (b - a >= 2 ? [`${OSM_DAYS[a]}-${OSM_DAYS[b]}`] : a === b ? [OSM_DAYS[a]] : [OSM_DAYS[a], OSM_DAYS[b]])).join(',');
}

const pad = (n: number) => String(n).padStart(2, '0');

function osmClosure(c: ClosedPeriod): string {
  if ('months' in c) {
    const [a, b] = c.months;
    return `${a === b ? OSM_MONTHS[a - 1] : `${OSM_MONTHS[a - 1]}-${OSM_MONTHS[b - 1]}`} off`;
  }
  const [from, to] = c.dates;
  const date = (d: MonthDay) => `${OSM_MONTHS[d.month - 1]} ${pad(d.day)}`;
  return `${from.month === to.month && from.day === to.day ? date(from) : `${date(from)}-${date(to)}`} off`;
}

/** The OSM `opening_hours` value of a structure, or null when it has no opening time. */
export function toOpeningHours(hours: WeeklyHours): string | null {
  if (!hours.rules.length) return null;
  const rules = hours.rules.map((r) => {
    const days = r.nth?.length ? [...new Set(r.days)].map((d) => `${OSM_DAYS[d]}[${r.nth?.join(',')}]`).join(',') : osmDays(r.days);
    const times = r.ranges.map((t) => `${t.from}-${t.to}`).join(',');
    return { days: new Set(r.days), text: `${days} ${times}${hours.appointment ? ' "sur rendez-vous"' : ''}` };
  });
  let value = '';
  const seen = new Set<number>();
  for (const r of rules) {
    // A later rule replaces an earlier one on the same day; « , » adds to it instead.
    const overlaps = [...r.days].some((d) => seen.has(d));
    value += value ? `${overlaps ? ', ' : '; '}${r.text}` : r.text;
    for (const d of r.days) seen.add(d);
  }
  if (rules.length === 1 && isAllWeekAllDay(hours.rules[0]) && !hours.appointment) value = '24/7';
  for (const c of hours.closures) value += `; ${osmClosure(c)}`;
  if (hours.holidaysClosed) value += '; PH off';
  return value;
}

function isAllWeekAllDay(rule: WeeklyRule | undefined): boolean {
  return Boolean(
    rule &&
      !rule.nth?.length &&
      new Set(rule.days).size === 7 &&
      rule.ranges.length === 1 &&
      rule.ranges[0]?.from === '00:00' &&
      rule.ranges[0]?.to === '24:00',
  );
}

/**
 * An OSM value read back into the structure (to open a listing's hours in the editor), or
 * null when it says more than the editor can show (then it is kept as it is).
 */
export function readOpeningHours(value: string): WeeklyHours | null {
  const result = understand(value, { holidaysClosed: false });
  if (!result.ok || !result.hours || result.overlap) return null;
  return result.structure;
}
