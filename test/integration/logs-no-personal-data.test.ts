/**
 * The server's logs hold no personal data. Real-world emails (../shared/reference/eml) are logged as complaints and
 * one goes the whole way — triage, acknowledgement, outcome, appeal, decision, the Board informed, meeting, closed —
 * with the server logging everything it can (LOG_LEVEL=trace); some requests fail on purpose (a bad token, a search
 * by name, an unknown case). Then every log line is searched for the complainants' names and addresses, the
 * emails' subjects and the bearer tokens used.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PROJECT_ROOT, startTestServer, type TestServer } from "../support/start-server.js";
import { api, type Json, type Persona, postEml, tokenFor } from "./api-client.js";

const EML_DIR = path.resolve(PROJECT_ROOT, "../shared/reference/eml");
const emlFiles = await readdir(EML_DIR).then(
  (names) => names.filter((n) => n.endsWith(".eml")).map((n) => path.join(EML_DIR, n)),
  () => [] as string[],
);
if (emlFiles.length === 0) console.warn(`Skipping the log test: no reference emails at ${EML_DIR}`);

const DAY = 86_400_000;
const daysAgo = (days: number): string => new Date(Date.now() - days * DAY).toISOString();
const londonDate = (days = 0): string =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date(Date.now() - days * DAY));

let server: TestServer;
const post = (persona: Persona, caseId: string, action: string, body?: unknown) =>
  api(server.baseUrl, persona, "POST", `/api/cases/${caseId}/${action}`, body);

beforeAll(async () => {
  if (emlFiles.length === 0) return;
  server = await startTestServer({ env: { LOG_LEVEL: "trace" } });
});
afterAll(async () => {
  await server?.stop();
});

describe.skipIf(emlFiles.length === 0)("logs without personal data", () => {
  test("a full flow over real emails leaves no name, address, subject or token in the logs", async () => {
    const cases: Json[] = [];
    for (const file of emlFiles) {
      const res = await postEml(server.baseUrl, "staff", file, { relationship: "learner", receivedAt: daysAgo(40) });
      if (res.status === 201 || res.status === 200) cases.push(res.body.case);
    }
    expect(cases.length).toBeGreaterThan(10);
    // The sender with a real name goes the whole way.
    const detail = async (id: string) =>
      (await api(server.baseUrl, "ops-director", "GET", `/api/cases/${id}`)).body.case;
    const full = await Promise.all(cases.map((c) => detail(c.id)));
    const named = full.find((c) => c.complainant?.name && c.complainant?.email) ?? full[0];
    const id = named.id as string;
    const ok = async (p: Promise<{ status: number; body: Json }>) => {
      const res = await p;
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };
    await ok(
      post("ops-director", id, "triage", {
        category: "Teaching and assessment",
        nature: `${named.complainant?.name ?? "The learner"} says the assessment was marked late.`,
        serious: false,
        handlerId: "handler",
        interestConfirmed: true,
      }),
    );
    await ok(post("handler", id, "acknowledge", { method: "email", sentAt: daysAgo(39) }));
    await ok(
      post("handler", id, "outcome", {
        result: "partly-upheld",
        reasons: `We apologise to ${named.complainant?.name ?? "you"}: marking was late.`,
        remedy: "An apology.",
        rootCause: "resources-or-scheduling",
        lessonsLearned: "Marking rotas need cover for absence.",
        method: "email",
        sentAt: daysAgo(2),
      }),
    );
    await ok(post("ops-director", id, "board-informed", {}));
    await ok(post("ops-director", id, "meeting", { meetingDate: londonDate(), notes: "Noted." }));
    await ok(
      post("ops-director", id, "appeal", { grounds: "The remedy is not enough.", boardMemberId: "board-member" }),
    );
    await ok(
      post("board-member", id, "appeal-decision", { result: "not-upheld", reasons: "Proportionate.", method: "email" }),
    );
    await ok(post("ops-director", id, "board-informed", { note: "Appeal decided." }));
    expect((await ok(post("ops-director", id, "close", {}))).case.stage).toBe("closed");

    // Failures and searches that quote personal data.
    const q = encodeURIComponent(named.complainant?.name ?? "x");
    expect((await api(server.baseUrl, "director", "GET", `/api/cases?q=${q}`)).status).toBe(200);
    expect((await api(server.baseUrl, "staff-2", "GET", `/api/cases/${id}`)).status).toBe(404);
    const bad = await fetch(`${server.baseUrl}/api/cases?q=${q}`, {
      headers: { authorization: "Bearer eyJhbGciOi.bad.token" },
    });
    expect(bad.status).toBe(401);
    // Let the outbox deliver the letters and cards it queued (embedded mode records them).
    await new Promise((r) => setTimeout(r, 1500));

    const logs = server.output();
    expect(logs.split("\n").filter((l) => l.startsWith("{")).length).toBeGreaterThan(50);
    const secrets = new Set<string>();
    for (const c of full) {
      if (c.complainant?.name && c.complainant.name.length > 3) secrets.add(c.complainant.name);
      if (c.complainant?.email) secrets.add(c.complainant.email);
      if (c.subject && c.subject.length > 4) secrets.add(c.subject);
    }
    for (const persona of ["staff", "ops-director", "handler", "board-member", "director"] as const) {
      secrets.add(await tokenFor(server.baseUrl, persona));
    }
    expect(secrets.size).toBeGreaterThan(15);
    // As written, as escaped in JSON, and as encoded in a URL.
    const forms = (s: string) => [s, JSON.stringify(s).slice(1, -1), encodeURIComponent(s)];
    const found = [...secrets].filter((s) => forms(s).some((f) => logs.includes(f)));
    expect(found).toEqual([]);
    // Nothing that even looks like an email address.
    expect(logs.match(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g) ?? []).toEqual([]);
  }, 120_000);
});
