/**
 * Need to know (DESIGN.md §1, §4): who sees what of a case, who may act, that invisible looks exactly like unknown,
 * and that every read of a case is recorded.
 */
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PERSONA_NAMES } from "../../src/contracts/api.js";
import { startTestServer, type TestServer } from "../support/start-server.js";
import { api, download, type Json, makeEml, type Persona, postEml } from "./api-client.js";

const DAY = 86_400_000;
const daysAgo = (days: number): string => new Date(Date.now() - days * DAY).toISOString();

/** What a status view may carry: reference, stage and dates, nothing of the complaint itself. */
const STATUS_KEYS = [
  "id",
  "reference",
  "stage",
  "receivedAt",
  "deemedReceivedOn",
  "acknowledgeDueDate",
  "responseDueDate",
  "currentDueDate",
  "overdue",
  // Working days to currentDueDate: derived from the dates above, nothing of the content.
  "workingDaysLeft",
  "view",
];
const CONTENT_KEYS = [
  "subject",
  "summary",
  "complainant",
  "source",
  "documents",
  "timeline",
  "triage",
  "outcome",
  "people",
  "loggedBy",
  "actions",
  "appeal",
];

const ALL_PERSONAS: readonly Persona[] = PERSONA_NAMES;

let server: TestServer;

const get = (persona: Persona, p: string) => api(server.baseUrl, persona, "GET", p);
const post = (persona: Persona, caseId: string, action: string, body?: unknown) =>
  api(server.baseUrl, persona, "POST", `/api/cases/${caseId}/${action}`, body);

/** Logs a new complaint as `persona`; answers the case as the intake returned it. */
async function logCase(persona: Persona, messageId = `<${crypto.randomUUID()}@example.org>`): Promise<Json> {
  const res = await postEml(server.baseUrl, persona, makeEml({ messageId, subject: "Private: about my tutor" }), {
    receivedAt: daysAgo(20),
  });
  expect(res.status).toBe(201);
  return res.body.case;
}

