// « Où en suis-je ? »: the self-check's twelve questions and what the answers lead to.
// One definition for the server (the page without JavaScript) and the browser (the same
// page with it, where the answers never leave the device). The questions climb a ladder,
// from the phone itself to online forms: what to learn first is the lowest rung not yet
// climbed, so the proposals follow the question order.
//
// Each question names the skill in plain words (« ce que vous savez faire »), the guides
// that teach it (`<theme>/<name>` under content/guides; a test checks they exist) and the
// directory service of the places that teach it.

export type Answer = 'oui' | 'aide' | 'non';

export const ANSWERS: readonly { value: Answer; label: string }[] = [
  { value: 'oui', label: 'Oui, seul ou seule' },
  { value: 'aide', label: 'Oui, avec de l’aide' },
  { value: 'non', label: 'Non, pas encore' },
];

export interface Question {
  id: string;
  /** The question, to the person (« vous »). */
  text: string;
  /** The same, asked by an aidant with the person (« la personne »). */
  aidantText: string;
  /** A pictogram (an emoji: no image to download; Unicode 6 ones, that old phones show), decorative. */
  pictogram: string;
  /** What the person can do when they answer « oui », in plain words. */
  skill: string;
  guides: readonly string[];
  service: string;
}

export const QUESTIONS: readonly Question[] = [
  {
    id: 'telephone',
    text: 'Savez-vous allumer votre téléphone et l’ouvrir avec votre code ?',
    aidantText: 'La personne sait-elle allumer son téléphone et l’ouvrir avec son code ?',
    pictogram: '📱',
    skill: 'Allumer un téléphone et l’ouvrir avec le code',
    guides: ['bases/smartphone-premiers-pas'],
    service: 'maitrise-outils-quotidien',
  },
  {
    id: 'wifi',
    text: 'Savez-vous connecter votre téléphone à un WiFi ?',
    aidantText: 'La personne sait-elle connecter son téléphone à un WiFi ?',
    pictogram: '📶',
    skill: 'Se connecter à un WiFi',
    guides: ['bases/wifi-public-ville'],
    service: 'acces-internet-materiel',
  },
  {
    id: 'application',
    text: 'Savez-vous installer une application sur votre téléphone ?',
    aidantText: 'La personne sait-elle installer une application sur son téléphone ?',
    pictogram: '⬇️',
    skill: 'Installer une application',
    guides: ['bases/installer-mettre-a-jour-application'],
    service: 'maitrise-outils-quotidien',
  },
  {
    id: 'photo',
    text: 'Savez-vous prendre une photo d’un papier et l’envoyer à quelqu’un ?',
    aidantText: 'La personne sait-elle prendre une photo d’un papier et l’envoyer ?',
    pictogram: '📷',
    skill: 'Prendre un papier en photo et l’envoyer',
    guides: ['bases/scanner-document-telephone'],
    service: 'maitrise-outils-quotidien',
  },
  {
    id: 'appel-video',
    text: 'Savez-vous faire un appel vidéo avec votre famille ?',
    aidantText: 'La personne sait-elle faire un appel vidéo ?',
    pictogram: '🎥',
    skill: 'Faire un appel vidéo',
    guides: ['bases/appel-video-famille'],
    service: 'maitrise-outils-quotidien',
  },
  {
    id: 'mail-lire',
    text: 'Avez-vous une adresse e-mail et savez-vous lire vos e-mails ?',
    aidantText: 'La personne a-t-elle une adresse e-mail et sait-elle lire ses e-mails ?',
    pictogram: '✉️',
    skill: 'Lire ses e-mails',
    guides: ['bases/creer-adresse-mail'],
    service: 'maitrise-outils-quotidien',
  },
  {
    id: 'mail-joindre',
    text: 'Savez-vous mettre un document dans un e-mail ?',
    aidantText: 'La personne sait-elle mettre un document dans un e-mail ?',
    pictogram: '📎',
    skill: 'Envoyer un document par e-mail',
    guides: ['bases/joindre-document-mail'],
    service: 'maitrise-outils-quotidien',
  },
  {
    id: 'arnaque',
    text: 'Savez-vous reconnaître un faux SMS ou un faux e-mail ?',
    aidantText: 'La personne sait-elle reconnaître un faux SMS ou un faux e-mail ?',
    pictogram: '⚠️',
    skill: 'Reconnaître un faux message',
    guides: ['identite-securite/reconnaitre-arnaque-sms-mail'],
    service: 'utilisation-securisee',
  },
  {
    id: 'mots-de-passe',
    text: 'Avez-vous des mots de passe différents, bien gardés ?',
    aidantText: 'La personne a-t-elle des mots de passe différents, bien gardés ?',
    pictogram: '🔑',
    skill: 'Garder ses mots de passe en sécurité',
    guides: ['identite-securite/mots-de-passe-gestionnaire'],
    service: 'utilisation-securisee',
  },
  {
    id: 'itsme',
    text: 'Savez-vous vous connecter avec itsme ou votre carte d’identité ?',
    aidantText: 'La personne sait-elle se connecter avec itsme ou sa carte d’identité ?',
    pictogram: '💳',
    skill: 'Se connecter avec itsme ou la carte d’identité',
    guides: ['identite-securite/itsme-installer-activer', 'identite-securite/eid-lecteur-carte'],
    service: 'aide-demarches-administratives',
  },
  {
    id: 'formulaire',
    text: 'Savez-vous remplir un formulaire en ligne, par exemple pour la commune ?',
    aidantText: 'La personne sait-elle remplir un formulaire en ligne, par exemple pour la commune ?',
    pictogram: '📝',
    skill: 'Remplir un formulaire en ligne',
    guides: ['administration/guichet-communal-en-ligne', 'administration/mon-dossier-certificats'],
    service: 'aide-demarches-administratives',
  },
  {
    id: 'banque',
    text: 'Savez-vous faire un virement avec l’application de votre banque ?',
    aidantText: 'La personne sait-elle faire un virement avec l’application de sa banque ?',
    pictogram: '💶',
    skill: 'Faire un virement avec l’application de la banque',
    guides: ['vie-quotidienne/banque-en-ligne-virement'],
    service: 'maitrise-outils-quotidien',
  },
];

