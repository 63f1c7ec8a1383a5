/**
 * Issue 7 point 2: two real servers on one PostgreSQL, in Microsoft 365 mode against the Graph emulator. Both are
 * loaded with complaints taken to their outcome (each causes SharePoint uploads, two letters by email, a board card
 * and a notice); one is SIGKILLed while it holds claimed deliveries (Graph answers slowly, so they are in flight).
 * The survivor takes the dead server's jobs over once their lease runs out. From the emulator's records: every
 * expected post, upload and email exactly once (0 lost, 0 duplicates), and references gap-free across both.
 *
 * Needs a PostgreSQL server (TEST_POSTGRES_URL; `.ci/run` starts one): skipped with a message otherwise.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PERSONAS } from "../../src/server/adapters/identity/personas.js";
import { GraphEmulator } from "../emulator/graph-emulator.js";
import { tenantEnv } from "../emulator/tenant-env.js";
import { type Json, makeEml } from "../integration/api-client.js";
import { entraTokens, personaOid } from "../support/entra-personas.js";
import { onServer, TEST_POSTGRES_URL } from "../support/postgres.js";
import { startTestServer, type TestServer } from "../support/start-server.js";

const CASES = 10;
const url = TEST_POSTGRES_URL;
if (!url) console.info("TEST_POSTGRES_URL is not set: the two-server test needs a PostgreSQL server and is skipped.");

describe.skipIf(!url)("two servers on one PostgreSQL", () => {
  let emulator: GraphEmulator;
  let a: TestServer;
  let b: TestServer;
  let db: pg.Client;
  let dataDir = "";
  const database = `redress_two_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const oid = personaOid;
  let tokenFor: (persona: string) => Promise<string>;

  async function call(server: TestServer, persona: string, method: string, route: string, body?: unknown) {
    const headers: Record<string, string> = { authorization: `Bearer ${await tokenFor(persona)}` };
    const raw = Buffer.isBuffer(body);
    if (body !== undefined) headers["content-type"] = raw ? "message/rfc822" : "application/json";
    const send = () =>
      fetch(`${server.baseUrl}${route}`, {
        method,
        headers,
        body: body === undefined ? undefined : raw ? new Uint8Array(body as Buffer) : JSON.stringify(body),
      });
    let res: Response;
    try {
      res = await send();
    } catch (error) {
      // A kept-alive connection closed by the server as the request went out ("other side closed", seen once in CI
      // on the first GET after start): a GET may safely go again. Anything else, or a second failure, fails the test.
      if (method !== "GET" || (error as { cause?: { code?: string } }).cause?.code !== "UND_ERR_SOCKET") throw error;
      res = await send();
    }
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as Json };
  }

  /** One complaint from intake to its outcome by email, on the given server. */
  async function complaint(server: TestServer, n: number): Promise<{ id: string; reference: string }> {
    const eml = makeEml({ subject: `Assessment marked late (${n})` });
    const logged = await call(server, "staff", "POST", "/api/intake/email?relationship=learner", eml);
    expect(logged.status, JSON.stringify(logged.body)).toBe(201);
    const { id, reference } = logged.body.case as { id: string; reference: string };
    const steps: Array<[string, string, Record<string, unknown>]> = [
      [
        "ops-director",
        "triage",
        {
          category: "Teaching and assessment",
          nature: "Assessment marked late.",
          serious: false,
          handlerId: `${emulator.options.tenantId}:${oid("handler")}`,
          interestConfirmed: true,
        },
      ],
      ["handler", "acknowledge", { method: "email" }],
      [
        "handler",
        "outcome",
        {
          result: "upheld",
          reasons: "Marking was late; it is now done.",
          rootCause: "resources-or-scheduling",
          lessonsLearned: "Marking rotas need cover for absence.",
          method: "email",
        },
      ],
    ];
    for (const [persona, action, body] of steps) {
      const res = await call(server, persona, "POST", `/api/cases/${id}/${action}`, body);
      expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
    }
    return { id, reference };
  }

  const query = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
    (await db.query<R>(sql, params)).rows;

  beforeAll(async () => {
    if (!url) return;
    await onServer(url, `create database ${database}`);
    const databaseUrl = new URL(url);
    databaseUrl.pathname = `/${database}`;
    emulator = await GraphEmulator.start();
    tokenFor = entraTokens(emulator);
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "redress-two-"));
    const env = await tenantEnv(emulator, {
      DATABASE_URL: databaseUrl.toString(),
      DATABASE_POOL_SIZE: "5",
      OUTBOX_LEASE_SECONDS: "5",
      OUTBOX_UNKNOWN_OUTCOME_WAIT_MS: "1000",
    });
    // Both share the data folder (blobs), as instances of one App Service share /home.
    a = await startTestServer({ env, dataDir });
    b = await startTestServer({ env, dataDir });
    db = new pg.Client({ connectionString: databaseUrl.toString() });
    await db.connect();
    // People become known to a server when they first sign in to it (the directory is kept per server).
    for (const server of [a, b])
      for (const p of PERSONAS) expect((await call(server, p.id, "GET", "/api/cases")).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await a?.kill();
    await b?.stop();
    await emulator?.close();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
    if (url) await onServer(url, `drop database if exists ${database} with (force)`);
  });

  test("SIGKILL one while it delivers: every post, upload and email exactly once; references gap-free", async () => {
    // Graph answers slowly (acting on each request before answering), so deliveries are in flight at the kill.
    for (const match of [/^POST \/v1\.0\/users\/[^/]+\/sendMail$/, /^POST \/workflows\//, /^PUT \/v1\.0\/drives\//]) {
      emulator.faults.add({ match, kind: "slow", delayMs: 400 });
    }
    const cases = await Promise.all(Array.from({ length: CASES }, (_, n) => complaint(n % 2 ? b : a, n)));

    // Kill A while it holds claimed jobs (the worker id names the process): as many as it gets within a few seconds.
    const heldByA = async () =>
      (
        await query<{ id: string }>("select id from outbox where status = 'pending' and claimed_by like $1", [
          `%:${a.process.pid}:%`,
        ])
      ).map((r) => r.id);
    let held: string[] = [];
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && held.length < 3) {
      const now = await heldByA();
      if (now.length >= held.length) held = now;
      await new Promise((r) => setTimeout(r, 20));
    }
    await a.kill();
    // What A held at the moment of the kill (it may have finished some of those read just before).
    const cutShort = await heldByA();
    expect(cutShort.length, "A held no claimed delivery when it was killed").toBeGreaterThan(0);

    // B takes over once A's leases run out (5 s) and the unknown-outcome wait passes (1 s).
    const drained = Date.now() + 120_000;
    for (;;) {
      const open = await query<{ n: string }>("select count(*) as n from outbox where status <> 'done'");
      if (Number(open[0]?.n) === 0) break;
      if (Date.now() > drained) {
        const left = await query(
          "select kind, status, attempts, last_error, claimed_by from outbox where status <> 'done'",
        );
        throw new Error(`The outbox did not drain: ${JSON.stringify(left)}\n${b.output()}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }

    // The jobs A was cut short in were taken over by B: done, counting A's attempt as one whose outcome is unknown.
    const takenOver = await query<{ kind: string; attempts: number }>(
      "select kind, attempts from outbox where id = any($1)",
      [cutShort],
    );
    expect(takenOver).toHaveLength(cutShort.length);
    for (const job of takenOver) expect(job.attempts, job.kind).toBeGreaterThanOrEqual(2);

    // References: gap-free and unique across both servers.
    const refs = cases.map((c) => c.reference).sort();
    const year = refs[0]?.slice(4, 8);
    expect(refs).toEqual(Array.from({ length: CASES }, (_, i) => `CMP-${year}-${String(i + 1).padStart(4, "0")}`));

    for (const c of cases) {
      // Two letters by email, once each.
      const emails = emulator.sent
        .map((m) => String((m.message as { subject?: string }).subject))
        .filter((s) => s.includes(`(${c.reference})`))
        .sort();
      expect(emails, c.reference).toEqual([
        `The outcome of your complaint (${c.reference})`,
        `We have received your complaint (${c.reference})`,
      ]);
      // One card for the Board.
      expect(
        emulator.posts.filter((p) => JSON.stringify(p.card).includes(c.reference)),
        c.reference,
      ).toHaveLength(1);
      // Every document in SharePoint once: the files in the case folder are exactly the case's documents.
      const names = (await query<{ name: string }>("select name from documents where case_id = $1", [c.id]))
        .map((r) => r.name)
        .sort();
      expect(names.length).toBe(3); // the .eml and two letters
      expect(emulator.filesIn(`Directors/Complaints/${c.reference}`).sort(), c.reference).toEqual(names);
    }
    // Activity-feed notices cannot be looked up, so one cut short is not repeated: never two, at most one lost.
    const notices = emulator.activity.map((n) => JSON.stringify(n.body));
    expect(new Set(notices).size).toBe(notices.length);
    expect(notices.length).toBeGreaterThanOrEqual(CASES - takenOver.filter((j) => j.kind === "notify-person").length);
    console.info(
      `two servers: ${CASES} cases; A killed holding ${cutShort.length} claimed job(s) ` +
        `(${takenOver.map((j) => j.kind).join(", ")}), all taken over by B; ` +
        `${emulator.sent.length} emails, ${emulator.posts.length} cards, ${notices.length} notices`,
    );
  }, 240_000);
});
