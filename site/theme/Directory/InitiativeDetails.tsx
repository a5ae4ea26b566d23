// The body of /annuaire/<id>. First what a citizen needs at a glance, within the first
// screen of a phone: name, kind, open or not (the page's script knows the time; without
// it, the open days), the address with « Itinéraire », the phone as a link that calls.
// Then the week's hours, the help in plain words, the map, how to come, the contact.
// Each link appears once. Printed, the page is the one-page « fiche d'orientation » an
// aidant hands over: the week's hours (never « maintenant »), the address, the phone, a QR
// code of the page and the date of printing. Partner text is never interpreted as HTML or
// Markdown here: React escapes it.
import React from 'react';
import { sitePaths } from '../../../core/urls.ts';
import type { SiteData } from '../../../plugins/api/types.ts';
import type { QrSvg } from '../../directory/qr-code.ts';
import type { InitiativeView } from '../../directory/view-model.ts';
import DemoNotice from './DemoNotice.tsx';
import HoursTable from './HoursTable.tsx';
import ListingMap from './ListingMap.tsx';
import TermList from './TermList.tsx';

export interface PrintedSheet {
  /** The page's absolute address, printed under its QR code. */
  pageUrl: string;
  qr: QrSvg;
}

/** `extra`: what plugins add to this page (siteData hook): badges and extra lines, shown as text. */
export default function InitiativeDetails({ view, extra = {}, sheet }: { view: InitiativeView; extra?: SiteData; sheet?: PrintedSheet }): React.JSX.Element {
  const { address, contact, hours } = view;
  return (
    <article className="fiche-lieu" data-id={view.id} data-lecture="">
      <nav className="annuaire__fil" aria-label="Fil d'Ariane">
        <ol>
          <li>
            <a href={sitePaths.directory}>Annuaire</a>
          </li>
          {view.areas.map((a) => (
            <li key={a.url}>
              <a href={a.url}>{a.name}</a>
            </li>
          ))}
        </ol>
      </nav>
      <p className="fiche-orientation__entete">Fiche d'orientation · Passerelle, l'aide numérique à Charleroi Métropole</p>

      <div className="fiche-lieu__essentiel">
        <h1>{view.name}</h1>
        <p className="fiche-lieu__type">
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
        {view.closure && (
          <p className="fiche-lieu__fermeture" role="note">
            <strong>{view.closure.text}</strong>
          </p>
        )}
        {!hours && !view.period && view.hoursUnknownText && <p className="etat-ouverture">{view.hoursUnknownText}</p>}
        {hours && !view.closure && (
          <p className="etat-ouverture" id="etat-ouverture">
            <span id="etat-ouverture-texte" aria-live="polite">
              {hours.alwaysOpen ? 'Ouvert tous les jours, 24 heures sur 24.' : hours.openDays ? `Ouvert ${hours.openDays}.` : 'Fermé toute la semaine.'}
            </span>{' '}
            <a href="#horaires">Voir les horaires</a>
          </p>
        )}
        {view.period && <p className="fiche-lieu__dates">{view.period.text}</p>}
        <div className="fiche-lieu__adresse">
          <p>
            <span className="sr-only">Adresse : </span>
            {address.street}
            <br />
            {address.postcode} {address.locality}
            {address.communeName !== address.locality && ` (${address.communeName})`}
          </p>
          <a className="bouton-action" href={view.routeUrl}>
            Itinéraire
          </a>
        </div>
        {contact?.phone && (
          <p className="fiche-lieu__tel">
            <a className="bouton-action" href={contact.phoneHref}>
              {'Appeler le '}
              <span className="fiche-lieu__numero">{contact.phone}</span>
            </a>
          </p>
        )}
      </div>

      <p className="initiative__resume">{view.summary}</p>

      <div className="fiche-lieu__details">
        {hours && (
          <section className="fiche-lieu__horaires" aria-labelledby="horaires">
            <h2 id="horaires">Horaires</h2>
            <HoursTable hours={hours} />
          </section>
        )}

        {view.period && (
          <section aria-labelledby="dates">
            <h2 id="dates">Dates</h2>
            <p>{view.period.text}</p>
          </section>
        )}

        <section className="fiche-lieu__aide" aria-labelledby="aide">
          <h2 id="aide">L'aide proposée</h2>
          <TermList title="Pour quoi faire" items={view.services} />
          <TermList title="Pour qui" items={view.publics} />
          <TermList title="Aide adaptée" items={view.support} />
          <TermList title="Langues parlées" items={view.languages} />
        </section>

        <section className="fiche-lieu__carte" aria-labelledby="carte">
          <h2 id="carte">Plan</h2>
          <ListingMap view={view} />
        </section>

        <section className="fiche-lieu__acces" aria-labelledby="acces">
          <h2 id="acces">Comment venir</h2>
          <ul className="liste-termes">
            <li>Prix : {view.access.cost}</li>
            <li>Rendez-vous : {view.access.appointment}</li>
          </ul>
          <TermList title="Comment faire" items={view.access.modes} />
          <TermList title="Accessibilité" items={view.access.accessibility} />
        </section>

        <section className="fiche-lieu__contact" aria-labelledby="contact">
          <h2 id="contact">Contact</h2>
          <p>Organisé par : {view.organisation.name}</p>
          {contact?.phone && <p className="fiche-lieu__tel-texte">Téléphone : {contact.phone}</p>}
          {contact?.email && (
            <p>
              E-mail : <a href={`mailto:${contact.email}`}>{contact.email}</a>
            </p>
          )}
          {view.website && (
            <p>
              Site web : <a href={view.website}>{view.website}</a>
            </p>
          )}
          {view.organisationWebsite && (
            <p>
              Site de l'organisation : <a href={view.organisationWebsite}>{view.organisationWebsite}</a>
            </p>
          )}
          {!contact && <p>Pas de téléphone ni d'e-mail connus : présentez-vous aux heures d'ouverture.</p>}
        </section>
      </div>

      {view.descriptionParagraphs.length > 0 && (
        <section className="fiche-lieu__description" aria-labelledby="description">
          <h2 id="description">En savoir plus</h2>
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

      {!view.demo && <p className="fraicheur">Informations vérifiées le {view.updatedText}.</p>}

      {sheet && (
        <div className="fiche-orientation__pied" aria-hidden="true">
          <svg className="fiche-orientation__qr" viewBox={`0 0 ${sheet.qr.size} ${sheet.qr.size}`} role="presentation">
            <path d={sheet.qr.path} />
          </svg>
          <div>
            <p>
              Horaires à jour et itinéraire : scannez le code ou allez sur
              <br />
              <span className="fiche-orientation__url">{sheet.pageUrl}</span>
            </p>
            <p>
              Imprimée le <span id="date-impression">……………………</span>
            </p>
            <div className="fiche-orientation__notes">Notes de l'aidant :</div>
          </div>
        </div>
      )}

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
      </div>
    </article>
  );
}
