// Built-in plugin: tells people what happened to a submission. Moderators get an e-mail when
// a submission arrives or comes back corrected; the submitter gets a receipt with the
// tracking link, then one when it is approved, rejected or sent back for changes; a partner's webhook (signed) gets every event it subscribed to. Records of a
// bulk import send no e-mail (neither one per record to moderators nor to the importer).
// Without an SMTP server nor a webhook address, the plugin has no hook at all.
//
// E-mail and webhook of one event run side by side in one hook attempt. A retry (the
// publish pipeline retries a hook that throws, even after a restart) only redoes the
// channel that failed: each channel is marked done on disk once sent (AttemptInfo), and
// the webhook and the mail carry the pipeline's delivery id, the same on every attempt.

import { absoluteUrl } from '../../../core/urls.ts';
import { definePlugin } from '../../api/define.ts';
import type { AttemptInfo, PluginInstance, PluginSubmission } from '../../api/types.ts';
import { createMailer, InvalidRecipientError, type Recipient } from './email.ts';
import { type NotificationEvent, notificationsOptions, resolveSettings } from './options.ts';
import { approvedMail, changesRequestedMail, correctedMail, type MailContent, newSubmissionMail, oneLine, receiptMail, rejectedMail } from './templates.ts';
import { buildPayload, sendWebhook, type WebhookEvent } from './webhook.ts';

export { DEFAULT_OPTIONS, NOTIFICATION_EVENTS, type NotificationsOptions, type NotificationsOptionsInput, notificationsOptions } from './options.ts';

type Channel = 'email' | 'receipt' | 'webhook';

type Task = (deliveryId: string, signal: AbortSignal) => Promise<void>;

export const notifications = definePlugin({ name: 'notifications', options: notificationsOptions }, (options, context): PluginInstance => {
  const settings = resolveSettings(options, context.env);
  const { logger, siteUrl } = context;
  const { email, webhook } = settings;

  // Said once, where mail would be sent (not at build time nor in the CLIs).
  const serving = context.runtime === 'server';
  if (!email && serving) logger.info({}, 'e-mail notifications are off: set SMTP_URL (or the email.smtpUrl option) to send them');
  else if (email && serving && !email.moderators.length)
    logger.info({}, 'no moderator address (MODERATOR_EMAILS or email.moderators): new submissions are not e-mailed');
  if (!email && !webhook) return { name: 'notifications' };

  const mailer = email ? createMailer(email) : undefined;

  /** Runs the channels not done yet for this event; throws (for a retry) if one failed. */
  async function deliver(tasks: Partial<Record<Channel, Task>>, attempt: AttemptInfo): Promise<void> {
    const id = attempt.deliveryId;
    const pending = (Object.entries(tasks) as [Channel, Task | undefined][]).flatMap(([channel, task]) =>
      task && !attempt.done.has(channel) ? [[channel, task] as const] : [],
    );
    const results = await Promise.allSettled(
      pending.map(async ([channel, task]) => {
        // The receipt is another mail than the moderators' of the same event: its own Message-ID.
        await task(channel === 'receipt' ? `${id}.receipt` : id, attempt.signal);
        attempt.markDone(channel);
      }),
    );
    const failures = results.flatMap((r, i) => {
      const channel = pending[i]?.[0];
      return r.status === 'rejected' && channel ? [{ channel, reason: r.reason as unknown }] : [];
    });
    const [only] = failures;
    if (only && failures.length === 1) throw only.reason;
    if (failures.length > 1) {
      const detail = failures.map((f) => `${f.channel}: ${f.reason instanceof Error ? f.reason.message : String(f.reason)}`).join('; ');
      throw new AggregateError(
        failures.map((f) => f.reason),
        `every notification channel failed (${detail})`,
      );
    }
  }

  /** An e-mail task; a recipient no retry can fix is logged and skipped instead of retried. */
  function mailTask(submission: PluginSubmission, kind: NotificationEvent, to: Recipient[], content: () => MailContent): Task | undefined {
    if (!mailer || !to.length) return undefined;
    return async (id, signal) => {
      try {
        const { refused } = await mailer.send(to, content(), signal, id);
        if (refused) logger.warn({ submission: submission.id, kind, refused }, 'the SMTP server refused some recipients of a notification');
        else logger.debug({ submission: submission.id, kind }, 'notification e-mail sent');
      } catch (err) {
        if (!(err instanceof InvalidRecipientError)) throw err;
        logger.warn({ submission: submission.id, kind }, 'no valid recipient address: the notification e-mail is skipped');
      }
    };
  }

  function webhookTask(input: WebhookEvent): Task | undefined {
    if (!webhook?.events.has(input.kind)) return undefined;
    return async (id, signal) => {
      await sendWebhook(webhook, buildPayload(input, { id, at: new Date() }, siteUrl), signal);
      logger.debug({ submission: input.event.submission.id, kind: input.kind, delivery: id }, 'webhook delivered');
    };
  }

  /** The submitter, unless the submission came from a bulk import (the importer is not to be mailed). */
  const submitter = (s: PluginSubmission): Recipient[] => (s.imported ? [] : [{ address: s.submitter.email, name: oneLine(s.submitter.name, 80) }]);
  const moderators = (s: PluginSubmission): Recipient[] => (s.imported ? [] : (email?.moderators ?? []).map((address) => ({ address })));

  return {
    name: 'notifications',
    sideEffects: settings.sideEffects,
    async onSubmissionCreated(event, attempt) {
      const { submission, submitterTrackingPath } = event;
      await deliver(
        {
          email: mailTask(submission, 'created', moderators(submission), () => newSubmissionMail(submission, siteUrl)),
          // The receipt: the tracking link reaches the submitter by e-mail too, so it cannot be lost.
          receipt: submitterTrackingPath
            ? mailTask(submission, 'created', submitter(submission), () => receiptMail(submission, absoluteUrl(siteUrl, submitterTrackingPath)))
            : undefined,
          webhook: webhookTask({ kind: 'created', event }),
        },
        attempt,
      );
    },
    async onSubmissionCorrected(event, attempt) {
      const { submission } = event;
      await deliver({ email: mailTask(submission, 'created', moderators(submission), () => correctedMail(event, siteUrl)) }, attempt);
    },
    async onApproved(event, attempt) {
      const { submission } = event;
      await deliver(
        {
          email: mailTask(submission, 'approved', submitter(submission), () => approvedMail(event, siteUrl)),
          webhook: webhookTask({ kind: 'approved', event }),
        },
        attempt,
      );
    },
    async onRejected(event, attempt) {
      const { submission } = event;
      await deliver(
        {
          email: mailTask(submission, 'rejected', submitter(submission), () => rejectedMail(event)),
          webhook: webhookTask({ kind: 'rejected', event }),
        },
        attempt,
      );
    },
    async onChangesRequested(event, attempt) {
      const { submission } = event;
      await deliver(
        {
          email: mailTask(submission, 'changes_requested', submitter(submission), () => changesRequestedMail(event)),
          webhook: webhookTask({ kind: 'changes_requested', event }),
        },
        attempt,
      );
    },
  };
});
