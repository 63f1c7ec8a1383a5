/**
 * The server side of the Outlook add-in, against the real process: adding a later email to a case (need-to-know
 * respected), a complainant's open cases, logging from the message's parts (Mailbox < 1.14), and that sending the
 * same email again — a retry — never makes a second case or a second copy.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestServer, type TestServer } from "../support/start-server.js";
import { api, type Json, makeEml, postEml, untilEmailPartsExtracted } from "./api-client.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { INTAKE_MAX_BYTES: String(256 * 1024) } });
});
afterAll(async () => {
  await server?.stop();
});

const detail = async (id: string): Promise<Json> =>
  (await api(server.baseUrl, "ops-director", "GET", `/api/cases/${id}`)).body.case;

const addEmail = (persona: "staff" | "staff-2" | "handler", caseId: string, eml: Buffer, query = "") =>
  api(server.baseUrl, persona, "POST", `/api/cases/${caseId}/emails${query}`, new Uint8Array(eml), {
    contentType: "message/rfc822",
  });

const PARTS = {
  internetMessageId: "<parts-1@example.org>",
  subject: "Poor service on my course — très déçu",
  from: { name: "Amélie Dubois", address: "amelie@example.org" },
  to: [{ name: null, address: "info@cmsvoc.example" }],
  date: "2026-11-24T10:00:00Z",
  body: { type: "html", content: "<p>I am unhappy with the course and want a refund.</p>" },
  attachments: [
    { name: "receipt.txt", contentType: "text/plain", contentBase64: Buffer.from("Paid £450").toString("base64") },
  ],
};

describe("POST /api/cases/{id}/emails", () => {
  test("adds a reply to the case it answers, once, and shows staff only the status", async () => {
    const first = await postEml(
      server.baseUrl,
      "staff",
      makeEml({ messageId: "<orig-1@example.org>", from: "Ann <ann@example.org>" }),
      {
        conversationId: "conv-1",
      },
    );
    expect(first.status).toBe(201);
    const caseId = first.body.case.id as string;
    const reply = makeEml({
      messageId: "<reply-1@example.org>",
      from: "Ann <ann@example.org>",
      subject: "Re: Complaint about my course",
      headers: ["In-Reply-To: <orig-1@example.org>", "References: <orig-1@example.org>"],
    });

    const added = await addEmail("staff", caseId, reply, "?conversationId=conv-1");
    expect(added.status).toBe(201);
    expect(added.body.added).toBe(true);
    expect(added.body.case).toMatchObject({ id: caseId, view: "status" });
    expect(added.body.case.subject).toBeUndefined();

    const again = await addEmail("staff", caseId, reply, "?conversationId=conv-1");
    expect(again.status).toBe(200);
    expect(again.body.added).toBe(false);

    const emails = (await detail(caseId)).documents.filter((d: Json) => d.kind === "email");
    expect(emails).toHaveLength(2);

    // The reply is now part of the case: logging it as a new complaint answers with the same case.
    const relogged = await postEml(server.baseUrl, "staff", reply);
    expect(relogged.status).toBe(200);
    expect(relogged.body.case.id).toBe(caseId);
  });

  test("someone who did not log it may add an email of the same conversation, but not an unrelated one", async () => {
    const first = await postEml(server.baseUrl, "staff", makeEml({ messageId: "<orig-2@example.org>" }), {
      conversationId: "conv-2",
    });
    const caseId = first.body.case.id as string;
    const sameThread = makeEml({ messageId: "<reply-2@example.org>", headers: ["In-Reply-To: <orig-2@example.org>"] });
    expect((await addEmail("staff-2", caseId, sameThread)).status).toBe(201);

    const sameConversation = makeEml({ messageId: "<other-2@example.org>" });
    expect((await addEmail("staff-2", caseId, sameConversation, "?conversationId=conv-2")).status).toBe(201);

    const unrelated = makeEml({ messageId: "<unrelated-2@example.org>" });
    const refused = await addEmail("staff-2", caseId, unrelated);
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe("NOT_FOUND");
  });
});

describe("GET /api/intake/complainant-cases", () => {
  test("lists the sender's open cases the caller may see, and nothing the caller may not", async () => {
    await postEml(server.baseUrl, "staff", makeEml({ messageId: "<c-1@example.org>", from: "Bob <bob@example.net>" }));
    const mine = await api(server.baseUrl, "staff", "GET", "/api/intake/complainant-cases?from=bob@example.net");
    expect(mine.status).toBe(200);
    expect(mine.body.cases).toHaveLength(1);
    expect(mine.body.cases[0].view).toBe("status");
    const theirs = await api(server.baseUrl, "staff-2", "GET", "/api/intake/complainant-cases?from=bob@example.net");
    expect(theirs.body.cases).toEqual([]);
    const director = await api(server.baseUrl, "director", "GET", "/api/intake/complainant-cases?from=BOB@example.net");
    expect(director.body.cases[0].view).toBe("full");
  });
});

describe("POST /api/intake/email-parts", () => {
  test("assembles the message, keeps the attachment, and a retry answers with the same case", async () => {
    const first = await api(server.baseUrl, "staff", "POST", "/api/intake/email-parts?conversationId=conv-p", PARTS);
    expect(first.status).toBe(201);
    const retry = await api(server.baseUrl, "staff", "POST", "/api/intake/email-parts?conversationId=conv-p", PARTS);
    expect(retry.status).toBe(200);
    expect(retry.body.case.id).toBe(first.body.case.id);
    const c = await untilEmailPartsExtracted(() => detail(first.body.case.id));
    expect(c.subject).toBe(PARTS.subject);
    expect(c.complainant).toMatchObject({ name: "Amélie Dubois", email: "amelie@example.org" });
    expect(c.documents.map((d: Json) => [d.kind, d.name]).sort()).toEqual([
      ["attachment", "receipt.txt"],
      ["email", "message.eml"],
    ]);
  });

  test("a message too large is refused with PAYLOAD_TOO_LARGE (413)", async () => {
    const big = {
      ...PARTS,
      internetMessageId: "<big@example.org>",
      body: { type: "text", content: "x".repeat(600_000) },
    };
    const res = await api(server.baseUrl, "staff", "POST", "/api/intake/email-parts", big);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  test("the note and suggested category reach the case history for triage", async () => {
    const res = await postEml(server.baseUrl, "staff", makeEml({ messageId: "<note-1@example.org>" }), {
      note: "Caller sounded very upset",
      suggestedCategory: "Assessment and results",
    });
    const c = await detail(res.body.case.id);
    const logged = c.timeline.find((t: Json) => t.kind === "logged");
    expect(logged.summary).toContain("Suggested category: Assessment and results.");
    expect(logged.summary).toContain("Caller sounded very upset");
  });
});

describe("GET /addin/icon-{size}.png", () => {
  test("serves the add-in's icons that the manifests point at, and nothing else", async () => {
    for (const size of [16, 32, 80]) {
      const res = await fetch(`${server.baseUrl}/addin/icon-${size}.png`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/png");
      const png = Buffer.from(await res.arrayBuffer());
      expect(png.readUInt32BE(16)).toBe(size);
    }
    expect((await fetch(`${server.baseUrl}/addin/icon-..%2F..%2Fpackage.json.png`)).status).toBe(404);
  });
});
