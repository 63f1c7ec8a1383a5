/**
 * GET /api/board, the tab's board as columns: for every persona exactly the cards, fields, people and order of GET
 * /api/cases/board (need-to-know included: status-only cards carry nothing of the content), compressed when the
 * browser accepts it, and one audited listing read like the board before it.
 */
import http from "node:http";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  BOARD_STAGES,
  type BoardColumnsResponse,
  type BoardHeadResponse,
  decodeBoardColumns,
  decodeBoardHead,
} from "../../src/contracts/board-columns.js";
import { ZBoardColumnsResponse, ZBoardHeadResponse } from "../../src/contracts/board-columns-schema.js";
import { openSqliteCaseStore } from "../../src/server/adapters/sql/sqlite-case-store.js";
import { HEAD_CARDS_PER_STAGE } from "../../src/server/app/list-board-head.js";
import { startTestServer, type TestServer } from "../support/start-server.js";
import { api, type Json, makeEml, type Persona, postEml, tokenFor } from "./api-client.js";

let server: TestServer;
const logged: Json[] = [];

async function logCase(persona: Persona, subject: string): Promise<Json> {
  const res = await postEml(
    server.baseUrl,
    persona,
    makeEml({ messageId: `<${crypto.randomUUID()}@example.org>`, subject }),
  );
  expect(res.status).toBe(201);
  return res.body.case;
}

