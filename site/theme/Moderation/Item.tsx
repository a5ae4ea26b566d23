// One submission on the desk: the page as it will look (the site's own component) with its
// map, what a correction changes (French labels, human values), the same form as /proposer
// to edit before accepting (only what the moderator changes is sent), the exchange with the
// association (« Corrigée par l'association le … »), and the decisions — for a report:
// correct the listing, archive it, or answer without change. Keys: see Shortcuts.tsx.
import { type FormEvent, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Patch } from '../../../core/model/initiative-patch.ts';
import { fieldsOf, formFieldFor, formValuesOf, initiativeFromForm, type ProposalVocabularies } from '../../../core/proposal-form.ts';
import { SUBMISSION_TYPE_LABELS } from '../../../core/statuses.ts';
import { sitePaths } from '../../../core/urls.ts';
import type { Change, ModerationView } from '../../../core/wire/moderation.ts';
import type { InitiativeView } from '../../directory/view-model.ts';
import InitiativeDetails from '../Directory/InitiativeDetails.tsx';
import InitiativeFields, { shownFields } from '../ProposalForm/InitiativeFields.tsx';
import { ErrorSummary, type Errors, fieldId } from '../ProposalForm/widgets.tsx';
import { when } from './api.ts';
import PointMap from './PointMap.tsx';

export type Decision =
  | { action: 'approve'; edits?: Patch; report?: 'archive' | 'correct' }
  | { action: 'reject'; text: string }
  | { action: 'request-changes'; text: string };

export interface ItemProps {
  item: ModerationView;
  vocab: ProposalVocabularies;
  tiles: string;
  /** « 3 sur 20 » */
  position: string;
  errors: Errors;
  message?: string;
  busy: boolean;
  decide(decision: Decision): void;
  preview(edits: Patch): Promise<{ preview: unknown; changes: Change[] } | null>;
  skip(): void;
  back(): void;
}

/** Is the key meant for a field (typing), not for a shortcut? */
export const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