export type Answers = Partial<Record<string, Answer>>;

const ANSWER_VALUES = new Set<string>(ANSWERS.map((a) => a.value));

/** The answers from a form or a query string; unknown questions and values are ignored. */
export function parseAnswers(raw: Record<string, unknown>): Answers {
  const answers: Answers = {};
  for (const q of QUESTIONS) {
    const v = raw[q.id];
    if (typeof v === 'string' && ANSWER_VALUES.has(v)) answers[q.id] = v as Answer;
  }
  return answers;
}

/** Guides the result may propose (others are skipped: a renamed guide never makes a dead link). */
export interface GuideLink {
  key: string;
  title: string;
  url: string;
}

export interface Orientation {
  /** Answered « oui »: what the person can already do. */
  canDo: Question[];
  /** Answered « avec de l’aide » or « non », lowest rung first. */
  toLearn: Question[];
  /** Not answered. */
  skipped: Question[];
  /** Two or three guides for the first things to learn. */
  guides: GuideLink[];
  /** The directory services of the places that teach them (at most two). */
  services: string[];
}

export const MAX_GUIDES = 3;

export function orient(answers: Answers, guides: readonly GuideLink[]): Orientation {
  const byKey = new Map(guides.map((g) => [g.key, g]));
  const canDo = QUESTIONS.filter((q) => answers[q.id] === 'oui');
  const toLearn = QUESTIONS.filter((q) => answers[q.id] === 'aide' || answers[q.id] === 'non');
  const skipped = QUESTIONS.filter((q) => !answers[q.id]);
  const proposed: GuideLink[] = [];
  // First the first guide of each skill, rung by rung; then second guides if room is left.
  for (const round of [0, 1]) {
    for (const q of toLearn) {
      const g = q.guides[round] ? byKey.get(q.guides[round]) : undefined;
      if (g && proposed.length < MAX_GUIDES && !proposed.includes(g)) proposed.push(g);
    }
  }
  const services = [...new Set(toLearn.map((q) => q.service))].slice(0, 2);
  return { canDo, toLearn, skipped, guides: proposed, services };
}

/** A Belgian postcode (four digits), or nothing. */
export function parsePostcode(raw: unknown): string | undefined {
  return typeof raw === 'string' && /^\s*\d{4}\s*$/.test(raw) ? raw.trim() : undefined;
}

/** The kinds of places where someone teaches (not a WiFi spot, not a shop). */
export const TEACHING_KINDS = ['epn', 'permanence', 'formation', 'accompagnement'] as const;

/** How many places the result proposes. */
export const PLACES_SHOWN = 3;
