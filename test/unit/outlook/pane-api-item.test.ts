/**
 * Older Outlook clients: the pane names the item and lets the server read the .eml through Graph; only when the server
 * cannot (embedded mode, no consent, no access) does it read the parts from Outlook and send those. A real ApiClient
 * against a small server on loopback that records what arrives.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { MailItemSummary, MessageContent } from "../../../src/outlook/mailbox/mailbox-adapter.js";
import { addEmailToCase, logEmail } from "../../../src/outlook/pane/pane-send.js";
import { ApiClient, ApiError } from "../../../src/web/api/client.js";

interface Seen {
  path: string;
  contentType: string;
  body: Record<string, unknown>;
}
let server: http.Server;
let api: ApiClient;
let seen: Seen[] = [];
/** What the server answers for the item route: a case, or an error code. */
let itemAnswer: { status: number; code?: string } = { status: 201 };

const aCase = { id: "case-1", reference: "CMP-2026-0009" };

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = (req.url ?? "").split("?")[0] ?? "";
      seen.push({
        path,
        contentType: req.headers["content-type"] ?? "",
        body: JSON.parse(Buffer.concat(chunks).toString() || "{}"),
      });
      const isItem =
        path === "/api/intake/outlook-item" ||
        req.headers["content-type"] === "application/vnd.redress.outlook-item+json";
      const answer = isItem ? itemAnswer : { status: 201 };
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(
        JSON.stringify(answer.code ? { error: { code: answer.code, message: "Plain words." } } : { case: aCase }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as AddressInfo;
  api = new ApiClient(
    { getAccessToken: async () => "token", currentAccount: () => null, invalidate: () => {} },
    `http://127.0.0.1:${port}`,
  );
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});
beforeEach(() => {
  seen = [];
  itemAnswer = { status: 201 };
});

const summary: MailItemSummary = {
  internetMessageId: "<abc@example.org>",
  conversationId: "conv-1",
  subject: "Unit 4",
  from: { name: "Jane", address: "jane@example.org" },
  receivedAt: "2026-11-24T17:30:00.000Z",
  attachments: [],
};

function itemContent(): { content: MessageContent; partsRead: () => number } {
  let reads = 0;
  return {
    content: {
      kind: "item",
      itemId: "AAMkAGI2=",
      mailbox: "info@cmsvoc.example",
      parts: async () => {
        reads += 1;
        return { kind: "parts", parts: { subject: "Unit 4", body: { type: "html", content: "<p>Hello</p>" } } };
      },
    },
    partsRead: () => reads,
  };
}

describe("logging from an older Outlook client", () => {
  test("the item is named and the server reads it: Outlook is not asked for the parts at all", async () => {
    const { content, partsRead } = itemContent();
    const result = await logEmail(api, { item: summary, content });
    expect(result).toMatchObject({ isNew: true, case: aCase });
    expect(seen).toEqual([
      {
        path: "/api/intake/outlook-item",
        contentType: "application/json",
        body: { itemId: "AAMkAGI2=", mailbox: "info@cmsvoc.example" },
      },
    ]);
    expect(partsRead()).toBe(0);
  });

  for (const code of ["MAILBOX_UNREADABLE", "NOT_AVAILABLE"]) {
    test(`the server cannot read the mailbox (${code}): the parts from Outlook are sent instead`, async () => {
      itemAnswer = { status: code === "NOT_AVAILABLE" ? 404 : 502, code };
      const { content, partsRead } = itemContent();
      const result = await logEmail(api, { item: summary, content });
      expect(result.case).toEqual(aCase);
      expect(seen.map((s) => s.path)).toEqual(["/api/intake/outlook-item", "/api/intake/email-parts"]);
      expect(seen[1]?.body).toMatchObject({ subject: "Unit 4" });
      expect(partsRead()).toBe(1);
    });
  }

  test("any other refusal (no permission) is the user's answer: no fallback", async () => {
    itemAnswer = { status: 403, code: "FORBIDDEN" };
    const { content, partsRead } = itemContent();
    const failure = await logEmail(api, { item: summary, content }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe("FORBIDDEN");
    expect(partsRead()).toBe(0);
  });

  test("Add to case sends the item reference in its own media type to the case's emails route", async () => {
    const { content } = itemContent();
    await addEmailToCase(api, { caseId: "case-1", item: summary, content });
    expect(seen).toEqual([
      {
        path: "/api/cases/case-1/emails",
        contentType: "application/vnd.redress.outlook-item+json",
        body: { itemId: "AAMkAGI2=", mailbox: "info@cmsvoc.example" },
      },
    ]);
  });
});
