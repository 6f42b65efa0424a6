import MailComposer from 'nodemailer/lib/mail-composer';

export interface OutgoingEmail {
  from: string;
  to: { name: string; address: string };
  replyTo: string;
  subject: string;
  text: string;
  html: string;
  /** `<se-<id>@domain>`: the same on every attempt. */
  messageId: string;
  inReplyTo: string | null;
  references: string[];
}

/** The RFC 822 bytes, built once per attempt by nodemailer's composer (encoding, folding, MIME parts). */
export function buildRawMessage(email: OutgoingEmail): Promise<Buffer> {
  const composer = new MailComposer({
    from: email.from,
    to: { name: email.to.name, address: email.to.address },
    replyTo: email.replyTo,
    subject: email.subject,
    text: email.text,
    html: email.html,
    messageId: email.messageId,
    inReplyTo: email.inReplyTo ?? undefined,
    references: email.references.length ? email.references : undefined,
    headers: { 'Auto-Submitted': 'auto-generated' },
  });
  return new Promise((resolve, reject) =>
    composer.compile().build((error, message) => (error ? reject(error) : resolve(message))),
  );
}

/** The envelope sender: the address part of MAIL_FROM. */
export function envelopeFrom(mailFrom: string): string {
  const match = /<([^>]+)>/.exec(mailFrom);
  return (match ? match[1] : mailFrom).trim();
}
