/**
 * The task pane's only way to reach the mailbox. `office-mailbox.ts` implements it over Office.js; the development
 * harness implements it over a parsed .eml. Nothing else in the pane imports Office.js.
 */
import type { TEmailPartsInput } from "../../contracts/outlook.js";

export interface MailAddress {
  name: string | null;
  address: string;
}

export interface MailAttachment {
  id: string;
  name: string;
  /** Bytes, as the host reports it. */
  size: number;
  contentType: string;
  isInline: boolean;
}

/** What the pane shows at a glance, and what the lookup needs. */
export interface MailItemSummary {
  internetMessageId: string | null;
  conversationId: string | null;
  subject: string;
  from: MailAddress | null;
  /** ISO 8601 instant the message arrived, when known. */
  receivedAt: string | null;
  attachments: MailAttachment[];
}

/** What this Outlook client can do (requirement sets checked at run time; the manifest asks only for 1.3). */
export interface MailboxCapabilities {
  /** Mailbox 1.14: `item.getAsFileAsync` gives the whole .eml. */
  wholeMessage: boolean;
  /** Mailbox 1.8: attachment content and categories. */
  attachmentContent: boolean;
  categories: boolean;
  /** Mailbox 1.13: add-ins in shared folders and shared mailboxes. */
  sharedMailboxes: boolean;
}

/**
 * The whole message: the exact .eml where the client can give it; else the item's id for the server to read the .eml
 * through Graph (with `parts` as the last resort when it cannot); else its parts for the server to assemble.
 */
export type MessageContent =
  | { kind: "eml"; bytes: Uint8Array }
  | {
      kind: "item";
      /** Outlook REST id (`convertToRestId`, REST v2.0). */
      itemId: string;
      /** The shared mailbox (or the delegator's) the item is in; null for the person's own. */
      mailbox: string | null;
      /** Read only if the server cannot reach the mailbox (no Graph in embedded mode, no consent, no access). */
      parts: () => Promise<MessageContent>;
    }
  | { kind: "parts"; parts: TEmailPartsInput };

/** Whose mailbox the item is in: shared mailboxes (info@) need Mailbox 1.13 and may deny categories. */
export type MailboxOwnership =
  | { kind: "own" }
  | { kind: "shared"; owner: string; mayWrite: boolean }
  /** The item may be in a shared mailbox but this client cannot tell (no Mailbox 1.13). */
  | { kind: "unknown" };

export type TagResult =
  | { status: "tagged"; categories: string[] }
  | { status: "not-permitted" }
  | { status: "unsupported" };

/** A failure in the mailbox itself (not the server), with a stable code the pane branches on. */
export class MailboxError extends Error {
  constructor(
    readonly code: "NO_ITEM" | "UNSUPPORTED" | "PERMISSION_DENIED" | "TOO_LARGE" | "HOST_ERROR",
    /** Plain words for the user. */
    readonly userMessage: string,
  ) {
    super(userMessage);
    this.name = "MailboxError";
  }
}

export interface MailboxAdapter {
  /** For the pane's footer ("In Outlook", "Development harness"). */
  readonly hostLabel: string;
  capabilities(): MailboxCapabilities;
  /** The open email, or null when none is open. */
  readItem(): Promise<MailItemSummary | null>;
  /**
   * The same, when the host has it at hand without waiting (Office.js item properties are synchronous; the harness
   * parsed its file up front), so the pane's first render shows the email rather than a spinner; undefined when it
   * must be read with `readItem`.
   */
  itemAtHand?(): MailItemSummary | null | undefined;
  /** The body as plain text, for the complaint hint (read locally, never sent anywhere by itself). */
  readBodyText(): Promise<string>;
  /** The whole message, for logging. */
  readMessage(): Promise<MessageContent>;
  ownership(): Promise<MailboxOwnership>;
  /** Adds the categories to the item, creating master categories that are missing. */
  tagItem(categories: readonly string[]): Promise<TagResult>;
  /** Outlook can keep the pane open while the user moves to another email (pinning). */
  onItemChanged(listener: () => void): () => void;
}
