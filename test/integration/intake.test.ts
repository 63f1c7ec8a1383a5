/**
 * POST /api/intake/email against the real process (DESIGN.md §4): the 17 real-world messages, idempotency by
 * Message-ID and content, the receipt-time rule, deadlines around Christmas, and every error the endpoint answers.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PROJECT_ROOT, startTestServer, type TestServer } from "../support/start-server.js";
import { api, download, type Json, makeEml, postEml, tokenFor, untilEmailPartsExtracted } from "./api-client.js";

const EML_DIR = path.resolve(PROJECT_ROOT, "../shared/reference/eml");
const emlFiles = fs.existsSync(EML_DIR)
  ? fs
      .readdirSync(EML_DIR)
      .filter((f) => f.endsWith(".eml"))
      .sort()
  : [];
if (emlFiles.length === 0) {
  console.warn(`Skipping the real-message intake tests: no .eml files in ${EML_DIR}.`);
}

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");
const REFERENCE = /^CMP-\d{4}-\d{4}$/;
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

let server: TestServer;

/** Every case ops-director can see (they see all), following the cursor. */
async function allCases(baseUrl: string): Promise<Json[]> {
  const cases: Json[] = [];
  let cursor: string | null = null;
  do {
    const qs: string = cursor ? `?limit=200&cursor=${encodeURIComponent(cursor)}` : "?limit=200";
    const res = await api(baseUrl, "ops-director", "GET", `/api/cases${qs}`);
    expect(res.status).toBe(200);
    cases.push(...res.body.cases);
    cursor = res.body.nextCursor;
  } while (cursor);
  return cases;
}

async function caseDetail(baseUrl: string, id: string): Promise<Json> {
  const res = await api(baseUrl, "ops-director", "GET", `/api/cases/${id}`);
  expect(res.status).toBe(200);
  return res.body.case;
}

function expectCreatedCase(body: Json): void {
  expect(body.case).toMatchObject({
    id: expect.any(String),
    reference: expect.stringMatching(REFERENCE),
    stage: "received",
    receivedAt: expect.any(String),
    responseDueDate: expect.stringMatching(PLAIN_DATE),
  });
  expect(Number.isNaN(Date.parse(body.case.receivedAt))).toBe(false);
}

function expectErrorBody(body: Json, code?: string): void {
  expect(body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  expect(body.error.message.length).toBeGreaterThan(0);
  if (code) expect(body.error.code).toBe(code);
}

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.stop();
});

