import type { Readable } from "node:stream";
import { AppError } from "../../domain/app-error.js";
import type { MailboxReader } from "../../ports/mailbox-reader.js";
import type { GraphTokenProvider } from "./graph-token-provider.js";
import type { HttpsTransport } from "./https-transport.js";

/** Least privilege: read only, asked for only on this path; shared mailboxes need the .Shared variant. */
export const MAIL_READ = "https://graph.microsoft.com/Mail.Read";
export const MAIL_READ_SHARED = "https://graph.microsoft.com/Mail.Read.Shared";

const unreadable = () =>
  new AppError(
    "MAILBOX_UNREADABLE",
    "Redress could not read this email from your mailbox. The add-in will send it from Outlook instead.",
  );

/**
 * `GET /me/messages/{id}/$value` (or `/users/{mailbox}/…` for a shared mailbox) with an on-behalf-of token: the
 * message's MIME exactly as Exchange holds it, streamed (a 150 MB message costs no memory). The token comes from the
 * person's own Redress API token, so Graph enforces that they may read this mailbox — Redress never reads mail
 * app-only.
 */
export class GraphMailboxReader implements MailboxReader {
  constructor(
    private readonly options: { tokens: GraphTokenProvider; transport: HttpsTransport; graphBaseUrl: string },
  ) {}

  async openMessage(options: { userToken: string; itemId: string; mailbox: string | null }): Promise<Readable> {
    let graphToken: string;
    try {
      graphToken = await this.options.tokens.onBehalfOf(options.userToken, [
        options.mailbox ? MAIL_READ_SHARED : MAIL_READ,
      ]);
    } catch {
      // Consent not granted (AADSTS65001), a token Entra will not exchange, or Entra unreachable: same answer.
      throw unreadable();
    }
    const owner = options.mailbox ? `users/${encodeURIComponent(options.mailbox)}` : "me";
    const base = this.options.graphBaseUrl.replace(/\/$/, "");
    let answer: Awaited<ReturnType<HttpsTransport["open"]>>;
    try {
      answer = await this.options.transport.open({
        method: "GET",
        url: `${base}/${owner}/messages/${encodeURIComponent(options.itemId)}/$value`,
        headers: { authorization: `Bearer ${graphToken}` },
      });
    } catch {
      throw unreadable();
    }
    if (answer.status !== 200) {
      answer.stream.resume(); // drain the error body so the connection can be reused
      throw unreadable();
    }
    return answer.stream;
  }
}
