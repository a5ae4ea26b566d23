// The French e-mails of the notifications plugin: to moderators when a submission arrives
// or comes back corrected, to the submitter as a receipt (with the tracking link) and when
// it is approved, rejected or sent back for changes; a report acted on is never « refused ». Short sentences,
// plain words (FALC-friendly), fr-BE. Each mail is written once as blocks and rendered to
// plain text and to simple HTML. Submitted text (names, reasons) is data: it is escaped in
// HTML and flattened to one line in subjects, so it can neither add markup nor headers.

import { formatWeek, typicalWeek } from '../../../core/hours/index.ts';
import { escapeHtml } from '../../../core/html.ts';
import { absoluteUrl, initiativeUrl, type SiteUrl, sitePaths } from '../../../core/urls.ts';
import type { ApprovedEvent, DecisionEvent, PluginSubmission, SubmissionCorrectedEvent } from '../../api/types.ts';

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

/** A paragraph of lines, a link shown as its address after a label, or a quoted text (the moderator's words). */
type Block = { lines: string[] } | { label: string; link: string } | { quote: string };

const SIGNATURE: Block = { lines: ['L’équipe Passerelle'] };
const AUTOMATIC: Block = { lines: ['Ce message est envoyé automatiquement par Passerelle.'] };

/** Multi-line data as plain text: one newline style, no control characters besides tabs. */
function cleanText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/g, '')
    .trim();
}