describe.skipIf(emlFiles.length === 0)("the 17 real-world messages", () => {
  test("each is logged (201, with its .eml byte-exact and every attachment) or refused with a 4xx, never a 5xx", async () => {
    const { baseUrl } = server;
    /** Message-ID → case id of the first message that carried it (two of the samples share one). */
    const byMessageId = new Map<string, string>();
    const outcomes: string[] = [];
    for (const file of emlFiles) {
      const bytes = await fsp.readFile(path.join(EML_DIR, file));
      const parsed = await simpleParser(bytes).catch(() => null);
      const messageId = parsed?.messageId?.toLowerCase();
      const res = await postEml(baseUrl, "staff", bytes);
      outcomes.push(`${file}: ${res.status}`);
      expect(res.status, `${file} must not cause a server error`).toBeLessThan(500);

      if (res.status >= 400) {
        expect(res.status, file).toBeGreaterThanOrEqual(400);
        expectErrorBody(res.body);
        continue;
      }
      if (res.status === 200) {
        // Only a Message-ID seen before may answer with an existing case.
        expect(messageId && byMessageId.get(messageId), `${file} answered 200 but is new`).toBe(res.body.case.id);
        continue;
      }
      expect(res.status, file).toBe(201);
      expectCreatedCase(res.body);
      if (messageId) byMessageId.set(messageId, res.body.case.id);

      // The .eml is a document from the moment of the answer; the attachments follow from it.
      const atAnswer = await caseDetail(baseUrl, res.body.case.id);
      expect(atAnswer.documents.filter((d: Json) => d.kind === "email")).toHaveLength(1);
      const detail = await untilEmailPartsExtracted(() => caseDetail(baseUrl, res.body.case.id));
      const emailDoc = detail.documents.find((d: Json) => d.kind === "email");
      expect(emailDoc, `${file}: the .eml is a document`).toBeDefined();
      expect(emailDoc.size).toBe(bytes.length);
      expect(emailDoc.sha256).toBe(sha256(bytes));
      const got = await download(baseUrl, "ops-director", emailDoc.url);
      expect(got.status).toBe(200);
      expect(Buffer.compare(got.bytes, bytes), `${file}: the .eml is kept byte-exact`).toBe(0);
      expect(sha256(got.bytes)).toBe(sha256(bytes));

      // One attachment document per attachment, with the same decoded content (mailparser as the oracle), and the
      // summary of the body once it has been read.
      const attachmentDocs = detail.documents.filter((d: Json) => d.kind === "attachment");
      if (parsed) {
        expect(attachmentDocs.length, `${file}: one document per attachment`).toBe(parsed.attachments.length);
        expect(attachmentDocs.map((d: Json) => d.sha256).sort()).toEqual(
          parsed.attachments.map((a) => sha256(a.content)).sort(),
        );
      }
      for (const doc of attachmentDocs) {
        const content = await download(baseUrl, "ops-director", doc.url);
        expect(content.status).toBe(200);
        expect(sha256(content.bytes)).toBe(doc.sha256);
        expect(content.bytes.length).toBe(doc.size);
      }
    }
    expect(outcomes.filter((o) => o.endsWith(": 201")).length, outcomes.join("\n")).toBeGreaterThan(0);
    const health = await fetch(`${baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok" });
  }, 120_000);
});

describe("the same message again", () => {
  test("the same message posted again answers 200 with the same case and creates no second case", async () => {
    const { baseUrl } = server;
    const eml = makeEml({ subject: "Repeat intake" });
    const first = await postEml(baseUrl, "staff", eml);
    expect(first.status).toBe(201);
    const before = (await allCases(baseUrl)).length;
    const again = await postEml(baseUrl, "staff", eml);
    expect(again.status).toBe(200);
    expect(again.body.case.id).toBe(first.body.case.id);
    expect(again.body.case.reference).toBe(first.body.case.reference);
    // Someone else logging it answers the same case too.
    const other = await postEml(baseUrl, "staff-2", eml);
    expect(other.status).toBe(200);
    expect(other.body.case.id).toBe(first.body.case.id);
    expect((await allCases(baseUrl)).length).toBe(before);
    const detail = await caseDetail(baseUrl, first.body.case.id);
    expect(detail.documents.filter((d: Json) => d.kind === "email")).toHaveLength(1);
  });

  test("the same Message-ID with a different body: 200, same case, a further email document with a note, flagged", async () => {
    const { baseUrl } = server;
    const messageId = `<${crypto.randomUUID()}@example.org>`;
    const original = makeEml({ messageId, body: "First version of my complaint." });
    const changed = makeEml({ messageId, body: "A different version of my complaint, with more detail." });
    const first = await postEml(baseUrl, "staff", original);
    expect(first.status).toBe(201);
    const before = (await allCases(baseUrl)).length;
    const second = await postEml(baseUrl, "staff", changed);
    expect(second.status).toBe(200);
    expect(second.body.case.id).toBe(first.body.case.id);
    expect((await allCases(baseUrl)).length).toBe(before);

    const detail = await caseDetail(baseUrl, first.body.case.id);
    const emails = detail.documents.filter((d: Json) => d.kind === "email");
    expect(emails).toHaveLength(2);
    const firstCopy = emails.find((d: Json) => d.sha256 === sha256(original));
    const secondCopy = emails.find((d: Json) => d.sha256 === sha256(changed));
    expect(firstCopy).toBeDefined();
    expect(secondCopy).toBeDefined();
    expect(secondCopy.note).toEqual(expect.any(String));
    const got = await download(baseUrl, "ops-director", secondCopy.url);
    expect(Buffer.compare(got.bytes, changed)).toBe(0);
    expect(detail.flags.length).toBeGreaterThan(0);
    expect(detail.flags.some((f: string) => /differ/i.test(f))).toBe(true);

    // The changed copy sent a third time adds nothing more.
    const third = await postEml(baseUrl, "staff", changed);
    expect(third.status).toBe(200);
    const after = await caseDetail(baseUrl, first.body.case.id);
    expect(after.documents.filter((d: Json) => d.kind === "email")).toHaveLength(2);
  });

  test("without a Message-ID the content is the key: the same bytes twice make one case", async () => {
    const { baseUrl } = server;
    const eml = makeEml({ messageId: null, subject: `No Message-ID ${crypto.randomUUID()}` });
    const first = await postEml(baseUrl, "staff", eml);
    expect(first.status).toBe(201);
    const before = (await allCases(baseUrl)).length;
    const second = await postEml(baseUrl, "staff", eml);
    expect(second.status).toBe(200);
    expect(second.body.case.id).toBe(first.body.case.id);
    expect((await allCases(baseUrl)).length).toBe(before);
    // Different content without a Message-ID is a different complaint.
    const other = await postEml(
      baseUrl,
      "staff",
      makeEml({ messageId: null, subject: `Another ${crypto.randomUUID()}` }),
    );
    expect(other.status).toBe(201);
    expect(other.body.case.id).not.toBe(first.body.case.id);
  });

  test("100 concurrent intakes of the same message: exactly one 201, 99 × 200, all the same case", async () => {
    const { baseUrl } = server;
    const subject = `Concurrent ${crypto.randomUUID()}`;
    const eml = makeEml({ subject });
    await api(baseUrl, "staff", "GET", "/api/cases"); // warm the token cache
    const results = await Promise.all(Array.from({ length: 100 }, () => postEml(baseUrl, "staff", eml)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(99);
    const ids = new Set(results.map((r) => r.body.case.id));
    expect(ids.size).toBe(1);
    const matching = (await allCases(baseUrl)).filter((c) => c.subject === subject);
    expect(matching).toHaveLength(1);
    expect(matching[0].id).toBe([...ids][0]);
    const detail = await caseDetail(baseUrl, matching[0].id);
    expect(detail.documents.filter((d: Json) => d.kind === "email")).toHaveLength(1);
  }, 60_000);
});

describe("when it was received", () => {
  const RECEIVED = [
    "Received: from mx.cmsvoc.example by mail.cmsvoc.example; Tue, 10 Nov 2026 11:15:00 +0000",
    "Received: from mail.example.org by mx.cmsvoc.example; Tue, 10 Nov 2026 11:10:00 +0000",
  ];
  const DATE = "Mon, 09 Nov 2026 16:00:00 +0000";

  test("the receivedAt query parameter wins over the headers", async () => {
    const eml = makeEml({ headers: RECEIVED, date: DATE });
    const res = await postEml(server.baseUrl, "staff", eml, { receivedAt: "2026-11-12T09:30:00Z" });
    expect(res.status).toBe(201);
    expect(Date.parse(res.body.case.receivedAt)).toBe(Date.parse("2026-11-12T09:30:00Z"));
  });

  test("else the topmost Received header (the last hop)", async () => {
    const eml = makeEml({ headers: RECEIVED, date: DATE });
    const res = await postEml(server.baseUrl, "staff", eml);
    expect(res.status).toBe(201);
    expect(Date.parse(res.body.case.receivedAt)).toBe(Date.parse("2026-11-10T11:15:00Z"));
  });

  test("else the Date header", async () => {
    const eml = makeEml({ date: DATE });
    const res = await postEml(server.baseUrl, "staff", eml);
    expect(res.status).toBe(201);
    expect(Date.parse(res.body.case.receivedAt)).toBe(Date.parse("2026-11-09T16:00:00Z"));
    // 16:00 on a Monday in office hours: that day is day 0; ten working days on is Monday 23 November.
    expect(res.body.case.deemedReceivedOn).toBe("2026-11-09");
    expect(res.body.case.responseDueDate).toBe("2026-11-23");
  });

  test("a receivedAt in the future is not taken as the receipt time", async () => {
    const before = Date.now();
    const res = await postEml(server.baseUrl, "staff", makeEml({}), {
      receivedAt: new Date(before + 30 * 86_400_000).toISOString(),
    });
    expect(res.status).toBe(201);
    expect(Date.parse(res.body.case.receivedAt)).toBeLessThanOrEqual(Date.now() + 60_000);
  });

  test("a malformed receivedAt is refused with 422", async () => {
    const res = await postEml(server.baseUrl, "staff", makeEml({}), { receivedAt: "18/12/2026 17:30" });
    expect(res.status).toBe(422);
    expectErrorBody(res.body, "VALIDATION_FAILED");
  });

  /*
   * Christmas (England and Wales): in 2026 Christmas Day is Friday 25 December, Boxing Day's substitute Monday 28
   * December, New Year's Day Friday 1 January 2027. December 2020 had exactly the same weekdays and bank holidays
   * (25 and 28 December 2020, 1 January 2021), so the same dates one weekday-cycle earlier check the same rules even
   * while 2026's are still in the future: the server does not accept a receipt time later than its own clock.
   *
   * Friday 17:30 (GMT) is after the 17:00 close: deemed received Monday 21 December (day 0). Working days: 22 (1),
   * 23 (2), 24 (3), 29 (4), 30 (5), 31 (6), 4 Jan (7), 5 (8), 6 (9), 7 (10) → due Thursday 7 January.
   * Thursday 24 December 10:00 is within hours: day 0 is the 24th. 29 (1), 30 (2), 31 (3), 4 Jan (4), 5 (5), 6 (6),
   * 7 (7), 8 (8), 11 (9), 12 (10) → due Tuesday 12 January; acknowledgement (2 working days) due 30 December.
   */
  const christmas = [
    // Years whose Christmas falls as 2026's will (Thursday 24th, New Year's Day a Friday), already past: a receipt
    // time in the future is refused, so these run on any day.
    { year: 2015, next: 2016 },
    { year: 2020, next: 2021 },
  ];
  for (const { year, next } of christmas) {
    const afterHours = `${year}-12-18T17:30:00Z`;
    test(`after hours on Friday ${year}-12-18 counts from Monday 21 December`, async () => {
      const res = await postEml(server.baseUrl, "staff", makeEml({}), { receivedAt: afterHours });
      expect(res.status).toBe(201);
      expect(Date.parse(res.body.case.receivedAt)).toBe(Date.parse(afterHours));
      expect(res.body.case.deemedReceivedOn).toBe(`${year}-12-21`);
      expect(res.body.case.responseDueDate).toBe(`${next}-01-07`);
    });

    test(`Christmas Eve ${year} 10:00 skips 25 and 28 December and 1 January`, async () => {
      const res = await postEml(server.baseUrl, "staff", makeEml({}), { receivedAt: `${year}-12-24T10:00:00Z` });
      expect(res.status).toBe(201);
      expect(res.body.case.deemedReceivedOn).toBe(`${year}-12-24`);
      expect(res.body.case.acknowledgeDueDate).toBe(`${year}-12-30`);
      expect(res.body.case.responseDueDate).toBe(`${next}-01-12`);
    });
  }
});

describe("refusals", () => {
  test("a content type other than message/rfc822 → 415 UNSUPPORTED_MEDIA_TYPE", async () => {
    const eml = makeEml({});
    for (const contentType of ["text/plain", "application/json", "multipart/form-data; boundary=x"]) {
      const res = await postEml(server.baseUrl, "staff", eml, undefined, { contentType });
      expect(res.status, contentType).toBe(415);
      expectErrorBody(res.body, "UNSUPPORTED_MEDIA_TYPE");
    }
  });

  test("JSON, a PNG or an empty body sent as message/rfc822 → 422 NOT_AN_EMAIL", async () => {
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
      "base64",
    );
    const bodies: Record<string, Buffer> = {
      json: Buffer.from(JSON.stringify({ subject: "Complaint", from: "a@example.org", body: "hello" })),
      png,
      empty: Buffer.alloc(0),
    };
    const before = (await allCases(server.baseUrl)).length;
    for (const [what, bytes] of Object.entries(bodies)) {
      const res = await postEml(server.baseUrl, "staff", bytes);
      expect(res.status, what).toBe(422);
      expectErrorBody(res.body, "NOT_AN_EMAIL");
    }
    expect((await allCases(server.baseUrl)).length).toBe(before);
  });

  test("no token → 401; a bad token → 401", async () => {
    const eml = makeEml({});
    const none = await postEml(server.baseUrl, null, eml);
    expect(none.status).toBe(401);
    expectErrorBody(none.body, "UNAUTHENTICATED");
    for (const authorization of ["Bearer not-a-token", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl", "Basic abc"]) {
      const bad = await postEml(server.baseUrl, null, eml, undefined, { headers: { authorization } });
      expect(bad.status, authorization).toBe(401);
      expectErrorBody(bad.body, "UNAUTHENTICATED");
    }
  });
});

describe("a message over the size limit", () => {
  let small: TestServer;

  beforeAll(async () => {
    small = await startTestServer({ env: { INTAKE_MAX_BYTES: "100000" } });
  });

  afterAll(async () => {
    await small?.stop();
  });

  const bigEml = (): Buffer =>
    makeEml({ subject: "Too large", body: `${"This line makes the message large. ".repeat(40)}\r\n`.repeat(150) });

  async function expectNothingLeft(): Promise<void> {
    const cases = await api(small.baseUrl, "ops-director", "GET", "/api/cases");
    expect(cases.status).toBe(200);
    expect(cases.body.cases).toHaveLength(0);
    const tmp = path.join(small.dataDir, "blobs", "tmp");
    const left = fs.existsSync(tmp) ? await fsp.readdir(tmp) : [];
    expect(left).toEqual([]);
  }

  test("200 KB with a Content-Length → 413 PAYLOAD_TOO_LARGE, no case, no leftover files", async () => {
    const eml = bigEml();
    expect(eml.length).toBeGreaterThan(200_000);
    const res = await postEml(small.baseUrl, "staff", eml);
    expect(res.status).toBe(413);
    expectErrorBody(res.body, "PAYLOAD_TOO_LARGE");
    await expectNothingLeft();
  });

  test("200 KB streamed without a Content-Length → 413, no case, no leftover files", async () => {
    const eml = bigEml();
    const token = await tokenFor(small.baseUrl, "staff");
    const chunks = Array.from({ length: Math.ceil(eml.length / 16_384) }, (_, i) =>
      eml.subarray(i * 16_384, (i + 1) * 16_384),
    );
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks.shift();
        if (chunk) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await fetch(`${small.baseUrl}/api/intake/email`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "message/rfc822" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expectErrorBody(await res.json(), "PAYLOAD_TOO_LARGE");
    await expectNothingLeft();
  });

  test("a message under the limit is still logged on that server", async () => {
    const res = await postEml(small.baseUrl, "staff", makeEml({ subject: "Small enough" }));
    expect(res.status).toBe(201);
    expect((await fetch(`${small.baseUrl}/healthz`)).status).toBe(200);
  });
});
