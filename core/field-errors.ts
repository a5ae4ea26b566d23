// zod issues turned into what people read, in one place: field errors for the API (a map
// of dotted path → French message, the first message of a field kept) and problems for
// content files (a list of { path, message }, every one kept).
import { MESSAGES } from './messages.ts';
import type { FieldErrors } from './wire/errors.ts';

/** The part of a zod issue these functions read (zod 4's `$ZodIssue` fits). */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  keys?: readonly string[];
}

export interface FieldErrorOptions {
  /** Prepended to every path (e.g. `['edits']`). */
  prefix?: readonly string[];
  /** The key for an issue on the whole value (default `body`). */
  root?: string;
  /** The message for an unknown key (default MESSAGES.unknownField); the key is part of the path. */
  unknownKey?: string;
}

/**
 * Field errors of a failed parse: one message per field, the first; a list's items are one
 * field (`services`, never `services.3`), so 12,000 bad values give one message, not
 * 12,000. Unknown keys each get their own field.
 */
export function toFieldErrors(
  issues: readonly IssueLike[],
  { prefix = [], root = 'body', unknownKey = MESSAGES.unknownField }: FieldErrorOptions = {},
): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.filter((p) => typeof p !== 'number').map(String)];
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys) fields[[...path, key].join('.')] ??= unknownKey;
      continue;
    }
    fields[path.join('.') || root] ??= issue.message;
  }
  return fields;
}

export interface Problem {
  path: string;
  message: string;
}

/** Every issue as a problem of a content file (`path` dotted, empty for the whole file). */
export function toProblems(issues: readonly IssueLike[], message: (issue: IssueLike) => string = (i) => i.message): Problem[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), message: message(i) }));
}

/** The same errors with another prefix in place of `from` (e.g. `initiative.x` → `edits.x`). */
export function reprefix(fields: FieldErrors, from: string, to: string): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(fields)) out[key === from || key.startsWith(`${from}.`) ? to + key.slice(from.length) : key] = message;
  return out;
}
