/**
 * Requests the Outlook add-in makes beyond the core intake (DESIGN.md §4): adding a later email to a case, finding a
 * complainant's open cases, and the message in parts for clients without `getAsFileAsync` (Mailbox < 1.14).
 * `Z*` are schemas, `T*` the types they infer.
 */
import { z } from "zod";

const instant = z.iso.datetime({ offset: true, message: "Use an ISO 8601 date and time, e.g. 2026-11-25T14:30:00Z." });
const conversationId = z.string().trim().min(1).max(500);

/** POST /api/cases/{id}/emails query. */
export const ZAddEmailQuery = z
  .object({ receivedAt: instant.optional(), conversationId: conversationId.optional() })
  .strict();

/** GET /api/intake/complainant-cases query: open cases from this sender that the caller may see. */
export const ZComplainantCasesQuery = z.object({ from: z.email().max(320) }).strict();

const ZAddress = z.object({ name: z.string().max(300).nullish(), address: z.string().max(320) }).strict();

/**
 * The message as Office.js gives it on clients before Mailbox 1.14: headers from the item, the body, and each
 * attachment from `getAttachmentContentAsync`. The server assembles an RFC 822 message from it (same bytes for the
 * same parts, so a retry is recognised as the same message).
 */
export const ZEmailParts = z
  .object({
    internetMessageId: z.string().trim().min(1).max(1000).nullish(),
    subject: z.string().max(2000).nullish(),
    from: ZAddress.nullish(),
    to: z.array(ZAddress).max(500).default([]),
    cc: z.array(ZAddress).max(500).default([]),
    /** When the message was sent or created (the Date header). */
    date: instant.nullish(),
    body: z.object({ type: z.enum(["html", "text"]), content: z.string() }).strict(),
    attachments: z
      .array(
        z
          .object({
            name: z.string().trim().min(1).max(255),
            contentType: z.string().trim().min(1).max(200),
            /** The decoded content, base64. */
            contentBase64: z.string().regex(/^[A-Za-z0-9+/=\r\n]*$/, "Not base64."),
            isInline: z.boolean().default(false),
            contentId: z.string().max(500).nullish(),
          })
          .strict(),
      )
      .max(500)
      .default([]),
  })
  .strict();

export type TEmailParts = z.infer<typeof ZEmailParts>;
export type TEmailPartsInput = z.input<typeof ZEmailParts>;

/**
 * Older Outlook clients (Mailbox < 1.14) cannot hand over the .eml, so the add-in names the item and the server reads
 * its MIME through Microsoft Graph with the person's own rights (on-behalf-of, Mail.Read; Mail.Read.Shared for a
 * shared mailbox). Body of POST /api/intake/outlook-item, and of POST /api/cases/{id}/emails as
 * `application/vnd.redress.outlook-item+json`.
 */
export const ZOutlookItemRef = z
  .object({
    /** The item's REST id (`Office.context.mailbox.convertToRestId(itemId, RestVersion.v2_0)`). */
    itemId: z
      .string()
      .trim()
      .min(1)
      .max(1000)
      .regex(/^[A-Za-z0-9+/=_-]+$/, "Not an Outlook REST item id."),
    /** The shared mailbox (or the delegator's) the item is in; absent for the person's own mailbox. */
    mailbox: z.email().max(320).nullish(),
  })
  .strict();

export type TOutlookItemRef = z.infer<typeof ZOutlookItemRef>;

export { OUTLOOK_ITEM_MEDIA_TYPE } from "./media-types.js";
