/// <reference types="office-js" />
/**
 * The MailboxAdapter over Office.js (`Office.context.mailbox`). The manifest asks only for Mailbox 1.3; every newer
 * API is checked with `isSetSupported` here, and the pane degrades with a message where a client lacks it.
 */
import type { TEmailPartsInput } from "../../contracts/outlook.js";
import {
  type MailAddress,
  type MailboxAdapter,
  type MailboxCapabilities,
  MailboxError,
  type MailboxOwnership,
  type MailItemSummary,
  type MessageContent,
  type TagResult,
} from "./mailbox-adapter.js";

type OfficeApi = typeof Office;
type AsyncResult<T> = Office.AsyncResult<T>;

/** Office's DelegatePermissions.Write bit: may change items in the shared folder. */
const DELEGATE_WRITE = 2;

function call<T>(start: (callback: (result: AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    start((result) => {
      // Office.AsyncResultStatus.Succeeded is the string "succeeded".
      if (String(result.status) === "succeeded") resolve(result.value);
      else reject(hostError(result.error));
    });
  });
}

/** Office reports failures by name; the pane gets a stable code and plain words. */
function hostError(error: Office.Error | undefined): MailboxError {
  const name = error?.name ?? "";
  const code = error?.code ?? 0;
  if (/permission|accessdenied/i.test(name) || code === 9018 || code === 5000) {
    return new MailboxError("PERMISSION_DENIED", "Outlook did not give Redress permission to do this.");
  }
  if (/size|large/i.test(name) || code === 9020) {
    return new MailboxError("TOO_LARGE", "This email is too large for Outlook to hand over.");
  }
  return new MailboxError("HOST_ERROR", "Outlook could not complete that. Please try again.");
}

const base64ToBytes = (base64: string): Uint8Array => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
const utf8ToBase64 = (text: string): string => {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
};

const toAddress = (a: Office.EmailAddressDetails | undefined | null): MailAddress | null =>
  a?.emailAddress ? { name: a.displayName || null, address: a.emailAddress } : null;

