// The signed webhook of the notifications plugin: one JSON POST per event to a partner's
// address, so their tools can follow the directory without polling. It carries what
// happened and to which submission and initiative, never who submitted (no name, no
// e-mail, no free text from the submitter) nor which moderator decided.
//
// Request:
//   POST <webhook.url>
//   Content-Type: application/json
//   User-Agent: Passerelle-Webhook/1
//   X-Passerelle-Event: submission.approved
//   X-Passerelle-Delivery: 6f1c…            (the body's `id`; the same on every retry)
//   X-Passerelle-Signature: sha256=<hex>
//
// What is signed: the raw request body, byte for byte, as UTF-8: the signature is
// `sha256=` followed by the lowercase hex HMAC-SHA256 of the body with the secret as key
// (as GitHub's X-Hub-Signature-256). The body holds `at`, the time this attempt was sent,
// so the signature covers it too. To verify, a receiver:
//   1. reads the raw body before parsing it as JSON;
//   2. computes `sha256=` + hex(HMAC-SHA256(secret, rawBody)) and compares it to the header
//      with a constant-time comparison (crypto.timingSafeEqual in Node.js, hmac.compare_digest
//      in Python), refusing on any difference;
//   3. against replays, refuses a body whose `at` is more than a few minutes old, and treats
//      an `id` already seen as done (a retry after a lost answer sends the same `id` again).
//
// Any 2xx answer is a success. Anything else (a redirect, a 4xx or 5xx, a network error, the
// time limit) throws, so the publish pipeline tries again later (with a growing wait, never
// dropping it), with the same delivery id.
import { createHmac } from 'node:crypto';
import { initiativeUrl, type SiteUrl } from '../../../core/urls.ts';
import type { ApprovedEvent, DecisionEvent, PluginSubmission, SubmissionCreatedEvent } from '../../api/types.ts';
import type { NotificationEvent, WebhookSettings } from './options.ts';

export type WebhookEventName = `submission.${NotificationEvent}`;

export interface WebhookPayload {
  event: WebhookEventName;
  /** Delivery id, unique per event and the same on its retries. */
  id: string;
  /** When this attempt was sent (ISO 8601, UTC). */
  at: string;
  submission: {
    id: string;
    type: PluginSubmission['type'];
    targetId?: string;
    /** For records of a bulk import: the source's name and the record's reference. */
    imported?: { source: string; ref: string };
  };
  /** What is known of the initiative: the proposed name before approval, the published listing after. */
  initiative?: { id?: string; name?: string; status?: 'active' | 'archived'; url?: string };
  /** The moderator's reason (rejected) or message (changes requested), as shown to the submitter. */
  reason?: string;
}

export type WebhookEvent =
  | { kind: 'created'; event: SubmissionCreatedEvent }
  | { kind: 'approved'; event: ApprovedEvent }
  | { kind: 'rejected' | 'changes_requested'; event: DecisionEvent };

export const USER_AGENT = 'Passerelle-Webhook/1';

/** Builds the payload: only the fields listed in WebhookPayload, copied one by one. */
export function buildPayload(input: WebhookEvent, delivery: { id: string; at: Date }, siteUrl: SiteUrl): WebhookPayload {
  const { submission } = input.event;
  const payload: WebhookPayload = {
    event: `submission.${input.kind}`,
    id: delivery.id,
    at: delivery.at.toISOString(),
    submission: {
      id: submission.id,
      type: submission.type,
      ...(submission.targetId ? { targetId: submission.targetId } : {}),
      ...(submission.imported ? { imported: { source: submission.imported.source, ref: submission.imported.ref } } : {}),
    },
  };
  if (input.kind === 'approved') {
    const { initiative } = input.event;
    payload.initiative = {
      id: initiative.id,
      name: initiative.name,
      status: initiative.status,
      ...(initiative.status === 'active' ? { url: initiativeUrl(siteUrl, initiative.id) } : {}),
    };
  } else {
    const id = submission.type === 'create' ? undefined : submission.targetId;
    const name = submission.initiative?.name;
    if (id || name) payload.initiative = { ...(id ? { id } : {}), ...(name ? { name } : {}) };
  }
  if (input.kind === 'rejected' || input.kind === 'changes_requested') payload.reason = input.event.reason;
  return payload;
}

/** `sha256=` + hex HMAC-SHA256 of the raw body (see the header of this file). */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** A delivery that did not get a 2xx answer; carries the status for the logs, never the URL. */
export class WebhookDeliveryError extends Error {
  override name = 'WebhookDeliveryError';
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

function networkCode(err: unknown): string | undefined {
  const cause = (err as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

/** POSTs the payload once; throws unless the answer is 2xx. */
export async function sendWebhook(settings: Pick<WebhookSettings, 'url' | 'secret'>, payload: WebhookPayload, signal: AbortSignal): Promise<void> {
  const body = JSON.stringify(payload);
  let response: Response;
  try {
    response = await fetch(settings.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': USER_AGENT,
        'X-Passerelle-Event': payload.event,
        'X-Passerelle-Delivery': payload.id,
        'X-Passerelle-Signature': signBody(settings.secret, body),
      },
      body,
      // A redirected POST may turn into a GET elsewhere: the configured address must be the final one.
      redirect: 'manual',
      signal,
    });
  } catch (err) {
    if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new WebhookDeliveryError('webhook delivery aborted');
    const code = networkCode(err);
    throw new WebhookDeliveryError(`webhook unreachable${code ? ` (${code})` : ''}`, undefined, code);
  }
  // The answer's body is not used; release the connection.
  await response.body?.cancel().catch(() => undefined);
  if (response.status < 200 || response.status > 299) {
    const hint = response.status >= 300 && response.status < 400 ? ' (a redirect: set webhook.url to the final address)' : '';
    throw new WebhookDeliveryError(`webhook answered HTTP ${response.status}${hint}`, response.status);
  }
}
