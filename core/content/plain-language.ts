// Plain-language rules for guides, read by people with a citizen in front of them and by
// people who read with difficulty. `npm run check` runs them on every guide; the figures
// (`--stats`) are how the thresholds below were chosen. The Markdown is parsed as
// Docusaurus parses it (GFM tables and our directives), so a table cell is its own text and
// a step is one item of the `:::etapes` list.
//
// Rules (errors stop the build; warnings are printed):
// - `longueur`: a sentence of more than LIMITS.sentenceWords words (error);
// - `moyenne`: a page whose sentences average more than LIMITS.averageSentenceWords (error);
// - `actions`: a step holding more than one imperative verb, i.e. more than one action (error);
//   a step with none, or not starting with its instruction in bold (warning);
// - `jargon`: a word of the jargon list (content/jargon.yml), or an acronym that is not an
//   everyday one, missing from the glossary, so the page cannot explain it (error);
// - `passif`: a passive sentence that names who acts (« … est envoyé par l'Onem »): say it
//   in the active voice (error); other passives are counted;
// - `negation`: a negation of a negative (« ne restez pas sans revenu ») (error); a step whose instruction is negative
//   (warning); more than LIMITS.negativeShare of sentences negative outside safety warnings
//   (warning).
import type { RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { parseMarkdown, textOf } from './markdown.ts';

/**
 * Thresholds, chosen from the corrected guides (2026-11-30, 35 guides): their longest
 * sentence has 20 words and their averages run from 7.5 to 10.1 words; no step holds two
 * actions; at most 20 % of a guide's sentences are negative outside safety warnings.
 */
export const LIMITS = {
  sentenceWords: 20,
  averageSentenceWords: 12,
  actionsPerStep: 1,
  negativeShare: 0.3,
} as const;

export type PlainLanguageRule = 'longueur' | 'moyenne' | 'actions' | 'jargon' | 'passif' | 'negation';

export interface Finding {
  rule: PlainLanguageRule;
  /** Line in the file (front matter included when `firstLine` was given). */
  line: number;
  /** What is wrong and the fix, in French, without the file name. */
  message: string;
}

export interface PlainLanguageReport {
  sentences: number;
  words: number;
  averageSentenceWords: number;
  longest: number;
  /** Steps of `:::etapes` lists. */
  steps: number;
  stepsWithSeveralActions: number;
  stepsWithoutAction: number;
  /** Pictures (Markdown images) in the page. */
  pictures: number;
  passives: number;
  negativeSentences: number;
  errors: Finding[];
  warnings: Finding[];
}

/** What the jargon rule knows: the jargon list and the glossary's terms and aliases. */
export interface JargonRules {
  /** Words that need an explanation (content/jargon.yml `words`). */
  words: readonly string[];
  /** Acronyms everyone knows (content/jargon.yml `everyday_acronyms`): not jargon. */
  everydayAcronyms: readonly string[];
  /** Every term and alias of content/glossary.yml. */
  glossaryForms: readonly string[];
}

export interface PlainLanguageOptions {
  /** Line of the body's first line in the file (after the front matter). */
  firstLine?: number;
  jargon?: JargonRules;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

// ---------------------------------------------------------------------------------------
// Text of the page: prose units with their line and context.

interface Unit {
  text: string;
  line: number;
  inAttention: boolean;
  /** Index of the step (in `steps`) this text belongs to. */
  step?: number;
}

interface Step {
  number: number;
  line: number;
  /** The bold instruction that opens the step, if any. */
  instruction?: string;
}

const SKIPPED = new Set(['code', 'heading', 'html', 'yaml', 'definition', 'thematicBreak']);

function collect(tree: ReturnType<typeof parseMarkdown>): { units: Unit[]; steps: Step[]; pictures: number } {
  const units: Unit[] = [];
  const steps: Step[] = [];
  let pictures = 0;
  const walk = (nodes: readonly RootContent[], context: { inAttention: boolean; inSteps: boolean; step?: number }) => {
    for (const node of nodes) {
      if (node.type === 'image' || node.type === 'imageReference') pictures++;
      if (SKIPPED.has(node.type)) continue;
      if (node.type === 'containerDirective') {
        const name = (node as ContainerDirective).name;
        walk(node.children, { ...context, inAttention: context.inAttention || name === 'attention', inSteps: name === 'etapes' });
        continue;
      }
      if (node.type === 'list' && context.inSteps && node.ordered) {
        node.children.forEach((item, i) => {
          const first = item.children[0];
          const lead = first?.type === 'paragraph' ? first.children[0] : undefined;
          steps.push({
            number: (node.start ?? 1) + i,
            line: item.position?.start.line ?? 0,
            ...(lead?.type === 'strong' ? { instruction: textOf(lead).trim() } : {}),
          });
          walk(item.children, { inAttention: context.inAttention, inSteps: false, step: steps.length - 1 });
        });
        continue;
      }
      if (node.type === 'paragraph' || node.type === 'tableCell') {
        walk(node.children as RootContent[], context); // pictures inside the paragraph
        const unit: Unit = { text: textOf(node), line: node.position?.start.line ?? 0, inAttention: context.inAttention };
        if (context.step !== undefined) unit.step = context.step;
        units.push(unit);
        continue;
      }
      if ('children' in node) walk(node.children as RootContent[], { ...context, inSteps: context.inSteps && node.type === 'list' });
    }
  };
  walk(tree.children, { inAttention: false, inSteps: false });
  return { units, steps, pictures };
}

// ---------------------------------------------------------------------------------------
// Sentences.

/**
 * Splits a text where a reader pauses: after . ! ? … or : followed by a space and a capital,
 * a digit or an opening quote (not inside « 1.5 » or « par ex. »), and at line ends of
 * lists written as lines.
 */
export function splitSentences(text: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  const boundary = /(?<=[.!?…:])\s+(?=[\p{Lu}\p{N}«"(])|\n+/gu;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index ?? 0;
    if (text.slice(start, end).trim()) out.push({ text: text.slice(start, end).trim(), offset: start });
    start = end + match[0].length;
  }
  if (text.slice(start).trim()) out.push({ text: text.slice(start).trim(), offset: start });
  return out;
}

const wordsOf = (sentence: string) => sentence.match(WORD) ?? [];

// ---------------------------------------------------------------------------------------
// Imperative verbs (one action = one imperative).

/** Words in -ez that are not verbs. */
const NOT_VERBS = new Set(['chez', 'assez', 'nez', 'rez', 'lez', 'suez', 'rodez', 'metz']);
/** Imperatives that do not end in -ez. */
const IRREGULAR = new Set(['faites', 'dites']);
/** Object pronouns and « ne » that may stand between a subject and its verb. */
const CLITICS = new Set(['ne', "n'", 'me', "m'", 'te', "t'", 'se', "s'", 'le', 'la', 'les', "l'", 'lui', 'leur', 'y', 'en', 'nous', 'vous']);
/** Words after which « faites » or « dites » starts a clause (otherwise it is a participle: « les démarches faites »). */
const CLAUSE_START = new Set(['et', 'puis', 'ou', 'ensuite', 'alors', 'enfin', 'mais', 'donc', 'sinon', 'or']);
const PLACE_AFTER_RENDEZ_VOUS = new Set(['sur', 'à', 'au', 'aux', 'dans', 'chez', 'en']);

interface Token {
  word: string;
  lower: string;
  /** Punctuation (or the start of the sentence) right before the word. */
  afterPause: boolean;
}

function tokens(sentence: string): Token[] {
  // Quoted words are labels (« Continuez », "Envoyez"), not instructions: left out.
  const plain = sentence.replace(/«[^»]*»|"[^"]*"|“[^”]*”/g, ',');
  const out: Token[] = [];
  let pause = true;
  for (const match of plain.matchAll(/([\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*(?:['’](?=\p{L}))?)|([,;:()!?.…—–])/gu)) {
    if (match[2]) {
      pause = true;
      continue;
    }
    const word = (match[1] ?? '').replace(/’/g, "'");
    out.push({ word, lower: word.toLocaleLowerCase('fr'), afterPause: pause });
    pause = false;
  }
  return out;
}

/** « vous tapez », « vous ne le faites » (vous first): a statement, not an instruction. */
function hasSubjectVous(list: Token[], index: number): boolean {
  let i = index - 1;
  const before: string[] = [];
  while (i >= 0 && CLITICS.has(list[i]?.lower ?? '')) {
    before.unshift(list[i]?.lower ?? '');
    if (list[i]?.afterPause) break;
    i--;
  }
  return before[0] === 'vous';
}

/** The imperative verbs of a sentence, as written (« Ouvrez », « Connectez-vous », « Faites »). */
export function imperativeVerbs(sentence: string): string[] {
  const list = tokens(sentence);
  const question = /\?\s*$/.test(sentence);
  const found: string[] = [];
  list.forEach((token, index) => {
    const [base = '', ...suffixes] = token.lower.split('-');
    const isEz = base.endsWith('ez') && base.length >= 4 && !NOT_VERBS.has(base);
    const isIrregular = IRREGULAR.has(base);
    if (!isEz && !isIrregular) return;
    if (token.lower === 'rendez-vous') {
      // A noun (« votre rendez-vous »), unless it opens the sentence towards a place.
      const next = list[index + 1]?.lower ?? '';
      if (!(index === 0 && PLACE_AFTER_RENDEZ_VOUS.has(next))) return;
    } else if (suffixes[0] === 'vous' && question) {
      return; // « Avez-vous reçu le code ? »
    }
    // A capitalised word inside a clause is a name (« Velasquez »), not an instruction.
    if (!token.afterPause && index > 0 && /^\p{Lu}/u.test(token.word) && !CLITICS.has(list[index - 1]?.lower ?? '')) return;
    if (hasSubjectVous(list, index)) return;
    if (isIrregular) {
      let i = index - 1;
      while (i >= 0 && CLITICS.has(list[i]?.lower ?? '') && !list[i + 1]?.afterPause) i--;
      const opens = index === 0 || list[i + 1]?.afterPause || CLAUSE_START.has(list[i]?.lower ?? '');
      if (!opens) return;
    }
    found.push(token.word);
  });
  return found;
}

// ---------------------------------------------------------------------------------------
// Passive voice and negations.

const BE = '(?:est|sont|était|étaient|sera|seront|serait|seraient|soit|soient|être|a été|ont été|avait été|avaient été|aura été|auront été|été)';
const ADVERBS = String.raw`(?:\s+(?:pas|plus|jamais|bien|déjà|souvent|toujours|aussi|parfois|encore|automatiquement|vite|ensuite|alors|ainsi|normalement|seulement|directement|souvent))*`;
const IRREGULAR_PARTICIPLES =
  'reçu|mis|pris|fait|écrit|lu|vu|remis|ouvert|offert|permis|produit|inscrit|suivi|rempli|fourni|établi|défini|choisi|garanti|dit|joint|compris|traduit|détruit|promis|soumis|transmis|admis|exclu|connu|tenu|obtenu|retenu|maintenu|perdu|rendu|vendu|attendu|entendu|repris|conçu|couvert|découvert|interdit|prescrit|produit|construit|revu';
/** Verbs conjugated with « être » in the active voice: « elle est arrivée » is not passive. */
const ACTIVE_WITH_BE = new Set([
  'allé',
  'arrivé',
  'entré',
  'rentré',
  'monté',
  'resté',
  'retourné',
  'tombé',
  'né',
  'passé',
  'décédé',
  'parti',
  'sorti',
  'venu',
  'devenu',
  'revenu',
  'mort',
  'descendu',
  'apparu',
  'intervenu',
  'parvenu',
]);
const PASSIVE = new RegExp(String.raw`(?<![\p{L}])${BE}${ADVERBS}\s+((?:\p{L}+(?:é|ée|és|ées))|(?:(?:${IRREGULAR_PARTICIPLES})(?:e|s|es)?))(?![\p{L}])`, 'iu');
/** Who acts after « par »: not the way something travels (« par SMS », « par la poste »). */
const MEANS =
  /^(?:sms|e-?mails?|courriel|courrier|la poste|poste|téléphone|message|mail|lettre|écrit|défaut|exemple|erreur|jour|mois|an|année|semaine|personne|page|étape|virement|carte)\b/i;

export function passiveOf(sentence: string): { participle: string; agent?: string } | null {
  const match = PASSIVE.exec(sentence);
  const participle = match?.[1];
  if (!match || !participle) return null;
  const lower = participle.toLocaleLowerCase('fr');
  if ([lower, lower.replace(/(?:es|e|s)$/, '')].some((form) => ACTIVE_WITH_BE.has(form))) return null;
  const after = sentence.slice((match.index ?? 0) + match[0].length);
  const agent = /^\s+(?:\p{L}+\s+){0,2}?par\s+([^,.;:!?]+)/u
    .exec(after)?.[1]
    ?.split(/\s+(?:à|au|aux|pour|dans|avec|sur|en|après|avant|depuis|chaque|quand|si)\s+/u)[0]
    ?.trim();
  return agent && !MEANS.test(agent) ? { participle, agent } : { participle };
}

const NEGATION = /(?<![\p{L}])(?:ne|n['’])(?:\s+\p{L}+['’]?|\s*\p{L}+['’]?){0,3}?\s+(?:pas|plus|jamais|rien|personne|aucune?|ni|nulle part)(?![\p{L}])/giu;
/** A negation followed by a negative word: « ne restez pas sans revenu », « ce n'est pas impossible ». */
const DOUBLE_NEGATION = /(?<![\p{L}])(?:pas|plus|jamais)(?:\s+\p{L}+){0,2}?\s+(?:sans|impossible|interdite?s?|inutiles?|incorrecte?s?|non)(?![\p{L}])/iu;

/** Negations of a sentence: « ne … pas », « n'… jamais »… (« ne … que » is not one). */
export function negationsOf(sentence: string): number {
  return sentence.match(NEGATION)?.length ?? 0;
}

function isDoubleNegation(sentence: string): boolean {
  return negationsOf(sentence) > 0 && DOUBLE_NEGATION.test(sentence);
}

// ---------------------------------------------------------------------------------------
// Jargon.

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const fold = (s: string) => s.toLocaleLowerCase('fr').replace(/[’]/g, "'");

/** A word with at least two capitals, as many capitals as small letters or more: CAPAC, NFC, eID. */
function isAcronym(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  const capitals = letters.replace(/[^\p{Lu}]/gu, '').length;
  return capitals >= 2 && capitals * 2 >= letters.length;
}

function jargonFindings(units: Unit[], rules: JargonRules, lineOf: (u: Unit, offset: number) => number): Finding[] {
  const known = new Set(rules.glossaryForms.map(fold));
  const everyday = new Set(rules.everydayAcronyms.map(fold));
  const findings: Finding[] = [];
  const reported = new Set<string>();
  const fix = "ajoutez-le à content/glossary.yml (en `term`, ou dans les `aliases` d'un mot proche), avec une définition en mots simples";
  const report = (word: string, line: number, acronym: boolean) => {
    if (reported.has(fold(word))) return;
    reported.add(fold(word));
    findings.push({
      rule: 'jargon',
      line,
      message: acronym
        ? `« ${word} » est un sigle que le glossaire n'explique pas : ${fix}. Si tout le monde le connaît, mettez-le plutôt dans \`everyday_acronyms\` de content/jargon.yml.`
        : `« ${word} » est un mot difficile (content/jargon.yml) que le glossaire n'explique pas : ${fix}, ou écrivez un mot de tous les jours.`,
    });
  };
  const wholeWords = (forms: readonly string[]) =>
    forms.length
      ? new RegExp(
          `(?<![\\p{L}\\p{N}])(${[...forms]
            .sort((a, b) => b.length - a.length)
            .map(escapeRegExp)
            .join('|')})(?![\\p{L}\\p{N}])`,
          'giu',
        )
      : null;
  const listed = wholeWords(rules.words.filter((w) => !known.has(fold(w))));
  const glossary = wholeWords(rules.glossaryForms);
  for (const unit of units) {
    if (listed) for (const m of unit.text.matchAll(listed)) report(m[1] ?? '', lineOf(unit, m.index ?? 0), false);
    // Words the glossary explains (« DOC STOP », « carte SIM ») are blanked before looking for acronyms.
    const rest = glossary ? unit.text.replace(glossary, (m) => ' '.repeat(m.length)) : unit.text;
    for (const m of rest.matchAll(/[\p{L}\p{N}][\p{L}\p{N}&@.]*[\p{L}\p{N}]/gu)) {
      const word = m[0].replace(/\.$/, '');
      if (!isAcronym(word) || known.has(fold(word)) || everyday.has(fold(word))) continue;
      report(word, lineOf(unit, m.index ?? 0), true);
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------

const excerpt = (s: string) => `« ${s.length > 80 ? `${s.slice(0, 79)}…` : s} »`;

/** Checks a page's body against the plain-language rules; `firstLine` gives lines in the file. */
export function checkPlainLanguage(markdown: string, { firstLine = 1, jargon }: PlainLanguageOptions = {}): PlainLanguageReport {
  const tree = parseMarkdown(markdown);
  const { units, steps, pictures } = collect(tree);
  const lineOf = (unit: Unit, offset: number) => unit.line + firstLine - 1 + (unit.text.slice(0, offset).match(/\n/g)?.length ?? 0);
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const stepActions = steps.map(() => [] as string[]);
  let sentences = 0;
  let words = 0;
  let longest = 0;
  let passives = 0;
  let negativeSentences = 0;
  let counted = 0; // sentences outside safety warnings, for the share of negatives

  for (const unit of units) {
    for (const sentence of splitSentences(unit.text)) {
      const count = wordsOf(sentence.text).length;
      if (!count) continue;
      const line = lineOf(unit, sentence.offset);
      sentences++;
      words += count;
      longest = Math.max(longest, count);
      if (count > LIMITS.sentenceWords) {
        errors.push({
          rule: 'longueur',
          line,
          message: `phrase de ${count} mots (${LIMITS.sentenceWords} au plus) : coupez-la en deux. ${excerpt(sentence.text)}`,
        });
      }
      if (unit.step !== undefined) stepActions[unit.step]?.push(...imperativeVerbs(sentence.text));
      const passive = passiveOf(sentence.text);
      if (passive) {
        passives++;
        if (passive.agent) {
          errors.push({
            rule: 'passif',
            line,
            message: `voix passive (« ${passive.participle} par ${passive.agent} ») : dites qui agit, en premier (« ${passive.agent.charAt(0).toLocaleUpperCase('fr')}${passive.agent.slice(1)} … »). ${excerpt(sentence.text)}`,
          });
        }
      }
      if (!unit.inAttention) {
        counted++;
        if (negationsOf(sentence.text)) negativeSentences++;
      }
      if (isDoubleNegation(sentence.text)) {
        errors.push({ rule: 'negation', line, message: `deux négations dans une phrase : dites-le en positif. ${excerpt(sentence.text)}` });
      }
    }
  }

  let stepsWithSeveralActions = 0;
  let stepsWithoutAction = 0;
  steps.forEach((step, i) => {
    const actions = stepActions[i] ?? [];
    const where = firstLine - 1 + step.line;
    if (actions.length > LIMITS.actionsPerStep) {
      stepsWithSeveralActions++;
      errors.push({
        rule: 'actions',
        line: where,
        message: `l'étape ${step.number} demande ${actions.length} actions (${actions.map((a) => `« ${a} »`).join(', ')}) : une seule action par étape. Faites-en plusieurs étapes, ou dites le reste sans verbe à l'impératif.`,
      });
    } else if (actions.length === 0) {
      stepsWithoutAction++;
      warnings.push({
        rule: 'actions',
        line: where,
        message: `l'étape ${step.number} ne dit pas quoi faire : commencez-la par un verbe à l'impératif, en gras (« **Ouvrez l'application.** »).`,
      });
    }
    if (!step.instruction && actions.length) {
      warnings.push({ rule: 'actions', line: where, message: `l'étape ${step.number} : mettez la consigne en gras, au début (« **${actions[0]} …** »).` });
    }
    if (step.instruction && /^(?:ne|n['’])/iu.test(step.instruction) && negationsOf(step.instruction)) {
      warnings.push({
        rule: 'negation',
        line: where,
        message: `l'étape ${step.number} est une consigne négative (${excerpt(step.instruction)}) : dites ce qu'il faut faire ; les interdits vont dans « Attention ».`,
      });
    }
  });

  if (counted >= 10 && negativeSentences / counted > LIMITS.negativeShare) {
    warnings.push({
      rule: 'negation',
      line: firstLine,
      message: `${negativeSentences} phrases négatives sur ${counted} (${Math.round((negativeSentences / counted) * 100)} %, ${Math.round(LIMITS.negativeShare * 100)} % au plus hors « Attention ») : dites ce qu'il faut faire plutôt que ce qu'il ne faut pas faire.`,
    });
  }
  const averageSentenceWords = sentences ? +(words / sentences).toFixed(1) : 0;
  if (averageSentenceWords > LIMITS.averageSentenceWords) {
    errors.push({
      rule: 'moyenne',
      line: firstLine,
      message: `les phrases font ${averageSentenceWords} mots en moyenne (${LIMITS.averageSentenceWords} au plus) : raccourcissez les plus longues.`,
    });
  }
  if (jargon) errors.push(...jargonFindings(units, jargon, lineOf));
  const byLine = (a: Finding, b: Finding) => a.line - b.line;
  return {
    sentences,
    words,
    averageSentenceWords,
    longest,
    steps: steps.length,
    stepsWithSeveralActions,
    stepsWithoutAction,
    pictures,
    passives,
    negativeSentences,
    errors: errors.sort(byLine),
    warnings: warnings.sort(byLine),
  };
}