export function createOfficeMailbox(office: OfficeApi): MailboxAdapter {
  const mailbox = office.context.mailbox;
  const supports = (version: string): boolean => office.context.requirements.isSetSupported("Mailbox", version);
  const currentItem = (): Office.MessageRead => {
    const item = mailbox.item as Office.MessageRead | null | undefined;
    if (!item) throw new MailboxError("NO_ITEM", "Open an email to use Redress.");
    return item;
  };

  async function attachmentParts(item: Office.MessageRead): Promise<TEmailPartsInput["attachments"]> {
    const parts: NonNullable<TEmailPartsInput["attachments"]> = [];
    for (const a of item.attachments) {
      const content = await call<Office.AttachmentContent>((cb) => item.getAttachmentContentAsync(a.id, cb));
      const format = content.format;
      if (format === office.MailboxEnums.AttachmentContentFormat.Base64) {
        parts.push({
          name: a.name,
          contentType: a.contentType || "application/octet-stream",
          contentBase64: content.content,
          isInline: a.isInline,
        });
      } else if (format === office.MailboxEnums.AttachmentContentFormat.Eml) {
        parts.push({
          name: `${a.name}.eml`,
          contentType: "message/rfc822",
          contentBase64: utf8ToBase64(content.content),
          isInline: false,
        });
      } else if (format === office.MailboxEnums.AttachmentContentFormat.ICalendar) {
        parts.push({
          name: `${a.name}.ics`,
          contentType: "text/calendar",
          contentBase64: utf8ToBase64(content.content),
          isInline: false,
        });
      } else {
        // A cloud attachment: the link is what the message carries, so the link is what is kept.
        parts.push({
          name: `${a.name}.url.txt`,
          contentType: "text/plain",
          contentBase64: utf8ToBase64(content.content),
          isInline: false,
        });
      }
    }
    return parts;
  }

  /** The message from its parts (headers, HTML body, each attachment's content) for the server to assemble. */
  async function readParts(item: Office.MessageRead): Promise<MessageContent> {
    if (!supports("1.8") && item.attachments.length > 0) {
      throw new MailboxError(
        "UNSUPPORTED",
        "This version of Outlook cannot hand over attachments. Use Outlook on the web or the new Outlook to log this email.",
      );
    }
    const html = await call<string>((cb) => item.body.getAsync(office.CoercionType.Html, cb));
    const created = item.dateTimeCreated as Date | string | undefined;
    const parts: TEmailPartsInput = {
      internetMessageId: item.internetMessageId || null,
      subject: item.subject ?? "",
      from: toAddress(item.from),
      to: (item.to ?? []).map(toAddress).filter((a): a is MailAddress => a !== null),
      cc: (item.cc ?? []).map(toAddress).filter((a): a is MailAddress => a !== null),
      date: created ? new Date(created).toISOString() : null,
      body: { type: "html", content: html },
      attachments: item.attachments.length > 0 ? await attachmentParts(item) : [],
    };
    return { kind: "parts", parts };
  }

  const adapter: MailboxAdapter = {
    hostLabel: "Outlook",

    capabilities(): MailboxCapabilities {
      return {
        wholeMessage: supports("1.14"),
        attachmentContent: supports("1.8"),
        categories: supports("1.8"),
        sharedMailboxes: supports("1.13"),
      };
    },

    async readItem(): Promise<MailItemSummary | null> {
      return adapter.itemAtHand?.() ?? null;
    },

    itemAtHand(): MailItemSummary | null {
      const item = mailbox.item as Office.MessageRead | null | undefined;
      if (!item) return null;
      const created = item.dateTimeCreated as Date | string | undefined;
      return {
        internetMessageId: item.internetMessageId || null,
        conversationId: item.conversationId || null,
        subject: item.subject ?? "",
        from: toAddress(item.from),
        receivedAt: created ? new Date(created).toISOString() : null,
        attachments: (item.attachments ?? []).map((a) => ({
          id: a.id,
          name: a.name,
          size: a.size,
          contentType: a.contentType,
          isInline: a.isInline,
        })),
      };
    },

    async readBodyText(): Promise<string> {
      const item = currentItem();
      return call<string>((cb) => item.body.getAsync(office.CoercionType.Text, cb));
    },

    async readMessage(): Promise<MessageContent> {
      const item = currentItem();
      if (supports("1.14")) {
        const base64 = await call<string>((cb) => item.getAsFileAsync(cb));
        return { kind: "eml", bytes: base64ToBytes(base64) };
      }
      // Before 1.14 the server can read the exact .eml through Graph, on the person's behalf, given the item's REST
      // id (convertToRestId is Mailbox 1.3). The parts assembled here stay the last resort.
      const itemId = (item as Office.MessageRead & { itemId?: string }).itemId;
      if (itemId && typeof mailbox.convertToRestId === "function") {
        const owned = await adapter.ownership().catch((): MailboxOwnership => ({ kind: "unknown" }));
        return {
          kind: "item",
          itemId: mailbox.convertToRestId(itemId, office.MailboxEnums.RestVersion.v2_0),
          mailbox: owned.kind === "shared" ? owned.owner : null,
          parts: () => readParts(item),
        };
      }
      return readParts(item);
    },

    async ownership(): Promise<MailboxOwnership> {
      const item = currentItem() as Office.MessageRead & {
        getSharedPropertiesAsync?: (cb: (r: AsyncResult<Office.SharedProperties>) => void) => void;
      };
      if (typeof item.getSharedPropertiesAsync !== "function")
        return supports("1.13") ? { kind: "own" } : { kind: "unknown" };
      try {
        const shared = await call<Office.SharedProperties>((cb) => item.getSharedPropertiesAsync?.(cb));
        return {
          kind: "shared",
          owner: shared.owner,
          mayWrite: (Number(shared.delegatePermissions) & DELEGATE_WRITE) !== 0,
        };
      } catch {
        // Not a shared item: the call is only answered for items in shared folders.
        return { kind: "own" };
      }
    },

    async tagItem(categories: readonly string[]): Promise<TagResult> {
      if (!supports("1.8")) return { status: "unsupported" };
      const item = currentItem();
      try {
        const master = await call<Office.CategoryDetails[]>((cb) => mailbox.masterCategories.getAsync(cb));
        const known = new Set(master.map((c) => c.displayName.toLowerCase()));
        const missing = categories.filter((c) => !known.has(c.toLowerCase()));
        if (missing.length > 0) {
          await call<void>((cb) =>
            mailbox.masterCategories.addAsync(
              missing.map((displayName, i) => ({
                displayName,
                // Complaint in red (Preset0); references in orange (Preset1) so they stand apart.
                color:
                  i === 0 && displayName === "Complaint"
                    ? office.MailboxEnums.CategoryColor.Preset0
                    : office.MailboxEnums.CategoryColor.Preset1,
              })),
              cb,
            ),
          );
        }
        await call<void>((cb) => item.categories.addAsync([...categories], cb));
        return { status: "tagged", categories: [...categories] };
      } catch {
        // Whatever Outlook's reason (a delegate without write permission, a policy), the complaint is logged and
        // the tag is only a convenience: say so and carry on.
        return { status: "not-permitted" };
      }
    },

    onItemChanged(listener: () => void): () => void {
      if (!supports("1.5")) return () => {};
      mailbox.addHandlerAsync(office.EventType.ItemChanged, listener);
      return () => mailbox.removeHandlerAsync(office.EventType.ItemChanged);
    },
  };
  return adapter;
}
