// The body of /annuaire/<id>: every field of the initiative, as text (partner text is
// never interpreted as HTML or Markdown here: React escapes it).
import React from 'react';
import { sitePaths } from '../../../core/urls.ts';
import type { SiteData } from '../../../plugins/api/types.ts';
import type { InitiativeView } from '../../directory/view-model.ts';
import DemoNotice from './DemoNotice.tsx';
import HoursTable from './HoursTable.tsx';
import TermList from './TermList.tsx';

/** `extra`: what plugins add to this page (siteData hook): badges and extra lines, shown as text. */
export default function InitiativeDetails({ view, extra = {} }: { view: InitiativeView; extra?: SiteData }): React.JSX.Element {
  const { address, contact } = view;
  return (
    <article className="initiative" data-id={view.id}>
      <nav className="annuaire__fil" aria-label="Fil d'Ariane">
        <ol>
          <li>
            <a href={sitePaths.home}>Accueil</a>
          </li>
          <li>
            <a href={sitePaths.directory}>Annuaire</a>
          </li>
          <li>
            <span aria-current="page">{view.name}</span>
          </li>
        </ol>
      </nav>
      <p className="fiche-orientation__entete">Fiche d'orientation — Passerelle, l'aide numérique à Charleroi Métropole</p>
      <h1>{view.name}</h1>
      <p>
        <span className="badge-type">{view.kindLabel}</span>
        {extra.badges?.map((b) => (
          <React.Fragment key={b.label}>
            {' '}
            <span className="badge-plugin" title={b.description}>
              {b.label}
            </span>
          </React.Fragment>
        ))}
      </p>
      {view.demo && <DemoNotice />}
      <p className="initiative__resume">{view.summary}</p>
      <p className="etat-ouverture" id="etat-ouverture" hidden aria-live="polite" />

      <div className="fiche">
        <section aria-labelledby="adresse">
          <h2 id="adresse">Adresse</h2>
          <p>
            {address.street}
            <br />
            {address.postcode} {address.locality}
            {address.communeName !== address.locality && ` (${address.communeName})`}
          </p>
          <p>
            <a href={view.osmUrl}>Voir sur la carte (OpenStreetMap)</a>
            <br />
            <a href={view.routeUrl}>Calculer l'itinéraire</a>
          </p>
        </section>

        {view.hours && (
          <section aria-labelledby="horaires">
            <h2 id="horaires">Horaires</h2>
            <HoursTable hours={view.hours} />
          </section>
        )}

        {view.period && (
          <section aria-labelledby="dates">
            <h2 id="dates">Dates</h2>
            <p>{view.period.text}</p>
          </section>
        )}

        <section aria-labelledby="contact">
          <h2 id="contact">Contact</h2>
          <p>{view.organisation.name}</p>
          {view.organisation.website && (
            <p>
              Site de l'organisation : <a href={view.organisation.website}>{view.organisation.website}</a>
            </p>
          )}
          {contact?.phone && (
            <p>
              Téléphone : <a href={contact.phoneHref}>{contact.phone}</a>
            </p>
          )}
          {contact?.email && (
            <p>
              E-mail : <a href={`mailto:${contact.email}`}>{contact.email}</a>
            </p>
          )}
          {contact?.website && (
            <p>
              Site web : <a href={contact.website}>{contact.website}</a>
            </p>
          )}
          {!contact && <p>Pas de téléphone ni d'e-mail connus : présentez-vous aux heures d'ouverture.</p>}
        </section>

        <section aria-labelledby="acces">
          <h2 id="acces">Comment y accéder</h2>
          <ul className="liste-termes">
            <li>Prix : {view.access.cost}</li>
            <li>Rendez-vous : {view.access.appointment}</li>
          </ul>
          <TermList title="Pour venir" items={view.access.modes} />
          <TermList title="Accessibilité" items={view.access.accessibility} />
        </section>

        <section aria-labelledby="aide">
          <h2 id="aide">L'aide proposée</h2>
          <TermList title="Services" items={view.services} />
          <TermList title="Pour qui" items={view.publics} />
          <TermList title="Prise en charge spécifique" items={view.support} />
          <TermList title="Langues parlées" items={view.languages} />
        </section>
      </div>

      {view.descriptionParagraphs.length > 0 && (
        <section aria-labelledby="description">
          <h2 id="description">Description</h2>
          {view.descriptionParagraphs.map((p) => (
            <p key={p} className="initiative__description">
              {p}
            </p>
          ))}
        </section>
      )}

      {extra.fields && extra.fields.length > 0 && (
        <section aria-labelledby="complements">
          <h2 id="complements">Informations complémentaires</h2>
          <dl className="initiative__complements">
            {extra.fields.map((f) => (
              <React.Fragment key={`${f.label}\u0000${f.value}`}>
                <dt>{f.label}</dt>
                <dd>{f.value}</dd>
              </React.Fragment>
            ))}
          </dl>
        </section>
      )}

      <p className="fraicheur">Informations vérifiées le {view.updatedText}.</p>
      <div className="fiche-orientation__notes" aria-hidden="true">
        Notes de l'aidant :
      </div>

      <div className="actions-fiche">
        <a className="button button--secondary" href={view.editUrl}>
          Proposer une modification
        </a>
        <a className="button button--secondary" href={view.reportUrl}>
          Signaler une erreur
        </a>
        <button type="button" className="button button--primary" id="imprimer-fiche" hidden>
          Imprimer la fiche d'orientation
        </button>
        <a className="button button--link" href={sitePaths.directory}>
          Retour à l'annuaire
        </a>
      </div>
    </article>
  );
}
