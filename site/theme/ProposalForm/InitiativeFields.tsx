// The fields of a listing, in the order people think of it: what it is, where, when
// (the hours editor), how to reach it, what help, then details. The commune is asked only
// when the postcode covers several; dates only for trainings and events (with JavaScript;
// without it they show, labelled as such). Used by /proposer (new or correction), the
// tracking page (corrections asked by the team) and the moderation desk (`moderation`).
import { type ReactNode, useState } from 'react';
import type { FormFields, ProposalVocabularies } from '../../../core/proposal-form.ts';
import HoursEditor from './HoursEditor.tsx';
import { Check, Checks, type Errors, fieldValue, Select, Text } from './widgets.tsx';

export type FieldsMode = 'create' | 'update' | 'moderation';

/** Which form fields a page shows (so a summary of errors links only to fields that exist). */
export function shownFields(mode: FieldsMode, values: FormFields, vocab: ProposalVocabularies, errors: Errors, js: boolean): Set<string> {
  const names = [
    'name',
    'kind',
    'summary',
    'organisation_name',
    'address_street',
    'address_postcode',
    'address_locality',
    'hours',
    'contact_phone',
    'contact_email',
    'contact_website',
    'services',
    'publics',
    'languages',
    'access_cost',
    'access_appointment',
    'access_modes',
    'description',
    'organisation_website',
    'support',
    'access_accessibility',
    'period_start',
    'period_end',
  ];
  if (communeAsked(fieldValue(values, 'address_postcode'), vocab, errors)) names.push('address_commune');
  if (mode !== 'create') names.push('closure_closed', 'closure_reason', 'closure_until');
  if (js && !isDated(fieldValue(values, 'kind'))) names.splice(names.indexOf('period_start'), 2);
  return new Set(names);
}

const isDated = (kind: string) => kind === 'formation' || kind === 'evenement';

/** The commune is asked when the postcode covers several (or the server says it is missing). */
function communeAsked(postcode: string, vocab: ProposalVocabularies, errors: Errors): boolean {
  return (vocab.postcodes[postcode.trim()]?.communes.length ?? 0) > 1 || Boolean(errors.address_commune);
}

export default function InitiativeFields({
  vocab,
  values,
  errors,
  js,
  mode,
}: {
  vocab: ProposalVocabularies;
  values: FormFields;
  errors: Errors;
  js: boolean;
  mode: FieldsMode;
}): ReactNode {
  const [postcode, setPostcode] = useState(fieldValue(values, 'address_postcode'));
  const [kind, setKind] = useState(fieldValue(values, 'kind'));
  const [closed, setClosed] = useState(fieldValue(values, 'closure_closed') === 'on');
  const place = vocab.postcodes[postcode.trim()];
  const communes = vocab.communes.filter((c) => place?.communes.includes(c.value));
  const dated = isDated(kind);
  const localityHelp =
    place && place.localities.length === 1
      ? `Facultatif : pour ${postcode.trim()}, c'est ${place.localities[0]}.`
      : place
        ? `Pour ${postcode.trim()} : ${place.localities.join(', ')}. Écrivez laquelle.`
        : 'Facultatif si le code postal suffit, par exemple Marcinelle.';
  return (
    <>
      <h2>L'initiative</h2>
      <Text name="name" errors={errors} values={values} required maxLength={150} help="Par exemple « Permanence numérique de la maison de quartier »." />
      <Select name="kind" choices={vocab.kinds} errors={errors} values={values} required onValue={setKind} />
      <Text name="summary" errors={errors} values={values} required multiline maxLength={280} help="280 signes au maximum, en mots simples." />
      <Text name="organisation_name" errors={errors} values={values} required maxLength={150} autoComplete="organization" />

      <h2>Adresse</h2>
      <Text name="address_street" errors={errors} values={values} required autoComplete="street-address" help="Par exemple « Rue de la Station 12 »." />
      <Text
        name="address_postcode"
        errors={errors}
        values={values}
        required
        autoComplete="postal-code"
        inputMode="numeric"
        maxLength={4}
        help="4 chiffres, par exemple 6000. La commune en est déduite."
        onValue={setPostcode}
      />
      <Text name="address_locality" errors={errors} values={values} help={localityHelp} />
      {(communes.length > 1 || errors.address_commune) && (
        <Select
          name="address_commune"
          choices={communes.length > 1 ? communes : vocab.communes}
          errors={errors}
          values={values}
          required
          help={`Le code postal ${postcode.trim()} couvre plusieurs communes : choisissez la bonne.`}
        />
      )}

      <HoursEditor values={values} errors={errors} js={js} />

      <h2>Contact public</h2>
      <p>Pour que les gens appellent ou écrivent avant de venir. Au moins un téléphone ou un e-mail si vous ne donnez pas d'horaires.</p>
      <Text name="contact_phone" type="tel" errors={errors} values={values} autoComplete="tel" help="Par exemple 071 12 34 56" />
      <Text name="contact_email" type="email" errors={errors} values={values} />
      <Text name="contact_website" type="url" errors={errors} values={values} help="Facultatif. Par exemple https://www.exemple.be/atelier" />

      <h2>L'aide proposée</h2>
      <Checks name="services" choices={vocab.services} errors={errors} values={values} required />
      <Checks name="publics" choices={vocab.publics} errors={errors} values={values} required />
      <Checks name="languages" choices={vocab.languages} errors={errors} values={values} required />

      <h2>Comment y accéder</h2>
      <Select name="access_cost" choices={vocab.costs} errors={errors} values={values} required />
      <Select name="access_appointment" choices={vocab.appointments} errors={errors} values={values} required />
      <Checks name="access_modes" choices={vocab.accessModes} errors={errors} values={values} required />

      {(!js || dated) && (
        <fieldset className="formulaire__cases">
          <legend>Dates {js ? '' : '(seulement pour une formation ou un événement)'}</legend>
          <Text name="period_start" type="date" errors={errors} values={values} required={js && dated} />
          <Text name="period_end" type="date" errors={errors} values={values} help="Si elle dure plusieurs jours." />
        </fieldset>
      )}

      <details className="formulaire__details" open={mode === 'moderation' || undefined}>
        <summary>Plus de détails (facultatif)</summary>
        <Text name="description" errors={errors} values={values} multiline maxLength={5000} />
        <Text name="organisation_website" type="url" errors={errors} values={values} help="Par exemple https://www.exemple.be" />
        <Checks name="support" choices={vocab.support} errors={errors} values={values} help="Pour les personnes qui ont besoin d'une aide particulière." />
        <Checks name="access_accessibility" choices={vocab.accessibility} errors={errors} values={values} />
      </details>

      {mode !== 'create' && (
        <fieldset className="formulaire__cases">
          <legend>Fermeture temporaire</legend>
          <Check
            name="closure_closed"
            label="Le lieu est fermé pour un temps (travaux, congés…)"
            values={values}
            onValue={setClosed}
            help=" La fiche reste dans l'annuaire avec ce message."
          />
          {(!js || closed) && (
            <>
              <Text name="closure_reason" errors={errors} values={values} required={js} maxLength={200} help="Par exemple « travaux dans le bâtiment »." />
              <Text name="closure_until" type="date" errors={errors} values={values} help="Facultatif : la date de réouverture prévue." />
            </>
          )}
        </fieldset>
      )}
    </>
  );
}
