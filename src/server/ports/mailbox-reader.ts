import type { Readable } from "node:stream";

/**
 * A message in a person's mailbox, read with that person's own rights: how Redress gets the exact .eml from Outlook
 * clients that cannot hand it over (Mailbox < 1.14). Fails with AppError `MAILBOX_UNREADABLE` when the mailbox
 * cannot be read (no consent, no access, service unavailable), so the caller can fall back to the message's parts.
 */
export interface MailboxReader {
  openMessage(options: {
    /** The person's Redress API token, exchanged on-behalf-of for a Graph token; never stored or logged. */
    userToken: string;
    /** Outlook REST item id. */
    itemId: string;
    /** A shared (or delegated) mailbox's address; null for the person's own. */
    mailbox: string | null;
  }): Promise<Readable>;
}
