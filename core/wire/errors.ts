// The error body of every API answer: { "error": { "code", "message", "fields"? } }.

/** Key = dotted path in the request (e.g. `initiative.address.postcode`), value = French message. */
export type FieldErrors = Record<string, string>;

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: FieldErrors };
}
