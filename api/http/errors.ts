// Typed errors thrown by services, and the one handler that turns every error into the
// contract's JSON: { "error": { "code", "message", "fields"? } } with the right status.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';

export type FieldErrors = Record<string, string>;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
    /** More of the answer's `error` object (e.g. the current `state` with a 409). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** At most this many fields, each message at most this long: an answer stays small whatever is sent. */
export const MAX_FIELD_ERRORS = 40;
export const MAX_FIELD_MESSAGE = 400;

function capped(fields: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(fields).slice(0, MAX_FIELD_ERRORS)) {
    out[key.slice(0, 120)] = message.length > MAX_FIELD_MESSAGE ? `${message.slice(0, MAX_FIELD_MESSAGE - 1)}…` : message;
  }
  return out;
}

export const notFound = (message = "Cette adresse n'existe pas.") => new HttpError(404, 'not_found', message);

export const apiNotFound: RequestHandler = (_req, _res, next) => next(notFound());

/** Errors raised by body parsers carry `type` and `status`. */
interface ParserError {
  type?: string;
  status?: number;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const parser = err as ParserError;
    let error: HttpError;
    if (err instanceof HttpError) error = err;
    else if (parser.type === 'entity.too.large') error = new HttpError(413, 'payload_too_large', 'La demande est trop grande (64 Ko au maximum).');
    else if (parser.type === 'entity.parse.failed') error = new HttpError(400, 'invalid_json', "La demande n'est pas du JSON valide.");
    else if (typeof parser.status === 'number' && parser.status >= 400 && parser.status < 500)
      error = new HttpError(parser.status, 'bad_request', 'La demande est invalide.');
    else {
      logger.error({ err, method: req.method, url: req.originalUrl }, 'unhandled error');
      error = new HttpError(500, 'internal_error', 'Une erreur inattendue est survenue. Réessayez dans un moment.');
    }
    res
      .status(error.status)
      .json({ error: { code: error.code, message: error.message, ...(error.fields ? { fields: capped(error.fields) } : {}), ...error.details } });
  };
}
