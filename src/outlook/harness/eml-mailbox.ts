/**
 * The MailboxAdapter of the development harness: an .eml file plays the part of the Outlook item. The message is
 * handed over byte for byte, as `getAsFileAsync` does in Outlook.
 */
import type {
  MailboxAdapter,
  MailboxCapabilities,
  MailboxOwnership,
  MailItemSummary,
  MessageContent,
  TagResult,
} from "../mailbox/mailbox-adapter.js";
import { type ParsedEml, parseEml } from "./parse-eml.js";

export interface EmlMailboxOptions {
  bytes: Uint8Array;
  /** Plays a delegate in a shared mailbox who may not change categories. */
  categoriesPermitted?: boolean;
  /** Master categories shared by every harness email in this page, as in one mailbox. */
  masterCategories?: Set<string>;
}

/** Outlook gives every message of a thread one conversation id; here the thread's first Message-ID stands in. */
const conversationOf = (parsed: ParsedEml): string | null => {
  const root = parsed.references[0] ?? parsed.inReplyTo ?? parsed.messageId;
  return root ? `harness:${root.toLowerCase()}` : null;
};

export function createEmlMailbox(options: EmlMailboxOptions): MailboxAdapter & { itemCategories(): string[] } {
  const parsed = parseEml(options.bytes);
  const summary: MailItemSummary = {
    internetMessageId: parsed.messageId,
    conversationId: conversationOf(parsed),
    subject: parsed.subject,
    from: parsed.from,
    receivedAt: parsed.receivedAt ?? parsed.date,
    attachments: parsed.attachments,
  };
  const master = options.masterCategories ?? new Set<string>();
  const onItem = new Set<string>();
  return {
    hostLabel: "Development harness",
    capabilities(): MailboxCapabilities {
      return { wholeMessage: true, attachmentContent: true, categories: true, sharedMailboxes: true };
    },
    async readItem(): Promise<MailItemSummary> {
      return summary;
    },
    itemAtHand(): MailItemSummary {
      return summary;
    },
    async readBodyText(): Promise<string> {
      return parsed.text;
    },
    async readMessage(): Promise<MessageContent> {
      return { kind: "eml", bytes: options.bytes };
    },
    async ownership(): Promise<MailboxOwnership> {
      return options.categoriesPermitted === false
        ? { kind: "shared", owner: "info@cmsvoc.example", mayWrite: false }
        : { kind: "own" };
    },
    async tagItem(categories: readonly string[]): Promise<TagResult> {
      if (options.categoriesPermitted === false) return { status: "not-permitted" };
      for (const c of categories) {
        master.add(c);
        onItem.add(c);
      }
      return { status: "tagged", categories: [...categories] };
    },
    onItemChanged(): () => void {
      return () => {};
    },
    itemCategories(): string[] {
      return [...onItem];
    },
  };
}
