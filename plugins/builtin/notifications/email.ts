// Sending the notification e-mails over SMTP with nodemailer. One message per call, on its
// own connection (no pool to keep alive between rare mails), cancelled when the attempt's
// signal aborts (time limit). A failure throws, so the plugin host retries with backoff; the
// error thrown names no recipient, since the host logs it and addresses are private.
import nodemailer from 'nodemailer';
import { isEmailAddress } from './options.ts';
import type { MailContent } from './templates.ts';

export interface Recipient {
  address: string;
  name?: string;
}

export interface Mailer {
  /** Resolves once the SMTP server accepted the message for at least one recipient. */
  /** `deliveryId` becomes the Message-ID: the same on every attempt, so a receiver can drop a repeat. */
  send(to: Recipient[], content: MailContent, signal: AbortSignal, deliveryId?: string): Promise<SendReport>;
}

export interface SendReport {
  /** How many recipients the server refused while accepting the others. */
  refused: number;
}

/** An SMTP failure as logged: the code and the server's status, recipients removed. */
export class EmailSendError extends Error {
  override name = 'EmailSendError';
  constructor(
    message: string,
    readonly code?: string,
    readonly responseCode?: number,
  ) {
    super(message);
  }
}

/** A recipient that cannot be sent to whatever the retries (not worth retrying). */
export class InvalidRecipientError extends Error {
  override name = 'InvalidRecipientError';
}

const redact = (text: string): string => text.replace(/[^\s<>@,;:"']+@[^\s<>@,;:"']+/g, '[adresse]');

function toSendError(err: unknown): EmailSendError {
  if (!(err instanceof Error)) return new EmailSendError(`SMTP: ${redact(String(err))}`);
  const { code, responseCode } = err as Error & { code?: unknown; responseCode?: unknown };
  return new EmailSendError(
    `SMTP: ${redact(err.message)}`,
    typeof code === 'string' ? code : undefined,
    typeof responseCode === 'number' ? responseCode : undefined,
  );
}

export function createMailer(settings: { smtpUrl: string; from: string }): Mailer {
  const transport = nodemailer.createTransport(settings.smtpUrl);
  return {
    async send(to, content, signal, deliveryId) {
      const recipients = to.filter((r) => isEmailAddress(r.address));
      if (!recipients.length) throw new InvalidRecipientError('no valid recipient address');
      signal.throwIfAborted();
      try {
        const info = await transport.sendMail({
          from: settings.from,
          // Objects, not strings: a name is never parsed as an address list.
          to: recipients.map((r) => ({ name: r.name ?? '', address: r.address })),
          subject: content.subject,
          text: content.text,
          html: content.html,
          ...(deliveryId ? { messageId: `<${deliveryId.replace(/[^A-Za-z0-9._-]/g, '.')}@passerelle>` } : {}),
          signal,
        });
        return { refused: Array.isArray(info.rejected) ? info.rejected.length : 0 };
      } catch (err) {
        throw toSendError(err);
      }
    },
  };
}