async function triage(caseId: string, handlerId: Persona): Promise<void> {
  const res = await post("ops-director", caseId, "triage", {
    category: "Teaching",
    nature: "Late marking.",
    serious: false,
    handlerId,
    interestConfirmed: true,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** Triaged to `handler`, acknowledged, outcome sent, appeal assigned to `board-member`. */
async function appealCase(loggedBy: Persona): Promise<Json> {
  const c = await logCase(loggedBy);
  await triage(c.id, "handler");
  expect((await post("handler", c.id, "acknowledge", { method: "email", sentAt: daysAgo(19) })).status).toBe(200);
  const outcome = await post("handler", c.id, "outcome", {
    result: "not-upheld",
    reasons: "Marking was on time.",
    method: "email",
    rootCause: "no-fault-found",
    lessonsLearned: "Explain marking times at enrolment.",
    sentAt: daysAgo(1),
  });
  expect(outcome.status).toBe(200);
  expect(
    (await post("ops-director", c.id, "appeal", { grounds: "I disagree.", boardMemberId: "board-member" })).status,
  ).toBe(200);
  return c;
}

function caseReads(caseId: string): Array<{ actor_id: string; via: string }> {
  const db = new Database(path.join(server.dataDir, "redress.sqlite"), { readonly: true, fileMustExist: true });
  try {
    return db.prepare("SELECT actor_id, via FROM case_reads WHERE case_id = ? ORDER BY at").all(caseId) as Array<{
      actor_id: string;
      via: string;
    }>;
  } finally {
    db.close();
  }
}

function expectStatusOnly(c: Json): void {
  expect(c.view).toBe("status");
  for (const key of Object.keys(c)) expect(STATUS_KEYS, `status view carries ${key}`).toContain(key);
  for (const key of CONTENT_KEYS) expect(c[key], key).toBeUndefined();
  expect(c.reference).toMatch(/^CMP-\d{4}-\d{4}$/);
  expect(c.responseDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
}

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.stop();
});

describe("one case, each persona", () => {
  const messageId = `<${crypto.randomUUID()}@example.org>`;
  let c: Json;
  let notFoundBody: Json;
  let documentUrl = "";

  beforeAll(async () => {
    c = await logCase("staff", messageId);
    await triage(c.id, "handler");
    const unknown = await get("director", `/api/cases/${crypto.randomUUID()}`);
    expect(unknown.status).toBe(404);
    notFoundBody = unknown.body;
    const detail = await get("director", `/api/cases/${c.id}`);
    documentUrl = detail.body.case.documents[0].url;
  });

  test("the member of staff who logged it sees its status only", async () => {
    const res = await get("staff", `/api/cases/${c.id}`);
    expect(res.status).toBe(200);
    expectStatusOnly(res.body.case);
    expect(res.body.case.stage).toBe("triaged");
    // The intake answer was status only too.
    expectStatusOnly(c);
  });

  test("another member of staff, an unassigned handler and the admin get 404 — the same body as an unknown id", async () => {
    expect(notFoundBody).toMatchObject({ error: { code: "NOT_FOUND", message: expect.any(String) } });
    for (const persona of ["staff-2", "handler-2", "admin", "board-member", "board-member-2"] as const) {
      const res = await get(persona, `/api/cases/${c.id}`);
      expect(res.status, persona).toBe(404);
      expect(res.body, persona).toEqual(notFoundBody);
    }
    for (const id of ["not-a-uuid", "00000000-0000-0000-0000-000000000000"]) {
      const res = await get("ops-director", `/api/cases/${id}`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual(notFoundBody);
    }
  });

  test("an unassigned handler gets 404 on actions too, exactly as for an unknown case", async () => {
    const unknownId = crypto.randomUUID();
    const actions: Array<[string, unknown]> = [
      ["acknowledge", { method: "email" }],
      ["actions", { description: "Call.", dueDate: "2026-01-05" }],
      ["withdraw", { reason: "Withdrawn." }],
    ];
    for (const [action, body] of actions) {
      const invisible = await post("handler-2", c.id, action, body);
      const unknown = await post("handler-2", unknownId, action, body);
      expect(invisible.status, action).toBe(404);
      expect(unknown.status, action).toBe(404);
      expect(invisible.body).toEqual(unknown.body);
    }
    const upload = await api(
      server.baseUrl,
      "handler-2",
      "POST",
      `/api/cases/${c.id}/documents?name=x.txt&kind=evidence`,
      "x",
      { contentType: "text/plain" },
    );
    expect(upload.status).toBe(404);
    expect((await get("director", `/api/cases/${c.id}`)).body.case.stage).toBe("triaged");
  });

  test("the assigned handler, the directors and the Operations Director see it in full", async () => {
    for (const persona of ["handler", "director", "director-2", "ops-director"] as const) {
      const res = await get(persona, `/api/cases/${c.id}`);
      expect(res.status, persona).toBe(200);
      expect(res.body.case.view).toBe("full");
      expect(res.body.case.subject).toBe("Private: about my tutor");
      expect(res.body.case.documents.length).toBeGreaterThan(0);
      expect(Array.isArray(res.body.case.timeline)).toBe(true);
    }
  });

  test("a role that may never take the action gets 403", async () => {
    const never: Array<[Persona, string, unknown]> = [
      ["director", "acknowledge", { method: "email" }],
      ["staff", "triage", {}],
      ["admin", "close", {}],
      ["handler", "triage", {}],
      ["board-member", "outcome", { result: "upheld", reasons: "x", method: "email" }],
      ["staff", "withdraw", { reason: "x" }],
    ];
    for (const [persona, action, body] of never) {
      const res = await post(persona, c.id, action, body);
      expect(res.status, `${persona} ${action}`).toBe(403);
      expect(res.body).toMatchObject({ error: { code: "FORBIDDEN", message: expect.any(String) } });
    }
  });

  test("a document is downloadable only by those who see the whole case", async () => {
    expect((await download(server.baseUrl, "handler", documentUrl)).status).toBe(200);
    expect((await download(server.baseUrl, "director", documentUrl)).status).toBe(200);
    for (const persona of ["staff", "staff-2", "handler-2", "admin", "board-member"] as const) {
      const res = await download(server.baseUrl, persona, documentUrl);
      expect(res.status, persona).toBe(404);
      expect(JSON.parse(res.bytes.toString("utf8"))).toMatchObject({ error: { code: "NOT_FOUND" } });
    }
    // A document of this case asked for under another case the caller can see is not found either.
    const other = await logCase("staff");
    const crossed = documentUrl.replace(c.id, other.id);
    expect((await download(server.baseUrl, "director", crossed)).status).toBe(404);
    const noDoc = documentUrl.replace(/documents\/[^/]+\//, `documents/${crypto.randomUUID()}/`);
    expect((await download(server.baseUrl, "director", noDoc)).status).toBe(404);
  });

  test("every read of the case is recorded; refused reads are not", async () => {
    const before = caseReads(c.id);
    await get("director", `/api/cases/${c.id}`);
    await get("staff", `/api/cases/${c.id}`);
    await get("staff-2", `/api/cases/${c.id}`); // 404: not a read
    await download(server.baseUrl, "handler", documentUrl);
    const after = caseReads(c.id);
    const added = after.slice(before.length);
    expect(added).toHaveLength(3);
    expect(added.map((r) => r.actor_id).sort()).toEqual(["director", "handler", "staff"]);
    expect(added.find((r) => r.actor_id === "handler")?.via).toMatch(/^document:/);
    // A listing that shows the case is a read of it too.
    await get("director-2", "/api/cases?limit=200");
    expect(caseReads(c.id).some((r) => r.actor_id === "director-2")).toBe(true);
  });

  test("anyone signed in may ask whether an email is logged: reference, stage and due date only", async () => {
    const res = await get("staff-2", `/api/intake/lookup?messageId=${encodeURIComponent(messageId)}`);
    expect(res.status).toBe(200);
    expect(res.body.cases).toHaveLength(1);
    const found = res.body.cases[0];
    expectStatusOnly(found);
    expect(found).toMatchObject({ reference: c.reference, stage: "triaged", responseDueDate: c.responseDueDate });

    const unknown = await get("staff-2", `/api/intake/lookup?messageId=${encodeURIComponent("<nothing@example.org>")}`);
    expect(unknown.status).toBe(200);
    expect(unknown.body.cases).toEqual([]);
    expect((await get("staff-2", "/api/intake/lookup")).status).toBe(422);
    expect((await api(server.baseUrl, null, "GET", `/api/intake/lookup?messageId=x`)).status).toBe(401);
  });
});

describe("appeals and the board", () => {
  test("a board member sees only the appeal assigned to them", async () => {
    const c = await logCase("staff");
    await triage(c.id, "handler");
    expect((await get("board-member", `/api/cases/${c.id}`)).status).toBe(404);
    const appealed = await appealCase("staff");
    const mine = await get("board-member", `/api/cases/${appealed.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.case.view).toBe("full");
    expect(mine.body.case.stage).toBe("appeal");
    expect((await get("board-member-2", `/api/cases/${appealed.id}`)).status).toBe(404);
    expect(
      (
        await post("board-member-2", appealed.id, "appeal-decision", {
          result: "upheld",
          reasons: "x",
          method: "email",
        })
      ).status,
    ).toBe(404);
  });
});

describe("GET /api/cases", () => {
  test("each persona lists exactly what they may see", async () => {
    const a = await logCase("staff"); // → handler
    await triage(a.id, "handler");
    const b = await logCase("staff-2"); // → handler-2
    await triage(b.id, "handler-2");
    const appealed = await appealCase("staff"); // → handler, appeal with board-member
    const d = await logCase("handler-2"); // untriaged
    const mine = [a.id, b.id, appealed.id, d.id];

    const expected: Record<Persona, Record<string, "full" | "status">> = {
      staff: { [a.id]: "status", [appealed.id]: "status" },
      "staff-2": { [b.id]: "status" },
      handler: { [a.id]: "full", [appealed.id]: "full" },
      "handler-2": { [b.id]: "full", [d.id]: "status" },
      "ops-director": { [a.id]: "full", [b.id]: "full", [appealed.id]: "full", [d.id]: "full" },
      director: { [a.id]: "full", [b.id]: "full", [appealed.id]: "full", [d.id]: "full" },
      "director-2": { [a.id]: "full", [b.id]: "full", [appealed.id]: "full", [d.id]: "full" },
      "board-member": { [appealed.id]: "full" },
      "board-member-2": {},
      admin: {},
    };

    // Who may see what, from the full records: every listed case must pass this check.
    const full = new Map<string, Json>();
    const all = await get("ops-director", "/api/cases?limit=200");
    for (const item of all.body.cases) full.set(item.id, item);

    for (const persona of ALL_PERSONAS) {
      const res = await get(persona, "/api/cases?limit=200");
      expect(res.status, persona).toBe(200);
      expect(res.body.nextCursor).toBeNull();
      const listed: Json[] = res.body.cases;
      const ofMine = Object.fromEntries(listed.filter((x) => mine.includes(x.id)).map((x) => [x.id, x.view]));
      expect(ofMine, persona).toEqual(expected[persona]);
      for (const item of listed) {
        const record = full.get(item.id);
        expect(record, persona).toBeDefined();
        const seesAll = ["ops-director", "director", "director-2"].includes(persona);
        const assigned = record.triage?.handlerId === persona || record.appeal?.boardMemberId === persona;
        expect(seesAll || assigned || record.loggedBy === persona, `${persona} lists ${item.reference}`).toBe(true);
        if (item.view === "status") expectStatusOnly(item);
      }
    }
  });

  test("filters narrow the list but never widen it", async () => {
    const res = await get("staff", "/api/cases?stage=appeal&limit=200");
    expect(res.status).toBe(200);
    for (const item of res.body.cases) {
      expect(item.stage).toBe("appeal");
      expectStatusOnly(item);
    }
    const byHandler = await get("handler-2", "/api/cases?handler=handler&limit=200");
    expect(byHandler.status).toBe(200);
    expect(byHandler.body.cases).toEqual([]);
    expect((await get("staff", "/api/cases?stage=nonsense")).status).toBe(422);
  });
});