function Changes({ changes }: { changes: Change[] }): ReactNode {
  if (!changes.length) return <p>Aucun changement par rapport à la fiche publiée.</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the screen scrolls; the keyboard must reach it (WCAG 2.1.1).
    <div className="tableau-defilant" tabIndex={0} role="region" aria-labelledby="changements-titre">
      <table>
        <caption id="changements-titre">Ce qui change par rapport à la fiche publiée</caption>
        <thead>
          <tr>
            <th scope="col">Champ</th>
            <th scope="col">Avant</th>
            <th scope="col">Après</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.field}>
              <th scope="row">{c.label}</th>
              <td>{c.before ?? '(vide)'}</td>
              <td>{c.after ?? '(retiré)'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function Item({ item, vocab, tiles, position, errors, message, busy, decide, preview, skip, back }: ItemProps): ReactNode {
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const text = useRef<HTMLTextAreaElement>(null);
  const proposal = item.proposal ?? item.initiative;
  const base = useMemo(() => (proposal ? formValuesOf(proposal) : {}), [proposal]);
  const [view, setView] = useState(item.preview as InitiativeView | undefined);
  const [changes, setChanges] = useState(item.changes);
  const [geo, setGeo] = useState(proposal?.geo);
  const [confirmed, setConfirmed] = useState(false);
  const report = item.type === 'report';
  const open = item.status === 'pending';
  const shown = shownFields('moderation', base, vocab, errors, true);
  shown.add('geo');
  shown.add('texte');

  useEffect(() => {
    heading.current?.focus();
  }, []);

  /** What the moderator changed in the form (nothing: an empty patch). */
  const edits = useCallback((): Patch => {
    if (!form.current || !proposal) return {};
    const values = fieldsOf(new FormData(form.current).entries());
    const patch = initiativeFromForm(values, base);
    const lat = Number(String(values.geo_lat ?? '').replace(',', '.'));
    const lng = Number(String(values.geo_lng ?? '').replace(',', '.'));
    const moved = Number.isFinite(lat) && Number.isFinite(lng) && (lat !== proposal.geo.lat || lng !== proposal.geo.lng);
    if (moved || values.geo_confirm === 'on') patch.geo = { lat, lng };
    return patch;
  }, [base, proposal]);

  // The preview follows the edits (checked by the server), after a pause.
  const timer = useRef<number | undefined>(undefined);
  const refresh = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(async () => {
      const result = await preview(edits());
      if (result) {
        setView(result.preview as InitiativeView);
        setChanges(result.changes);
      }
    }, 600);
  }, [edits, preview]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const approve = useCallback(
    (kind?: 'archive' | 'correct') => {
      if (kind === 'archive') return decide({ action: 'approve', report: 'archive' });
      const patch = edits();
      decide({ action: 'approve', ...(Object.keys(patch).length ? { edits: patch } : {}), ...(report ? { report: 'correct' as const } : {}) });
    },
    [decide, edits, report],
  );

  const answer = useCallback(
    (action: 'reject' | 'request-changes') => {
      const value = text.current?.value.trim() ?? '';
      if (!value) {
        text.current?.focus();
        return;
      }
      decide({ action, text: value });
    },
    [decide],
  );

  // Shortcuts, when no field has the focus: a accept, x archive (report), r refuse/answer, m ask for changes, s next, Échap the queue.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        back();
        return;
      }
      if (typing(e.target) || busy) return;
      const key = e.key.toLowerCase();
      if (key === 's') {
        e.preventDefault();
        skip();
      } else if (!open) return;
      else if (key === 'a') {
        e.preventDefault();
        approve(report ? 'correct' : undefined);
      } else if (key === 'x' && report) {
        e.preventDefault();
        approve('archive');
      } else if (key === 'r' || key === 'm') {
        e.preventDefault();
        if (text.current) text.current.dataset.action = key === 'r' ? 'reject' : 'request-changes';
        text.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [approve, back, skip, busy, open, report]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    approve(report ? 'correct' : undefined);
  };

  return (
    <article className="bureau__demande" aria-labelledby="demande-titre">
      <p className="bureau__position">{position}</p>
      <h2 id="demande-titre" tabIndex={-1} ref={heading}>
        {SUBMISSION_TYPE_LABELS[item.type]} : {item.name}
      </h2>
      <ul className="bureau__marques">
        {item.resubmittedAt && <li className="marque marque--corrigee">Corrigée par l'association le {when(item.resubmittedAt)}</li>}
        {item.duplicate && (
          <li className="marque marque--alerte">
            Doublon possible : {item.duplicate.listing ? <a href={sitePaths.initiative(item.duplicate.listing)}>{item.duplicate.name}</a> : item.duplicate.name}{' '}
            ({item.duplicate.why}
            {item.duplicate.submission ? ', proposition en attente' : ', fiche publiée'})
          </li>
        )}
        {item.geoApproximate && <li className="marque">Point approximatif (centre du code postal) : placez-le sur la carte.</li>}
        {item.geoToConfirm && <li className="marque marque--alerte">L'adresse change : confirmez le point sur la carte avant d'accepter.</li>}
        {item.imported && <li className="marque">Importée de {item.imported.source}</li>}
      </ul>
      <p>
        Reçue le {when(item.createdAt)}, de {item.submitter.name} ({item.submitter.email}
        {item.submitter.organisation ? `, ${item.submitter.organisation}` : ''}). Ces coordonnées ne sont jamais publiées.
        {item.targetId && (
          <>
            {' '}
            <a href={sitePaths.initiative(item.targetId)}>Voir la fiche publiée</a>
          </>
        )}
      </p>

      <section aria-labelledby="echanges-titre" className="bureau__echanges">
        <h3 id="echanges-titre">Échanges avec la personne</h3>
        {item.thread.length === 0 ? (
          <p>Pas de message.</p>
        ) : (
          <ol className="fil">
            {item.thread.map((t) => (
              <li key={t.at + t.from} className={`fil__message fil__message--${t.from}`}>
                <strong>{t.from === 'moderator' ? "L'équipe" : item.imported ? 'Import' : 'La personne'}</strong> ({when(t.at)}) : {t.text}
              </li>
            ))}
          </ol>
        )}
      </section>

      <ErrorSummary id="bureau-bilan" message={message} errors={errors} shown={shown} />

      {open && (
        <section aria-labelledby="decision-titre" className="bureau__decision">
          <h3 id="decision-titre">Décision</h3>
          <div className="bureau__boutons">
            {report ? (
              <>
                <button type="button" className="button button--primary" onClick={() => approve('correct')} disabled={busy} aria-keyshortcuts="A">
                  Corriger la fiche et publier
                </button>
                <button type="button" className="button button--secondary" onClick={() => approve('archive')} disabled={busy} aria-keyshortcuts="X">
                  Archiver la fiche
                </button>
              </>
            ) : (
              <button type="button" className="button button--primary" onClick={() => approve()} disabled={busy} aria-keyshortcuts="A">
                Accepter et publier
              </button>
            )}
          </div>
          <div className="formulaire__champ">
            <label htmlFor={fieldId('texte')}>
              {report ? 'Votre réponse à la personne, ou ce qu’il faut préciser' : 'Raison du refus, ou ce qu’il faut changer'}
            </label>
            <p className="formulaire__aide" id={`${fieldId('texte')}-aide`}>
              La personne lit ce message sur sa page de suivi et le reçoit par e-mail.
            </p>
            <textarea
              id={fieldId('texte')}
              ref={text}
              rows={3}
              onKeyDown={(e) => {
                // Ctrl+Entrée sends the message with the action its shortcut chose (r: refuse or answer, m: ask for changes).
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  answer(e.currentTarget.dataset.action === 'request-changes' ? 'request-changes' : 'reject');
                }
              }}
              aria-describedby={`${fieldId('texte')}-aide${errors.texte ? ` ${fieldId('texte')}-erreur` : ''}`}
              aria-invalid={errors.texte ? true : undefined}
            />
            {errors.texte && (
              <p className="formulaire__erreur" id={`${fieldId('texte')}-erreur`}>
                {errors.texte}
              </p>
            )}
          </div>
          <div className="bureau__boutons">
            <button type="button" className="button button--secondary" onClick={() => answer('reject')} disabled={busy} aria-keyshortcuts="R">
              {report ? 'Répondre sans changer la fiche' : 'Refuser'}
            </button>
            <button type="button" className="button button--secondary" onClick={() => answer('request-changes')} disabled={busy} aria-keyshortcuts="M">
              Demander des modifications
            </button>
          </div>
        </section>
      )}
      <p className="bureau__boutons">
        <button type="button" className="button button--link" onClick={skip} aria-keyshortcuts="S">
          Demande suivante
        </button>
        <button type="button" className="button button--link" onClick={back} aria-keyshortcuts="Escape">
          Retour à la file
        </button>
      </p>

      <div className="bureau__colonnes">
        <section aria-labelledby="apercu-titre" className="apercu-fiche">
          <h3 id="apercu-titre">{report ? 'La fiche signalée' : 'La fiche telle qu’elle sera publiée'}</h3>
          {item.message && report && (
            <blockquote className="bureau__signalement">
              <strong>Le signalement :</strong> {item.message}
            </blockquote>
          )}
          {changes && <Changes changes={changes} />}
          {view && (
            <div className="apercu-fiche__cadre">
              <InitiativeDetails view={view} />
            </div>
          )}
        </section>

        {proposal && open && (
          <section aria-labelledby="modifier-titre" className="bureau__formulaire formulaire">
            <h3 id="modifier-titre">{report ? 'Corriger la fiche' : 'Modifier avant d’accepter'}</h3>
            <p>Changez seulement ce qui doit l'être : le reste de la fiche ne bouge pas.</p>
            <form ref={form} onSubmit={onSubmit} onInput={refresh} onChange={refresh} noValidate key={item.id}>
              <fieldset className="formulaire__cases" id={fieldId('geo')}>
                <legend>Point sur la carte</legend>
                {geo && <PointMap lat={geo.lat} lng={geo.lng} tiles={tiles} name={item.name} onMove={(lat, lng) => setGeo({ lat, lng })} />}
                <div className="bureau__coordonnees">
                  <div className="formulaire__champ">
                    <label htmlFor={fieldId('geo_lat')}>Latitude</label>
                    <input
                      id={fieldId('geo_lat')}
                      name="geo_lat"
                      inputMode="decimal"
                      value={geo ? String(geo.lat) : ''}
                      onChange={(e) => setGeo((g) => ({ lat: Number(e.currentTarget.value.replace(',', '.')), lng: g?.lng ?? 0 }))}
                    />
                  </div>
                  <div className="formulaire__champ">
                    <label htmlFor={fieldId('geo_lng')}>Longitude</label>
                    <input
                      id={fieldId('geo_lng')}
                      name="geo_lng"
                      inputMode="decimal"
                      value={geo ? String(geo.lng) : ''}
                      onChange={(e) => setGeo((g) => ({ lat: g?.lat ?? 0, lng: Number(e.currentTarget.value.replace(',', '.')) }))}
                    />
                  </div>
                </div>
                {(item.geoToConfirm || errors.geo) && (
                  <div className="formulaire__case">
                    <input
                      type="checkbox"
                      id={fieldId('geo_confirm')}
                      name="geo_confirm"
                      checked={confirmed}
                      onChange={(e) => setConfirmed(e.currentTarget.checked)}
                    />
                    <label htmlFor={fieldId('geo_confirm')}>Le point est juste pour la nouvelle adresse</label>
                  </div>
                )}
                {errors.geo && (
                  <p className="formulaire__erreur" id={`${fieldId('geo')}-erreur`}>
                    {errors.geo}
                  </p>
                )}
              </fieldset>
              <InitiativeFields vocab={vocab} values={base} errors={errors} js mode="moderation" />
              <button type="submit" className="button button--primary" disabled={busy}>
                {report ? 'Corriger la fiche et publier' : 'Accepter et publier (avec ces changements)'}
              </button>
            </form>
          </section>
        )}
      </div>
    </article>
  );
}

/** The desk's field errors as form fields (edits.address.street → address_street, edits.geo → geo). */
export function deskErrors(fields: Record<string, string>): Errors {
  const out: Errors = {};
  for (const [key, text] of Object.entries(fields)) {
    const name = key === 'reason' || key === 'message' ? 'texte' : /^edits\.geo/.test(key) ? 'geo' : formFieldFor(key);
    out[name] ??= text;
  }
  return out;
}