/** Data on one line: newlines and control characters become spaces (subjects, greetings). */
export function oneLine(value: string, max = 150): string {
  const flat = value
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

function renderText(blocks: Block[]): string {
  return `${blocks
    .map((b) =>
      'lines' in b
        ? b.lines.join('\n')
        : 'link' in b
          ? `${b.label}\n${b.link}`
          : cleanText(b.quote)
              .split('\n')
              .map((l) => (l ? `> ${l}` : '>'))
              .join('\n'),
    )
    .join('\n\n')}\n`;
}

function renderHtml(blocks: Block[]): string {
  const body = blocks
    .map((b) => {
      if ('lines' in b) return `<p>${b.lines.map(escapeHtml).join('<br>\n')}</p>`;
      if ('link' in b) return `<p>${escapeHtml(b.label)}<br>\n<a href="${escapeHtml(b.link)}">${escapeHtml(b.link)}</a></p>`;
      return `<blockquote style="margin:0 0 1em;padding-left:1em;border-left:4px solid #888"><p>${cleanText(b.quote).split('\n').map(escapeHtml).join('<br>\n')}</p></blockquote>`;
    })
    .join('\n');
  return `<!doctype html>\n<html lang="fr-BE">\n<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">\n${body}\n</body>\n</html>\n`;
}

function mail(subject: string, blocks: Block[]): MailContent {
  return { subject: oneLine(subject, 200), text: renderText(blocks), html: renderHtml(blocks) };
}

/** The initiative's name as the submitter wrote it (or the published one), else its id. */
function nameOf(submission: PluginSubmission, published?: { name: string }): string | undefined {
  const name = published?.name ?? submission.initiative?.name ?? submission.targetId;
  return name ? oneLine(name, 120) : undefined;
}

const quoted = (name: string | undefined): string => (name ? ` « ${name} »` : '');
/** The end of a subject: ` : « name »`. */
const about = (name: string | undefined): string => (name ? ` : « ${name} »` : '');

function greeting(submission: PluginSubmission): Block {
  const name = oneLine(submission.submitter.name, 80);
  return { lines: [name ? `Bonjour ${name},` : 'Bonjour,'] };
}

const TYPE_LABELS: Record<PluginSubmission['type'], string> = {
  create: 'nouvelle initiative',
  update: 'changement d’une fiche',
  report: 'signalement d’une fiche',
};

/** To the moderators: a submission waits in the queue. Says what, not who. */
export function newSubmissionMail(submission: PluginSubmission, siteUrl: SiteUrl): MailContent {
  const name = nameOf(submission);
  const facts = [`Type : ${TYPE_LABELS[submission.type]}`];
  if (submission.initiative?.name) facts.push(`Initiative : ${oneLine(submission.initiative.name, 120)}`);
  if (submission.targetId) facts.push(`Fiche concernée : ${oneLine(submission.targetId, 120)}`);
  facts.push(`Référence : ${oneLine(submission.id, 80)}`);
  return mail(`Nouvelle demande à relire${about(name)}`, [
    { lines: ['Bonjour,'] },
    { lines: ['Une nouvelle demande attend votre relecture.'] },
    { lines: facts },
    { label: 'Pour la lire et décider, ouvrez l’espace de modération :', link: absoluteUrl(siteUrl, sitePaths.moderation) },
    AUTOMATIC,
  ]);
}

/** To the submitter, once: the proposal is received; the tracking link (a key to it) is only in this mail. */
export function receiptMail(submission: PluginSubmission, trackingUrl: string): MailContent {
  const name = nameOf(submission);
  const report = submission.type === 'report';
  return mail(report ? `Votre signalement est bien reçu${about(name)}` : `Votre proposition est bien reçue${about(name)}`, [
    greeting(submission),
    {
      lines: [
        report ? `Merci pour votre signalement de la fiche${quoted(name)}.` : `Merci pour votre proposition${quoted(name)}.`,
        'Une personne de l’équipe va la relire.',
      ],
    },
    { label: 'Pour voir où elle en est, et répondre à l’équipe si elle vous pose une question, gardez ce lien :', link: trackingUrl },
    { lines: ['Ce lien est personnel : ne le partagez pas.'] },
    SIGNATURE,
    AUTOMATIC,
  ]);
}

/** To the moderators: a submission sent back for changes is corrected and waits again. */
export function correctedMail(event: SubmissionCorrectedEvent, siteUrl: SiteUrl): MailContent {
  const name = nameOf(event.submission);
  return mail(`Corrigée par l’association${about(name)}`, [
    { lines: ['Bonjour,'] },
    { lines: ['Une demande renvoyée pour modifications a été corrigée. Elle attend de nouveau votre relecture.'] },
    { lines: [`Type : ${TYPE_LABELS[event.submission.type]}`, `Référence : ${oneLine(event.submission.id, 80)}`] },
    { lines: ['Son message :'] },
    { quote: event.message },
    { label: 'Pour la relire, ouvrez l’espace de modération :', link: absoluteUrl(siteUrl, sitePaths.moderation) },
    AUTOMATIC,
  ]);
}

/** The published hours, day by day, so the submitter can check them (nothing without hours). */
function hoursBlock(hours: string | undefined): Block[] {
  if (!hours) return [];
  const open = formatWeek(typicalWeek(hours)).filter((d) => !d.closed);
  if (!open.length) return [];
  return [{ lines: ['Les horaires publiés :', ...open.map((d) => `${d.name.charAt(0).toUpperCase()}${d.name.slice(1)} : ${d.text}`)] }];
}

/** To the submitter: the proposal is published (or, for a report, the listing is withdrawn). */
export function approvedMail(event: ApprovedEvent, siteUrl: SiteUrl): MailContent {
  const { submission, initiative } = event;
  const name = nameOf(submission, initiative);
  if (initiative.status === 'archived') {
    return mail(`Votre signalement est traité${about(name)}`, [
      greeting(submission),
      { lines: ['Merci pour votre signalement.', 'L’équipe l’a vérifié.', `La fiche${quoted(name)} est retirée de l’annuaire.`] },
      SIGNATURE,
      AUTOMATIC,
    ]);
  }
  if (submission.type === 'report') {
    return mail(`Votre signalement est traité${about(name)}`, [
      greeting(submission),
      { lines: ['Merci pour votre signalement.', 'L’équipe l’a vérifié.', `La fiche${quoted(name)} est corrigée dans l’annuaire.`] },
      { label: 'Voici sa page :', link: initiativeUrl(siteUrl, initiative.id) },
      SIGNATURE,
      AUTOMATIC,
    ]);
  }
  const update = submission.type === 'update';
  return mail(update ? `Vos changements sont publiés${about(name)}` : `Votre initiative est publiée${about(name)}`, [
    greeting(submission),
    {
      lines: update
        ? ['Bonne nouvelle : vos changements sont acceptés.', `La fiche${quoted(name)} est à jour dans l’annuaire.`]
        : ['Bonne nouvelle : votre proposition est acceptée.', `L’initiative${quoted(name)} est maintenant dans l’annuaire.`],
    },
    { label: 'Voici sa page :', link: initiativeUrl(siteUrl, initiative.id) },
    ...hoursBlock(initiative.hours),
    { lines: ['Merci pour votre aide.'] },
    SIGNATURE,
    AUTOMATIC,
  ]);
}

/** To the submitter: the proposal is not accepted, with the moderator's reason quoted. */
export function rejectedMail(event: DecisionEvent): MailContent {
  const { submission } = event;
  const name = nameOf(submission);
  const report = submission.type === 'report';
  // A report answered without changing the listing is handled, not refused.
  return mail(report ? `Votre signalement est traité${about(name)}` : `Votre proposition n’est pas acceptée${about(name)}`, [
    greeting(submission),
    {
      lines: report
        ? [`Merci pour votre signalement de la fiche${quoted(name)}.`, 'L’équipe l’a vérifié. La fiche reste comme elle est.']
        : [`Merci pour votre proposition${quoted(name)}.`, 'L’équipe ne peut pas la publier.'],
    },
    { lines: [report ? 'Voici sa réponse :' : 'Voici la raison :'] },
    { quote: event.reason },
    SIGNATURE,
    AUTOMATIC,
  ]);
}

/** To the submitter: changes are needed; the tracking link (its token) is only in their hands. */
export function changesRequestedMail(event: DecisionEvent): MailContent {
  const { submission } = event;
  const name = nameOf(submission);
  const report = submission.type === 'report';
  return mail(report ? `Votre signalement : l’équipe a une question${about(name)}` : `Des changements sont demandés${about(name)}`, [
    greeting(submission),
    {
      lines: report
        ? [`Merci pour votre signalement de la fiche${quoted(name)}.`, 'L’équipe a besoin de plus d’informations.']
        : [`Merci pour votre proposition${quoted(name)}.`, 'L’équipe a besoin de quelques changements avant de la publier.'],
    },
    { lines: ['Voici le message de l’équipe :'] },
    { quote: event.reason },
    {
      lines: [
        'Pour répondre, utilisez le lien de suivi reçu lors de l’envoi.',
        report ? 'Sur cette page, vous pouvez écrire votre réponse.' : 'Sur cette page, vous pouvez corriger votre proposition et la renvoyer.',
      ],
    },
    SIGNATURE,
    AUTOMATIC,
  ]);
}
