import type { Client } from "@microsoft/microsoft-graph-client";
import { DeliveryError } from "../../ports/delivery-error.js";
import type { Mailer, OutgoingEmail } from "../../ports/mailer.js";
import { sendThroughDraft } from "./graph-draft-sender.js";
import { toDeliveryError } from "./graph-errors.js";
import type { HttpsTransport } from "./https-transport.js";

/**
 * A named MAPI property of our own: Graph's documented way to stamp a message and find it again with
 * `singleValueExtendedProperties/Any(…)`. Invisible to the recipient.
 */
export const MARKER_PROPERTY = "String {6c1b8f2e-8d39-4f0e-9a57-3a1b0c2d4e5f} Name RedressOutboxMarker";
/** sendMail takes at most 4 MB of JSON; base64 grows attachments by a third. Larger letters go through a draft. */
const MAX_ATTACHMENT_BYTES = 2_900_000;
/** A message appears in Sent Items some seconds after 202: wait this long before looking after a lost answer. */
export const SENT_ITEMS_SETTLE_MS = 120_000;

/**
 * Letters from the shared mailbox, app-only (Mail.Send limited to that mailbox by Exchange RBAC for Applications).
 * Letters whose attachments exceed one sendMail request go as a draft with attachment upload sessions
 * (graph-draft-sender.ts; needs Mail.ReadWrite in the same management scope).
 */
export class GraphMailer implements Mailer {
  constructor(
    private readonly options: {
      graph: Client;
      sharedMailbox: string;
      now?: () => Date;
      settleMs?: number;
      /** For the upload ranges of large attachments; without it such letters are refused as before. */
      transport?: HttpsTransport;
      /** Size of each attachment upload range (tests make it small). */
      rangeBytes?: number;
    },
  ) {}

  async send(email: OutgoingEmail): Promise<{ acceptedAt: string }> {
    const size = email.attachments.reduce((n, a) => n + a.content.length, 0);
    if (size > MAX_ATTACHMENT_BYTES && !this.options.transport) {
      throw new DeliveryError("Email: attachments too large for one sendMail request", { permanent: true });
    }
    const message = {
      subject: email.subject,
      body: { contentType: "Text", content: email.text },
      toRecipients: email.to.map((r) => ({
        emailAddress: { address: r.address, ...(r.name ? { name: r.name } : {}) },
      })),
      attachments: email.attachments.map((a) => ({
        "@odata.type": "#microsoft.graph.fileAttachment",
        name: a.name,
        contentType: a.contentType,
        contentBytes: a.content.toString("base64"),
      })),
      singleValueExtendedProperties: [{ id: MARKER_PROPERTY, value: email.marker }],
    };
    try {
      if (size > MAX_ATTACHMENT_BYTES && this.options.transport) {
        const { attachments: _inline, ...withoutAttachments } = message;
        await sendThroughDraft({
          graph: this.options.graph,
          transport: this.options.transport,
          mailbox: this.options.sharedMailbox,
          message: withoutAttachments,
          attachments: email.attachments,
          markerFilter: markerFilter(email.marker),
          ...(this.options.rangeBytes ? { rangeBytes: this.options.rangeBytes } : {}),
        });
      } else {
        await this.options.graph.api(`/users/${encodeURIComponent(this.options.sharedMailbox)}/sendMail`).post({
          message,
          saveToSentItems: true,
        });
      }
    } catch (error) {
      const failure = toDeliveryError(error, "Email");
      if (!failure.outcomeUnknown) throw failure;
      throw new DeliveryError(failure.message, {
        permanent: false,
        outcomeUnknown: true,
        retryAfterMs: this.options.settleMs ?? SENT_ITEMS_SETTLE_MS,
      });
    }
    return { acceptedAt: (this.options.now?.() ?? new Date()).toISOString() };
  }

  async findSent(marker: string): Promise<{ sentAt: string } | null> {
    const filter = markerFilter(marker);
    try {
      const page = (await this.options.graph
        .api(`/users/${encodeURIComponent(this.options.sharedMailbox)}/mailFolders/SentItems/messages`)
        .filter(filter)
        .select("id,sentDateTime")
        .top(1)
        .get()) as { value: Array<{ sentDateTime?: string }> };
      const found = page.value[0];
      return found ? { sentAt: found.sentDateTime ?? new Date().toISOString() } : null;
    } catch (error) {
      throw toDeliveryError(error, "Sent Items lookup");
    }
  }
}

/** Graph's documented filter for a message carrying our marker (Sent Items, Drafts). */
function markerFilter(marker: string): string {
  return `singleValueExtendedProperties/Any(ep: ep/id eq '${MARKER_PROPERTY}' and ep/value eq '${marker.replace(/'/g, "''")}')`;
}
