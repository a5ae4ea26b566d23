// The weekly hours editor: one plain field per day (« 9h-12h et 13h30-16h », empty when
// closed), a line for the rest (« le 1er mercredi du mois de 14h à 16h ; fermé en juillet »),
// public holidays closed by default, appointment only. Without JavaScript the fields are
// posted as they are and the server reads them; with it, what they say is read back live
// through GET /api/hours/parse (« Ce que nous avons compris : … »), for confirmation.
// Empty everywhere: hours unknown (« à confirmer, appelez avant de venir »), allowed.
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { WEEKDAYS_FR } from '../../../core/hours/format.ts';
import { understandHours } from '../../../core/hours/french-input.ts';
import { composeHoursText, DAY_FIELDS, type FormFields, HOURS_FIELDS } from '../../../core/proposal-form.ts';
import { Check, type Errors, ErrorText, fieldId, fieldValue } from './widgets.tsx';

type Reading = { ok: true; text: string } | { ok: false; text: string };

/** The reading the server would give, computed here too (pure) so the page says it before any request. */
function readingOf(text: string): Reading {
  const understood = understandHours(text);
  return understood.ok ? { ok: true, text: understood.reading } : { ok: false, text: understood.message };
}

export default function HoursEditor({ values, errors, js }: { values: FormFields; errors: Errors; js: boolean }): ReactNode {
  const [fields, setFields] = useState<FormFields>(() => Object.fromEntries(HOURS_FIELDS.map((n) => [n, values[n]])));
  const [reading, setReading] = useState<Reading>(() => readingOf(composeHoursText(values)));
  const [checking, setChecking] = useState(false);
  const first = useRef(true);
  const text = composeHoursText(fields);

  // Live reading, from the server (the same understanding as when the form is sent), after a pause in typing.
  useEffect(() => {
    if (!js) return;
    if (first.current) {
      first.current = false;
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(async () => {
      setChecking(true);
      try {
        const res = await fetch(`/api/hours/parse?text=${encodeURIComponent(text)}`, { signal: controller.signal });
        const body = (await res.json()) as { reading?: string; error?: { message: string } };
        setReading(res.ok && body.reading ? { ok: true, text: body.reading } : { ok: false, text: body.error?.message ?? readingOf(text).text });
      } catch {
        if (!controller.signal.aborted) setReading(readingOf(text));
      } finally {
        if (!controller.signal.aborted) setChecking(false);
      }
    }, 400);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [text, js]);

  const set = (name: string) => (value: string | boolean) =>
    setFields((f) => ({ ...f, [name]: typeof value === 'boolean' ? (value ? 'on' : undefined) : value }));

  return (
    <fieldset
      className="formulaire__cases horaires-editeur"
      id={fieldId('hours')}
      aria-describedby={[`${fieldId('hours')}-aide`, errors.hours ? `${fieldId('hours')}-erreur` : ''].filter(Boolean).join(' ')}
    >
      <legend>Horaires</legend>
      <p className="formulaire__aide" id={`${fieldId('hours')}-aide`}>
        Pour chaque jour, écrivez les heures comme vous les diriez, par exemple « 9h-12h et 13h30-16h ». Laissez vide un jour fermé. Vous ne savez pas encore ?
        Laissez tout vide : la fiche dira « à confirmer, appelez avant de venir ».
      </p>
      <div className="horaires-editeur__jours">
        {DAY_FIELDS.map((name, day) => (
          <div className="horaires-editeur__jour" key={name}>
            <label htmlFor={fieldId(name)}>{(WEEKDAYS_FR[day] ?? '').replace(/^./, (c) => c.toUpperCase())}</label>
            <input
              type="text"
              id={fieldId(name)}
              name={name}
              defaultValue={fieldValue(values, name)}
              autoComplete="off"
              aria-describedby={`${fieldId('hours')}-exemple`}
              onChange={(e) => set(name)(e.currentTarget.value)}
            />
          </div>
        ))}
      </div>
      <p className="formulaire__aide" id={`${fieldId('hours')}-exemple`}>
        Exemple : « 9h-12h », « 9h-12h et 13h30-16h », « de 14 h à 17 h ».
      </p>
      <div className="formulaire__champ">
        <label htmlFor={fieldId('hours_more')}>Autres moments ou fermetures (facultatif)</label>
        <p className="formulaire__aide" id={`${fieldId('hours_more')}-aide`}>
          Par exemple : « le 1er mercredi du mois de 14h à 16h », « fermé en juillet », « fermé du 24 décembre au 2 janvier ». Vous pouvez aussi écrire ici tous
          vos horaires en une phrase.
        </p>
        <input
          type="text"
          id={fieldId('hours_more')}
          name="hours_more"
          defaultValue={fieldValue(values, 'hours_more')}
          aria-describedby={`${fieldId('hours_more')}-aide`}
          onChange={(e) => set('hours_more')(e.currentTarget.value)}
        />
      </div>
      <Check name="hours_holidays" label="Fermé les jours fériés" values={values} onValue={set('hours_holidays')} />
      <Check name="hours_appointment" label="Uniquement sur rendez-vous" values={values} onValue={set('hours_appointment')} />
      <div className={`horaires-apercu${reading.ok ? '' : ' horaires-apercu--probleme'}`} aria-live="polite" aria-busy={checking}>
        <strong>{reading.ok ? 'Ce que nous avons compris : ' : 'À corriger : '}</strong>
        {reading.text}
      </div>
      <ErrorText name="hours" errors={errors} />
    </fieldset>
  );
}
