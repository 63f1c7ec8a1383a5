/**
 * Microsoft 365 mode end to end against the Graph emulator: documents reach SharePoint, letters leave the shared
 * mailbox with the letter attached, the board channel gets its card, the handler's activity feed its notice — and
 * when the emulator accepts a send and then drops the answer, nobody gets two.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PERSONAS } from "../../../src/server/adapters/identity/personas.js";
import { GraphEmulator } from "../../emulator/graph-emulator.js";
import { tenantEnv } from "../../emulator/tenant-env.js";
import { docxText } from "../../support/docx-text.js";
import { entraTokens, personaOid } from "../../support/entra-personas.js";
import { startTestServer, type TestServer } from "../../support/start-server.js";
import { type Json, makeEml } from "../api-client.js";

let emulator: GraphEmulator;
let server: TestServer;
const oid = personaOid;
const userId = (persona: string) => `${emulator.options.tenantId}:${oid(persona)}`;
let tokenFor: (persona: string) => Promise<string>;

async function call(
  persona: string,
  method: string,
  path: string,
  body?: unknown,
  contentType?: string,
): Promise<{ status: number; body: Json }> {
  const headers: Record<string, string> = { authorization: `Bearer ${await tokenFor(persona)}` };
  if (body !== undefined) headers["content-type"] = contentType ?? "application/json";
  const res = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers,
    body:
      body === undefined
        ? undefined
        : typeof body === "string" || body instanceof Uint8Array
          ? (body as string)
          : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const deliveries = async (caseId: string) =>
  (await call("director", "GET", `/api/cases/${caseId}/deliveries`)).body.deliveries as Array<{
    kind: string;
    status: string;
    attempts: number;
    lastError: string | null;
  }>;

beforeAll(async () => {
  emulator = await GraphEmulator.start();
  tokenFor = entraTokens(emulator);
  server = await startTestServer({ env: await tenantEnv(emulator, { OUTBOX_UNKNOWN_OUTCOME_WAIT_MS: "300" }) });
  // People become known to Redress when they first sign in.
  for (const p of PERSONAS) expect((await call(p.id, "GET", "/api/cases")).status).toBe(200);
});

afterAll(async () => {
  await server?.stop();
  await emulator?.close();
});

describe("deliveries to Microsoft 365", () => {
  test("a complaint to its outcome: SharePoint, two letters, one card, one notice — none twice, even with answers dropped", async () => {
    // The first sendMail and the first webhook call are carried out, but their answers never arrive.
    emulator.faults.add({ match: /^POST \/v1\.0\/users\/[^/]+\/sendMail$/, kind: "drop-answer", times: 1 });
    emulator.faults.add({ match: /^POST \/workflows\//, kind: "drop-answer", times: 1 });
    // And throttling on the way: 429 with Retry-After on the drive, 503 on the activity feed.
    emulator.faults.add({
      match: /^PUT \/v1\.0\/drives\//,
      kind: "status",
      status: 429,
      retryAfterSeconds: 0.2,
      times: 2,
    });
    emulator.faults.add({
      match: /sendActivityNotification$/,
      kind: "status",
      status: 503,
      retryAfterSeconds: 0.1,
      times: 1,
    });

    const logged = await call(
      "staff",
      "POST",
      "/api/intake/email?relationship=learner",
      makeEml({ subject: "Late marking" }),
      "message/rfc822",
    );
    expect(logged.status).toBe(201);
    const id = logged.body.case.id as string;
    const ref = logged.body.case.reference as string;

    const triaged = await call("ops-director", "POST", `/api/cases/${id}/triage`, {
      category: "Teaching and assessment",
      nature: "Assessment marked late.",
      serious: false,
      handlerId: userId("handler"),
      interestConfirmed: true,
    });
    expect(triaged.status, JSON.stringify(triaged.body)).toBe(200);
    expect((await call("handler", "POST", `/api/cases/${id}/acknowledge`, { method: "email" })).status).toBe(200);
    const outcome = await call("handler", "POST", `/api/cases/${id}/outcome`, {
      result: "partly-upheld",
      reasons: "Marking was late; feedback has now been given.",
      method: "email",
      rootCause: "resources-or-scheduling",
      lessonsLearned: "Cover marking when an assessor is away.",
    });
    expect(outcome.status, JSON.stringify(outcome.body)).toBe(200);

    await until("every delivery done", async () => {
      const list = await deliveries(id);
      return list.length > 0 && list.every((d) => d.status === "done");
    });
    const done = await deliveries(id);
    const kinds = done.map((d) => d.kind).sort();
    // The dropped answers and the throttling really happened: those jobs needed more than one attempt.
    const attempts = (kind: string) => done.filter((d) => d.kind === kind).reduce((n, d) => n + d.attempts, 0);
    expect(attempts("send-email")).toBeGreaterThanOrEqual(3);
    expect(attempts("post-board-card")).toBeGreaterThanOrEqual(2);
    expect(attempts("notify-person")).toBeGreaterThanOrEqual(2);
    expect(emulator.calls.get("GET sentItems")).toBeGreaterThanOrEqual(1);
    expect(emulator.calls.get("GET channelMessages")).toBeGreaterThanOrEqual(1);
    expect(kinds).toEqual([
      "extract-email-parts",
      "file-document",
      "file-document",
      "file-document",
      "notify-person",
      "post-board-card",
      "send-email",
      "send-email",
    ]);

    // Exactly one acknowledgement and one outcome email, each with its letter attached, from the shared mailbox.
    const mine = emulator.sent.filter((m) => String((m.message as { subject?: string }).subject).includes(ref));
    expect(mine.map((m) => (m.message as { subject: string }).subject).sort()).toEqual([
      `The outcome of your complaint (${ref})`,
      `We have received your complaint (${ref})`,
    ]);
    for (const m of mine) {
      expect(m.mailbox).toBe(emulator.options.sharedMailbox);
      const attachments = (m.message as { attachments: Array<{ name: string; contentBytes: string }> }).attachments;
      expect(attachments).toHaveLength(1);
      expect(await docxText(Buffer.from(attachments[0]?.contentBytes ?? "", "base64"))).toContain(ref);
    }
    // One card in the channel, for the Board, linking to the case.
    const cards = emulator.posts.filter((p) => JSON.stringify(p.card).includes(ref));
    expect(cards).toHaveLength(1);
    expect(JSON.stringify(cards[0]?.card)).toContain("Final outcome sent");
    // The handler's activity feed, addressed by object id.
    expect(emulator.activity.filter((a) => a.userId === oid("handler"))).toHaveLength(1);

    // Documents are in SharePoint under Directors/Complaints/<ref>/, with SharePoint's webUrl kept.
    const detail = await call("director", "GET", `/api/cases/${id}`);
    const docs = detail.body.case.documents as Array<{ name: string; webUrl?: string }>;
    expect(docs.length).toBe(3);
    for (const doc of docs) {
      expect(await emulator.fileAt(`Directors/Complaints/${ref}/${doc.name}`)).not.toBeNull();
      expect(doc.webUrl).toMatch(new RegExp(`/Directors/Complaints/${ref}/`));
    }
    // The outcome's card reached the channel, so the Board is informed of it — recorded by Redress, not a person.
    expect(detail.body.case.boardInformed).toEqual([expect.objectContaining({ of: "outcome", by: "redress" })]);
    expect(detail.body.case.people.redress).toEqual({ name: "Redress (automatic)" });
    // The time the mail service accepted the outcome is recorded, and the appeal window runs from it.
    const timeline = detail.body.case.timeline as Array<{ kind: string; data?: Record<string, unknown> }>;
    expect(timeline.filter((t) => t.kind === "email-accepted")).toHaveLength(2);
    const outcomeSent = mine.find((m) => (m.message as { subject: string }).subject.startsWith("The outcome"));
    expect(
      Math.abs(Date.parse(detail.body.case.outcome.sentAt) - Date.parse(outcomeSent?.sentDateTime ?? "")),
    ).toBeLessThan(5_000);
  });

  test("a permanent failure is dead-lettered at once, listed as needing attention, and a person's retry delivers it", async () => {
    emulator.faults.add({
      match: /sendActivityNotification$/,
      kind: "status",
      status: 403,
      code: "Forbidden",
      times: 1,
    });
    const logged = await call(
      "staff",
      "POST",
      "/api/intake/email?relationship=learner",
      makeEml({ subject: "Rude tutor" }),
      "message/rfc822",
    );
    const id = logged.body.case.id as string;
    await call("ops-director", "POST", `/api/cases/${id}/triage`, {
      category: "Conduct",
      nature: "Tutor was rude.",
      serious: false,
      handlerId: userId("handler-2"),
      interestConfirmed: true,
    });
    await until("the notice dead-lettered", async () =>
      (await deliveries(id)).some((d) => d.kind === "notify-person" && d.status === "dead"),
    );

    expect((await call("handler", "GET", "/api/outbox/attention")).status).toBe(403);
    const attention = await call("director", "GET", "/api/outbox/attention");
    const entry = (
      attention.body.deliveries as Array<{ id: string; caseId: string; lastError: string; reference: string }>
    ).find((d) => d.caseId === id);
    expect(entry?.lastError).toMatch(/403/);
    expect(entry?.reference).toBe(logged.body.case.reference);

    const retried = await call("director", "POST", `/api/outbox/${entry?.id}/retry`);
    expect(retried.status).toBe(200);
    await until("the notice delivered", async () => (await deliveries(id)).every((d) => d.status === "done"));
    expect(emulator.activity.filter((a) => a.userId === oid("handler-2"))).toHaveLength(1);
    const again = await call("director", "GET", "/api/outbox/attention");
    expect((again.body.deliveries as Array<{ caseId: string }>).some((d) => d.caseId === id)).toBe(false);
  });
});
