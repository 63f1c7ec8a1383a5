/**
 * The audit trail directors view (DESIGN.md §1: every read of a case is recorded): per case and across the
 * organisation, by person and by date; both views recorded themselves; every way of reading a case leaves a line.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { api, download, type Json, makeEml, type Persona, postEml } from "../integration/api-client.js";
import { startTestServer, type TestServer } from "../support/start-server.js";

let server: TestServer;
let caseId = "";
let reference = "";
const messageId = `<${crypto.randomUUID()}@example.org>`;

const get = (persona: Persona, path: string) => api(server.baseUrl, persona, "GET", path);
const londonToday = (): string => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());

beforeAll(async () => {
  server = await startTestServer();
  const logged = await postEml(server.baseUrl, "staff", makeEml({ messageId, subject: "About my assessor" }));
  expect(logged.status).toBe(201);
  caseId = logged.body.case.id;
  reference = logged.body.case.reference;
  const triaged = await api(server.baseUrl, "ops-director", "POST", `/api/cases/${caseId}/triage`, {
    category: "Teaching",
    nature: "Late marking.",
    serious: false,
    handlerId: "handler",
    interestConfirmed: true,
  });
  expect(triaged.status).toBe(200);
});

afterAll(async () => {
  await server?.stop();
});

const trail = async (persona: Persona = "director"): Promise<Json[]> => {
  const res = await get(persona, `/api/cases/${caseId}/audit?limit=500`);
  expect(res.status).toBe(200);
  return res.body.entries;
};

describe("one case's trail", () => {
  test("every way of reading the case leaves a line: who, when, how", async () => {
    const detail = await get("handler", `/api/cases/${caseId}`);
    const emailDoc = detail.body.case.documents.find((d: Json) => d.kind === "email");
    expect((await download(server.baseUrl, "handler", emailDoc.url)).status).toBe(200);
    expect((await get("handler", `/api/cases/${caseId}/email`)).status).toBe(200);
    expect((await get("staff-2", `/api/intake/lookup?messageId=${encodeURIComponent(messageId)}`)).status).toBe(200);
    const preview = await api(server.baseUrl, "handler", "POST", `/api/cases/${caseId}/letters/preview`, {
      kind: "acknowledgement",
      method: "email",
    });
    expect(preview.status).toBe(200);
    expect((await get("board-member", "/api/cases/board")).status).toBe(200);
    // The same email logged again by someone else answers with this case: that is a read too.
    expect(
      (await postEml(server.baseUrl, "staff-2", makeEml({ messageId, subject: "About my assessor" }))).status,
    ).toBe(200);

    const entries = await trail();
    const reads = entries.filter((e) => e.type === "read").map((e) => `${e.actorId} ${e.how.split(":")[0]}`);
    expect(reads).toEqual(
      expect.arrayContaining([
        "handler case",
        `handler document`,
        "handler email",
        "staff-2 lookup",
        "handler letter-preview",
        "staff-2 intake-duplicate",
        "director audit",
      ]),
    );
    // The board member may not see the case: their board read does not include it.
    expect(reads).not.toContain("board-member board");
    const changes = entries.filter((e) => e.type === "change");
    expect(changes.map((e) => e.how)).toContain("triaged");
    const triage = changes.find((e) => e.how === "triaged");
    expect(triage).toMatchObject({ actorId: "ops-director", actorName: "Olivia Bennett", reference });
    expect(triage.summary).toEqual(expect.any(String));
    // Newest first.
    const times = entries.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  test("looking at the trail is itself recorded, before the answer", async () => {
    const before = (await trail("director-2")).filter((e) => e.actorId === "director-2" && e.how === "audit");
    expect(before.length).toBe(1);
    const after = (await trail("director-2")).filter((e) => e.actorId === "director-2" && e.how === "audit");
    expect(after.length).toBe(2);
  });

  test("directors only: everyone else 403, an unknown case 404, no token 401", async () => {
    for (const persona of ["staff", "handler", "ops-director", "board-member", "admin"] as const) {
      const res = await get(persona, `/api/cases/${caseId}/audit`);
      expect(res.status, persona).toBe(403);
      expect(res.body.error.code).toBe("FORBIDDEN");
    }
    expect((await get("director", `/api/cases/${crypto.randomUUID()}/audit`)).status).toBe(404);
    expect((await api(server.baseUrl, null, "GET", `/api/cases/${caseId}/audit`)).status).toBe(401);
  });

  test("pages follow one another without gaps or repeats", async () => {
    const all = await trail();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Json = await get(
        "director",
        `/api/cases/${caseId}/audit?limit=3${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.entries.map((e: Json) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    // Each page view adds its own audit read; the earlier entries are all there once.
    expect(new Set(seen).size).toBe(seen.length);
    for (const e of all) expect(seen).toContain(e.id);
    expect((await get("director", `/api/cases/${caseId}/audit?cursor=not-a-cursor`)).body.error.code).toBe(
      "MALFORMED_REQUEST",
    );
  });
});

describe("the organisation-wide search", () => {
  test("by person: only that person's reads and changes", async () => {
    const res = await get("director", "/api/audit?actor=handler&limit=500");
    expect(res.status).toBe(200);
    expect(res.body.entries.length).toBeGreaterThan(0);
    for (const e of res.body.entries) expect(e.actorId).toBe("handler");
    expect(res.body.entries.some((e: Json) => e.reference === reference)).toBe(true);
  });

  test("by London date: today has entries, tomorrow none, a reversed range is refused", async () => {
    const today = londonToday();
    const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect((await get("director", `/api/audit?from=${today}&to=${today}`)).body.entries.length).toBeGreaterThan(0);
    expect((await get("director", `/api/audit?from=${tomorrow}`)).body.entries).toEqual([]);
    const reversed = await get("director", `/api/audit?from=${tomorrow}&to=${today}`);
    expect(reversed.status).toBe(422);
    expect(reversed.body.error.code).toBe("VALIDATION_FAILED");
  });

  test("the search is recorded: who searched, for what", async () => {
    await get("director-2", "/api/audit?actor=staff-2");
    const res = await get("director", "/api/audit?actor=director-2&type=access");
    expect(res.body.entries[0]).toMatchObject({ actorId: "director-2", type: "access", how: "audit-search" });
  });

  test("the person filter lists everyone in the trail, by name", async () => {
    const res = await get("director", "/api/audit/people");
    expect(res.status).toBe(200);
    expect(res.body.people).toEqual(
      expect.arrayContaining([
        { id: "staff", name: "Priya Shah" },
        { id: "ops-director", name: "Olivia Bennett" },
      ]),
    );
  });

  test("the routes are described in /api/openapi.json", async () => {
    const doc = await api(server.baseUrl, null, "GET", "/api/openapi.json");
    for (const path of ["/api/audit", "/api/audit/people", "/api/cases/{id}/audit"]) {
      expect(doc.body.paths[path]?.get, path).toBeDefined();
    }
    const names = doc.body.paths["/api/audit"].get.parameters.map((p: Json) => p.name);
    expect(names).toEqual(expect.arrayContaining(["actor", "from", "to", "type", "cursor", "limit"]));
  });

  test("directors only", async () => {
    for (const persona of ["staff", "handler-2", "ops-director", "board-member-2", "admin"] as const) {
      expect((await get(persona, "/api/audit")).status, persona).toBe(403);
      expect((await get(persona, "/api/audit/people")).status, persona).toBe(403);
    }
  });
});
