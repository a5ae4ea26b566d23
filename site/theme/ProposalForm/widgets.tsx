// The form's widgets, plain HTML that works without JavaScript: a labelled field with its
// help and error (aria-describedby, aria-invalid), a list of choices, check boxes, and the
// summary of errors whose links reach fields that exist. Values come as `defaultValue`
// (the server renders them; the browser keeps what people type). Shared by /proposer, the
// tracking page's corrections and the moderation desk.
import type { ReactNode } from 'react';
import { type Choice, FIELD_LABELS, type FormFields, labelOfField } from '../../../core/proposal-form.ts';

export type Errors = Record<string, string>;

export const fieldId = (name: string) => `champ-${name}`;

export const fieldValue = (values: FormFields, name: string): string => {
  const v = values[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
};
export const fieldValues = (values: FormFields, name: string): string[] => {
  const v = values[name];
  return Array.isArray(v) ? v : v ? [v] : [];
};

export function ErrorText({ name, errors }: { name: string; errors: Errors }): ReactNode {
  return errors[name] ? (
    <p className="formulaire__erreur" id={`${fieldId(name)}-erreur`}>
      <span className="sr-only">Erreur : </span>
      {errors[name]}
    </p>
  ) : null;
}

export function describedBy(name: string, errors: Errors, help?: boolean): string | undefined {
  const ids = [help ? `${fieldId(name)}-aide` : '', errors[name] ? `${fieldId(name)}-erreur` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

const labelText = (label: string, required?: boolean) => `${label}${required ? ' (obligatoire)' : ''}`;

export interface FieldProps {
  name: string;
  label?: string;
  errors: Errors;
  values: FormFields;
  required?: boolean;
  help?: string;
}

export function Text(
  props: FieldProps & {
    type?: string;
    multiline?: boolean;
    autoComplete?: string;
    maxLength?: number;
    inputMode?: 'numeric' | 'tel' | 'email' | 'url' | 'text';
    onValue?: (value: string) => void;
    placeholder?: string;
  },
): ReactNode {
  const { name, errors, values, required, help, type = 'text', multiline, autoComplete, maxLength, inputMode, onValue, placeholder } = props;
  const label = props.label ?? FIELD_LABELS[name] ?? name;
  const common = {
    id: fieldId(name),
    name,
    required,
    defaultValue: fieldValue(values, name),
    maxLength,
    placeholder,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': describedBy(name, errors, Boolean(help)),
    onChange: onValue ? (e: { currentTarget: { value: string } }) => onValue(e.currentTarget.value) : undefined,
  };
  return (
    <div className="formulaire__champ">
      <label htmlFor={fieldId(name)}>{labelText(label, required)}</label>
      {help && (
        <p className="formulaire__aide" id={`${fieldId(name)}-aide`}>
          {help}
        </p>
      )}
      {multiline ? <textarea rows={4} {...common} /> : <input type={type} autoComplete={autoComplete} inputMode={inputMode} {...common} />}
      <ErrorText name={name} errors={errors} />
    </div>
  );
}

export function Select(props: FieldProps & { choices: Choice[]; onValue?: (value: string) => void; empty?: string }): ReactNode {
  const { name, choices, errors, values, required, help, onValue, empty = 'Choisissez…' } = props;
  const label = props.label ?? FIELD_LABELS[name] ?? name;
  return (
    <div className="formulaire__champ">
      <label htmlFor={fieldId(name)}>{labelText(label, required)}</label>
      {help && (
        <p className="formulaire__aide" id={`${fieldId(name)}-aide`}>
          {help}
        </p>
      )}
      <select
        id={fieldId(name)}
        name={name}
        required={required}
        defaultValue={fieldValue(values, name)}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={describedBy(name, errors, Boolean(help))}
        onChange={onValue ? (e) => onValue(e.currentTarget.value) : undefined}
      >
        <option value="">{empty}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      <ErrorText name={name} errors={errors} />
    </div>
  );
}

export function Checks(props: FieldProps & { legend?: string; choices: Choice[] }): ReactNode {
  const { name, choices, errors, values, required, help } = props;
  const legend = props.legend ?? FIELD_LABELS[name] ?? name;
  const chosen = fieldValues(values, name);
  return (
    <fieldset className="formulaire__cases" id={fieldId(name)} aria-describedby={describedBy(name, errors, Boolean(help))}>
      <legend>
        {legend}
        {required ? ' (au moins un choix)' : ''}
      </legend>
      {help && (
        <p className="formulaire__aide" id={`${fieldId(name)}-aide`}>
          {help}
        </p>
      )}
      {choices.map((c) => (
        <div key={c.value} className="formulaire__case">
          <input
            type="checkbox"
            id={`${fieldId(name)}-${c.value}`}
            name={name}
            value={c.value}
            defaultChecked={chosen.includes(c.value)}
            aria-invalid={errors[name] ? true : undefined}
          />
          <label htmlFor={`${fieldId(name)}-${c.value}`}>{c.label}</label>
        </div>
      ))}
      <ErrorText name={name} errors={errors} />
    </fieldset>
  );
}

export function Check({ name, label, values, help, onValue }: Omit<FieldProps, 'errors'> & { label: string; onValue?: (on: boolean) => void }): ReactNode {
  return (
    <div className="formulaire__case">
      <input
        type="checkbox"
        id={fieldId(name)}
        name={name}
        value="on"
        defaultChecked={fieldValue(values, name) === 'on'}
        aria-describedby={help ? `${fieldId(name)}-aide` : undefined}
        onChange={onValue ? (e) => onValue(e.currentTarget.checked) : undefined}
      />
      <label htmlFor={fieldId(name)}>{label}</label>
      {help && (
        <span className="formulaire__aide" id={`${fieldId(name)}-aide`}>
          {help}
        </span>
      )}
    </div>
  );
}

const firstWord = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^(le |la |les |l'|l’|votre |vos |un |une )/, '')
    .split(/[^a-z0-9]+/)[0] ?? '';

/** « Code postal : un code postal à 4 chiffres est attendu. », never a message without the field's name. */
export function withLabel(name: string, message: string): string {
  const label = labelOfField(name);
  if (firstWord(message) === firstWord(label)) return message;
  return `${label} : ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
}

/**
 * The summary above a form: the top message and one link per field to fix, named by its
 * French label; a field the page does not show is listed without a link.
 */
export function ErrorSummary({ id, message, errors, shown }: { id: string; message?: string; errors: Errors; shown: ReadonlySet<string> }): ReactNode {
  const list = Object.entries(errors);
  if (!message && !list.length) return null;
  return (
    <div className="formulaire__bilan" id={id} tabIndex={-1} role="alert">
      {message && (
        <p>
          <strong>{message}</strong>
        </p>
      )}
      {list.length > 0 && (
        <ul>
          {list.map(([name, text]) => (
            <li key={name}>{shown.has(name) ? <a href={`#${fieldId(name)}`}>{withLabel(name, text)}</a> : withLabel(name, text)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
