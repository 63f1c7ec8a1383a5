import type { Client } from "@microsoft/microsoft-graph-client";
import { DeliveryError } from "../../ports/delivery-error.js";
import type { EmailAttachment } from "../../ports/mailer.js";
import { fromStatus, toDeliveryError } from "./graph-errors.js";
import type { HttpsTransport } from "./https-transport.js";

/** Graph: attach by one POST under 3 MB; from 3 MB to 150 MB through an attachment upload session. */
export const UPLOAD_SESSION_FROM_BYTES = 3 * 1024 * 1024;
/** Ranges of an attachment session "under 4 MB each" (Graph's guidance); 3 MiB leaves room. */
const RANGE_BYTES = 3 * 1024 * 1024;

export interface DraftSendOptions {
  graph: Client;
  transport: HttpsTransport;
  mailbox: string;
  /** The message without attachments: subject, body, recipients and the marker's extended property. */
  message: Record<string, unknown>;
  attachments: readonly EmailAttachment[];
  /** The `$filter` that finds a draft carrying this message's marker. */
  markerFilter: string;
  rangeBytes?: number;
}

/**
 * A letter too large for one sendMail (4 MB of JSON): a draft in the shared mailbox, each large file attached through
 * an attachment upload session, then the draft sent. The draft carries the same marker as any letter, so:
 * - a draft left by an earlier attempt that failed before sending is deleted first (never two drafts, never a
 *   half-attached one sent);
 * - a send whose answer was lost is found in Sent Items by the outbox's marker check before any retry.
 * Resolves when Graph accepted the send (202).
 */
export async function sendThroughDraft(options: DraftSendOptions): Promise<void> {
  const { graph, mailbox } = options;
  const base = `/users/${encodeURIComponent(mailbox)}`;
  await deleteEarlierDrafts(options, base);
  let draftId: string;
  try {
    const draft = (await graph.api(`${base}/messages`).post(options.message)) as { id: string };
    draftId = draft.id;
  } catch (error) {
    throw toDeliveryError(error, "Email draft");
  }
  const messagePath = `${base}/messages/${encodeURIComponent(draftId)}`;
  for (const attachment of options.attachments) {
    if (attachment.content.length < UPLOAD_SESSION_FROM_BYTES) {
      try {
        await graph.api(`${messagePath}/attachments`).post({
          "@odata.type": "#microsoft.graph.fileAttachment",
          name: attachment.name,
          contentType: attachment.contentType,
          contentBytes: attachment.content.toString("base64"),
        });
      } catch (error) {
        throw toDeliveryError(error, "Email attachment");
      }
    } else {
      await uploadAttachment(options, messagePath, attachment);
    }
  }
  // Only this call sends: an error before it leaves an unsent draft, which the next attempt deletes.
  await graph.api(`${messagePath}/send`).post({});
}

async function deleteEarlierDrafts(options: DraftSendOptions, base: string): Promise<void> {
  try {
    const page = (await options.graph
      .api(`${base}/mailFolders/Drafts/messages`)
      .filter(options.markerFilter)
      .select("id")
      .get()) as { value: Array<{ id: string }> };
    for (const draft of page.value)
      await options.graph.api(`${base}/messages/${encodeURIComponent(draft.id)}`).delete();
  } catch (error) {
    throw toDeliveryError(error, "Email draft clean-up");
  }
}

/**
 * One file through an attachment upload session: ranges in order, each a PUT to the pre-authenticated upload URL
 * (no Authorization header: Outlook refuses one there), 200 with the next expected offset, 201 on the last.
 * A cut connection fails the attempt; the outbox retries the whole letter with a fresh draft.
 */
async function uploadAttachment(
  options: DraftSendOptions,
  messagePath: string,
  attachment: EmailAttachment,
): Promise<void> {
  let uploadUrl: string;
  try {
    const session = (await options.graph.api(`${messagePath}/attachments/createUploadSession`).post({
      AttachmentItem: {
        attachmentType: "file",
        name: attachment.name,
        size: attachment.content.length,
        contentType: attachment.contentType,
      },
    })) as { uploadUrl: string };
    uploadUrl = session.uploadUrl;
  } catch (error) {
    throw toDeliveryError(error, "Email attachment upload session");
  }
  const size = attachment.content.length;
  const step = options.rangeBytes ?? RANGE_BYTES;
  let offset = 0;
  while (offset < size) {
    const end = Math.min(offset + step, size);
    let answer: Awaited<ReturnType<HttpsTransport["send"]>>;
    try {
      answer = await options.transport.send({
        method: "PUT",
        url: uploadUrl,
        headers: {
          "content-type": "application/octet-stream",
          "content-length": String(end - offset),
          "content-range": `bytes ${offset}-${end - 1}/${size}`,
        },
        body: attachment.content.subarray(offset, end),
      });
    } catch (error) {
      // Nothing is sent by an upload: a lost answer here is an ordinary failure, not an unknown outcome.
      throw new DeliveryError(`Email attachment upload: ${toDeliveryError(error, "connection").message}`, {
        permanent: false,
      });
    }
    if (answer.status === 201) return;
    if (answer.status !== 200) {
      const code = graphCode(answer.body);
      throw fromStatus(answer.status, code, answer.headers["retry-after"], "Email attachment upload");
    }
    const next = Number.parseInt(
      (JSON.parse(answer.body.toString("utf8")) as { nextExpectedRanges?: string[] }).nextExpectedRanges?.[0] ?? "",
      10,
    );
    offset = Number.isFinite(next) && next > offset ? next : end;
  }
  throw new DeliveryError("Email attachment upload: the session never confirmed the last range", { permanent: false });
}

function graphCode(body: Buffer): string | null {
  try {
    return (JSON.parse(body.toString("utf8")) as { error?: { code?: string } }).error?.code ?? null;
  } catch {
    return null;
  }
}
