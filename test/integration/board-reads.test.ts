/**
 * The board is one audited read of every card it shows, recorded as one listing rather than a row per card
 * (migration 2026-11-27-060). The promise is unchanged: asked "who saw this case?", the store names everyone whose
 * board showed it, and nobody whose board did not.
 */
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { openSqliteCaseStore } from "../../src/server/adapters/sql/sqlite-case-store.js";
import { startTestServer, type TestServer } from "../support/start-server.js";
import { api, type Json, makeEml, type Persona, postEml } from "./api-client.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.stop();
});

async function logCase(persona: Persona): Promise<Json> {
  const res = await postEml(server.baseUrl, persona, makeEml({ messageId: `<${crypto.randomUUID()}@example.org>` }));
  expect(res.status).toBe(201);
  return res.body.case;
}

test("each card a board showed is attributed to whoever loaded it, and no other case is", async () => {
  const [mine, theirs, unassigned] = [await logCase("staff"), await logCase("staff-2"), await logCase("staff")];
  for (const [c, handlerId] of [
    [mine, "handler"],
    [theirs, "handler-2"],
  ] as const) {
    const triaged = await api(server.baseUrl, "ops-director", "POST", `/api/cases/${c.id}/triage`, {
      category: "Teaching",
      nature: "Late marking.",
      serious: false,
      handlerId,
      interestConfirmed: true,
    });
    expect(triaged.status, JSON.stringify(triaged.body)).toBe(200);
  }

  const handlersBoard = await api(server.baseUrl, "handler", "GET", "/api/cases/board");
  expect(handlersBoard.status).toBe(200);
  expect(handlersBoard.body.cards.map((c: Json) => c.reference)).toEqual([mine.reference]);
  const directorsBoard = await api(server.baseUrl, "ops-director", "GET", "/api/cases/board");
  expect(directorsBoard.body.cards).toHaveLength(3);

  const store = await openSqliteCaseStore({ file: path.join(server.dataDir, "redress.sqlite") });
  try {
    const boardReaders = async (caseId: string) =>
      (await store.listReads(caseId)).filter((r) => r.via === "board").map((r) => r.actorId);
    expect(await boardReaders(mine.id)).toEqual(["handler", "ops-director"]);
    // The handler's board held only their case: the cases logged before and after it stay unattributed to them.
    expect(await boardReaders(theirs.id)).toEqual(["ops-director"]);
    expect(await boardReaders(unassigned.id)).toEqual(["ops-director"]);
  } finally {
    await store.close();
  }
});