beforeAll(async () => {
  server = await startTestServer();
  logged.push(await logCase("staff", "Late marking of my portfolio"));
  logged.push(await logCase("staff-2", "Assessor did not turn up"));
  logged.push(await logCase("staff", "Certificate never arrived"));
  logged.push(await logCase("handler-2", "Rude reply from the office"));
  const triage = [
    { c: logged[0], handlerId: "handler", category: "Teaching", serious: false },
    { c: logged[1], handlerId: "handler-2", category: "Assessment", serious: true },
    { c: logged[3], handlerId: "handler", category: "Customer service", serious: false },
  ];
  for (const t of triage) {
    const res = await api(server.baseUrl, "ops-director", "POST", `/api/cases/${t.c.id}/triage`, {
      category: t.category,
      nature: "As the email says.",
      serious: t.serious,
      handlerId: t.handlerId,
      interestConfirmed: true,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe("the same board, as columns", () => {
  const personas: Persona[] = ["ops-director", "director", "handler", "handler-2", "staff", "staff-2", "admin"];
  test.each(personas)("%s sees exactly the cards of /api/cases/board", async (persona) => {
    const [columns, objects] = await Promise.all([
      api(server.baseUrl, persona, "GET", "/api/board"),
      api(server.baseUrl, persona, "GET", "/api/cases/board"),
    ]);
    expect(columns.status).toBe(200);
    expect(objects.status).toBe(200);
    // The answer is what /api/openapi.json says it is.
    ZBoardColumnsResponse.parse(columns.body);
    const decoded = decodeBoardColumns(columns.body as BoardColumnsResponse);
    expect(decoded).toEqual(objects.body);
  });

  test("a status-only card carries the reference and stage, and nothing of the complaint", async () => {
    const res = await api(server.baseUrl, "staff", "GET", "/api/board");
    const board = res.body as BoardColumnsResponse;
    expect(board.count).toBe(2);
    expect(board.columns.full).toEqual([0, 0]);
    expect(board.columns.subject).toEqual([null, null]);
    expect(board.columns.complainantName).toEqual([null, null]);
    expect(board.categories).toEqual([]);
    expect(board.personIds).toEqual([]);
    expect(board.people).toEqual({});
    expect(JSON.stringify(board)).not.toContain("Late marking");
  });

  test("filters narrow the board as they do /api/cases/board", async () => {
    const res = await api(server.baseUrl, "ops-director", "GET", "/api/board?stage=triaged&handler=handler");
    const cards = decodeBoardColumns(res.body as BoardColumnsResponse).cards;
    expect(cards.map((c) => c.reference).sort()).toEqual([logged[0].reference, logged[3].reference].sort());
    // Bad input: the same clear error as the other board.
    const bad = await api(server.baseUrl, "ops-director", "GET", "/api/board?stage=lost");
    const badObjects = await api(server.baseUrl, "ops-director", "GET", "/api/cases/board?stage=lost");
    expect(bad.status).toBe(422);
    expect(bad.body).toEqual(badObjects.body);
    expect(bad.body.error.message).toBeTruthy();
  });

  test("without a token there is no board", async () => {
    const res = await api(server.baseUrl, null, "GET", "/api/board");
    expect(res.status).toBe(401);
  });
});

/** A GET with exactly these headers (fetch would add and undo its own compression). */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

describe("compression", () => {
  test("gzip when the browser accepts it, plain JSON when it does not; never cached on the way", async () => {
    // Enough cards that compressing is worth it (over 1 KB).
    for (let i = 0; i < 10; i++) logged.push(await logCase("staff-2", `Complaint number ${i} about the course`));
    const authorization = `Bearer ${await tokenFor(server.baseUrl, "ops-director")}`;
    const url = `${server.baseUrl}/api/board`;

    const zipped = await rawGet(url, { authorization, "accept-encoding": "gzip, deflate" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers.vary).toMatch(/accept-encoding/i);
    expect(zipped.headers["cache-control"]).toContain("no-store");
    const fromZip = JSON.parse(gunzipSync(zipped.body).toString("utf8")) as BoardColumnsResponse;

    const plain = await rawGet(url, { authorization, "accept-encoding": "identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const fromPlain = JSON.parse(plain.body.toString("utf8")) as BoardColumnsResponse;

    expect(fromZip.count).toBe(logged.length);
    expect(fromZip).toEqual(fromPlain);
    expect(zipped.body.length).toBeLessThan(plain.body.length / 3);
  });
});

test("each load of the board is recorded as one listing read of the cards it showed", async () => {
  const store = await openSqliteCaseStore({ file: path.join(server.dataDir, "redress.sqlite") });
  const readers = async (caseId: string) =>
    (await store.listReads(caseId)).filter((r) => r.via === "board").map((r) => r.actorId);
  try {
    const before = await readers(logged[2].id);
    const res = await api(server.baseUrl, "handler", "GET", "/api/board");
    expect(decodeBoardColumns(res.body as BoardColumnsResponse).cards.map((c) => c.id)).not.toContain(logged[2].id);
    expect(await readers(logged[2].id)).toEqual(before);
    await api(server.baseUrl, "staff", "GET", "/api/board");
    expect(await readers(logged[2].id)).toEqual([...before, "staff"]);
  } finally {
    await store.close();
  }
});

describe("the top of the board (its first paint)", () => {
  beforeAll(async () => {
    // More than a column's head of new complaints, so some cards are left for the full board.
    for (let i = 0; i < HEAD_CARDS_PER_STAGE + 3; i++) logged.push(await logCase("staff", `Another complaint ${i}`));
  }, 60_000);

  const personas: Persona[] = ["ops-director", "director", "handler", "staff", "staff-2", "admin"];
  test.each(personas)("%s: the counts of the full board and the newest cards of each column", async (persona) => {
    const [headRes, full] = await Promise.all([
      api(server.baseUrl, persona, "GET", "/api/board/head"),
      api(server.baseUrl, persona, "GET", "/api/cases/board"),
    ]);
    expect(headRes.status).toBe(200);
    ZBoardHeadResponse.parse(headRes.body);
    const head = decodeBoardHead(headRes.body as BoardHeadResponse);
    const cards: Json[] = full.body.cards;
    expect(head.total).toBe(cards.length);
    for (const stage of BOARD_STAGES) {
      const inStage = cards.filter((c) => c.stage === stage);
      expect(head.stageCounts[stage], stage).toBe(inStage.length);
      expect(
        head.board.cards.filter((c) => c.stage === stage),
        stage,
      ).toEqual(inStage.slice(0, HEAD_CARDS_PER_STAGE));
    }
    expect(head.board.people).toEqual(
      Object.fromEntries(
        Object.entries(full.body.people).filter(([id]) =>
          head.board.cards.some((c) => c.handlerId === id || c.boardMemberId === id),
        ),
      ),
    );
  });

  test("only the cards it sent are recorded as read", async () => {
    const store = await openSqliteCaseStore({ file: path.join(server.dataDir, "redress.sqlite") });
    const readers = async (caseId: string) =>
      (await store.listReads(caseId)).filter((r) => r.via === "board").map((r) => r.actorId);
    try {
      const res = await api(server.baseUrl, "director-2", "GET", "/api/board/head");
      const sent = new Set(decodeBoardHead(res.body as BoardHeadResponse).board.cards.map((c) => c.id));
      const newest = logged[logged.length - 1];
      // Still in Received, behind more than a column's head of newer complaints.
      const oldest = logged[2];
      expect(sent.has(newest.id)).toBe(true);
      expect(sent.has(oldest.id)).toBe(false);
      expect(await readers(newest.id)).toContain("director-2");
      expect(await readers(oldest.id)).not.toContain("director-2");
    } finally {
      await store.close();
    }
  });

  test("it takes no parameters, and no token gets nothing", async () => {
    expect((await api(server.baseUrl, "director", "GET", "/api/board/head?stage=closed")).status).toBe(422);
    expect((await api(server.baseUrl, null, "GET", "/api/board/head")).status).toBe(401);
  });
});
