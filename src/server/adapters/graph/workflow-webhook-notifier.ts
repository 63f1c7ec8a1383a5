import type { Client } from "@microsoft/microsoft-graph-client";
import type { BoardNotifier, BoardPost } from "../../ports/board-notifier.js";
import { DeliveryError } from "../../ports/delivery-error.js";
import { fromStatus, toDeliveryError } from "./graph-errors.js";
import type { HttpsTransport } from "./https-transport.js";

/** After a lost answer, give the workflow time to post before looking for the marker in the channel. */
export const CHANNEL_SETTLE_MS = 120_000;

/**
 * Board-channel posts through a Teams Workflows webhook ("Post to a channel when a webhook request is received"):
 * unattended, no delegated token to expire, works on a retry days later. The webhook URL carries its own signature:
 * it is a secret, from the environment only, and never appears in a log or error.
 *
 * Duplicates: the webhook answers 202 and gives no message id, so when an answer is lost we look for the card's
 * marker among the channel's recent messages (Graph, app-only ChannelMessage.Read.All — a protected API Microsoft
 * must approve). Without team/channel configured `findPosted` answers null and the job waits for a person.
 */
export class WorkflowWebhookNotifier implements BoardNotifier {
  constructor(
    private readonly options: {
      webhookUrl: string;
      transport: HttpsTransport;
      graph: Client;
      teamId: string | null;
      channelId: string | null;
      settleMs?: number;
    },
  ) {}

  async post(post: BoardPost): Promise<void> {
    const body = JSON.stringify({
      type: "message",
      attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", contentUrl: null, content: post.card }],
    });
    let status: number;
    let retryAfter: string | undefined;
    try {
      const answer = await this.options.transport.send({
        method: "POST",
        url: this.options.webhookUrl,
        headers: { "content-type": "application/json" },
        body,
      });
      status = answer.status;
      retryAfter = answer.headers["retry-after"];
    } catch (error) {
      const failure = toDeliveryError(error, "Board channel post");
      if (!failure.outcomeUnknown) throw failure;
      throw new DeliveryError(failure.message, {
        permanent: false,
        outcomeUnknown: true,
        retryAfterMs: this.options.settleMs ?? CHANNEL_SETTLE_MS,
      });
    }
    if (status === 200 || status === 202) return;
    throw fromStatus(status, null, retryAfter, "Board channel post");
  }

  async findPosted(marker: string): Promise<boolean | null> {
    const { teamId, channelId } = this.options;
    if (!teamId || !channelId) return null;
    try {
      const page = (await this.options.graph
        .api(`/teams/${encodeURIComponent(teamId)}/channels/${encodeURIComponent(channelId)}/messages`)
        .top(50)
        .get()) as { value: Array<{ attachments?: Array<{ content?: string | null }> }> };
      return page.value.some((m) => (m.attachments ?? []).some((a) => (a.content ?? "").includes(marker)));
    } catch (error) {
      throw toDeliveryError(error, "Board channel lookup");
    }
  }
}
