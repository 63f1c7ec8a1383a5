export interface EmailAttachment {
  name: string;
  contentType: string;
  content: Buffer;
}

export interface OutgoingEmail {
  /** Unique per outbox job; stamped on the message (an extended property) so Sent Items can be searched for it. */
  marker: string;
  to: Array<{ name: string | null; address: string }>;
  subject: string;
  /** Plain text; the letter itself is attached. */
  text: string;
  attachments: EmailAttachment[];
}

/**
 * Email from the organisation's shared complaints mailbox. `send` resolves with the time the mail service accepted
 * the message (it starts the appeal window); `findSent` looks for the marker in Sent Items before any retry.
 */
export interface Mailer {
  send(email: OutgoingEmail): Promise<{ acceptedAt: string }>;
  findSent(marker: string): Promise<{ sentAt: string } | null>;
}
