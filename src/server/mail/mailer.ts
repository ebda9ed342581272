import nodemailer from 'nodemailer';

/** One message as the mail server gets it. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Stable per outbox row, so a receiver can tell a repeat (a send whose answer was lost) from a new message. */
  messageId: string;
  locale: string;
}

/** The mail server, as the send job uses it. */
export interface Mailer {
  readonly from: string;
  /** Sends one message; resolves with the server's answer, or rejects with it. */
  send(mail: OutgoingMail): Promise<{ response: string }>;
  close(): void;
}

/**
 * The mail server of INTERCHANGE_SMTP_URL through nodemailer, sending as INTERCHANGE_MAIL_FROM;
 * null when none is configured (the demo): messages then stay in the outbox.
 */
export function createMailer(config: { smtpUrl: string | null; mailFrom: string | null }, options: { timeoutMs?: number } = {}): Mailer | null {
  if (!config.smtpUrl || !config.mailFrom) return null;
  const timeout = options.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport(`${config.smtpUrl}`, { connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout } as never);
  const from = config.mailFrom;
  return {
    from,
    async send(mail) {
      const info = await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        headers: { 'Content-Language': mail.locale, 'Auto-Submitted': 'auto-generated' },
      });
      return { response: String(info.response ?? '') };
    },
    close: () => transport.close(),
  };
}
