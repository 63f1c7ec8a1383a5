/**
 * Need to know, proved (DESIGN.md §1): every route of the running server, as every persona and with no token,
 * against cases each may and may not see. Forbidden answers reveal nothing (403 for a role that may never do it, 404
 * for a case not visible), and no response body carries a canary, reference or id of a case the caller may not see
 * — lists, `q=` searches by the hidden complainant's name, the board, documents, lookups, the audit trail.
 *
 * A route the server has but the matrix (route-matrix.ts) does not classify fails the first test.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { tokenFor } from "../integration/api-client.js";
import { startTestServer, type TestServer } from "../support/start-server.js";
import { PLANS, type PlantedCase, plantCase, refreshRelations } from "./planted-cases.js";
import {
  type Caller,
  type Expected,
  PERSONAS,
  type Request,
  ROUTE_MATRIX,
  type RouteRule,
  viewOf,
} from "./route-matrix.js";

let server: TestServer;
const cases: PlantedCase[] = [];
let inventory: Array<{ method: string; url: string }> = [];

beforeAll(async () => {
  server = await startTestServer();
  const res = await fetch(`${server.baseUrl}/api/dev/routes`);
  inventory = ((await res.json()) as { routes: typeof inventory }).routes;
  for (const plan of PLANS) cases.push(await plantCase(server.baseUrl, plan));
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

interface Answer {
  status: number;
  text: string;
  json: { error?: { code?: string } } | null;
}

async function send(caller: Caller, r: Request): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (caller) headers.authorization = `Bearer ${await tokenFor(server.baseUrl, caller)}`;
  let body: string | Uint8Array<ArrayBuffer> | undefined;
  if (r.body !== undefined) {
    headers["content-type"] = r.contentType ?? (typeof r.body === "string" ? "text/plain" : "application/json");
    body =
      r.body instanceof Uint8Array
        ? new Uint8Array(r.body)
        : typeof r.body === "string"
          ? r.body
          : JSON.stringify(r.body);
  }
  const res = await fetch(`${server.baseUrl}${r.path}`, { method: r.method, headers, body, redirect: "manual" });
  // Headers are scanned with the body: a Location or Content-Disposition can leak as well as JSON can.
  const head = [...res.headers.entries()].map(([k, v]) => `${k}: ${v}`).join("\n");
  const text = `${head}\n\n${Buffer.from(await res.arrayBuffer()).toString("utf8")}`;
  let json: Answer["json"] = null;
  try {
    json = JSON.parse(text.slice(text.indexOf("\n\n") + 2));
  } catch {
    json = null;
  }
  return { status: res.status, text, json };
}

/** Canaries (and, unless the lookup exception applies, reference and id) of every case the caller may not see. */
function leaksIn(caller: Caller, rule: RouteRule, text: string): string[] {
  const found: string[] = [];
  for (const c of cases) {
    const view = caller && !rule.aggregatesOnly ? viewOf(caller, c) : "none";
    if (view === "full") continue;
    const asStatus = view === "status" || rule.statusException === true;
    const secrets = asStatus ? c.canaries : [...c.canaries, c.reference, c.id];
    for (const s of secrets) if (text.includes(s)) found.push(`${c.key}:${s}`);
  }
  return found;
}

function failsExpectation(expected: Expected, rule: RouteRule, a: Answer): string | null {
  const code = a.json?.error?.code;
  switch (expected) {
    case "unauthenticated":
      return a.status === 401 && code === "UNAUTHENTICATED" ? null : `expected 401, got ${a.status}`;
    case "forbidden":
      return a.status === 403 && code === "FORBIDDEN" ? null : `expected 403, got ${a.status} ${a.text.slice(0, 200)}`;
    case "hidden":
      return a.status === 404 && code === "NOT_FOUND" ? null : `expected 404, got ${a.status} ${a.text.slice(0, 200)}`;
    case "status": {
      const c = (a.json as { case?: { view?: string } } | null)?.case;
      return a.status === 200 && c?.view === "status" ? null : `expected a status view, got ${a.status}`;
    }
    case "ok": {
      const okStatuses = rule.okStatuses ?? [200];
      return okStatuses.includes(a.status)
        ? null
        : `expected ${okStatuses.join("/")}, got ${a.status} ${a.text.slice(0, 200)}`;
    }
  }
}

const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

test("every route the server registers is classified in the need-to-know matrix", () => {
  expect(inventory.length).toBeGreaterThan(30);
  const registered = inventory.map(routeKey);
  const unclassified = registered.filter((k) => !(k in ROUTE_MATRIX));
  expect(unclassified, "add one entry per route to test/security/route-matrix.ts").toEqual([]);
  const stale = Object.keys(ROUTE_MATRIX).filter((k) => !registered.includes(k));
  expect(stale, "matrix entries for routes the server no longer has").toEqual([]);
});

test("the scan can see: a director's answers carry every canary of a case, the logger's status view none", async () => {
  for (const c of cases) {
    const texts = await Promise.all([
      send("director", { method: "GET", path: `/api/cases/${c.id}` }),
      send("director", { method: "GET", path: `/api/cases/${c.id}/email` }),
      send("director", { method: "GET", path: `/api/cases/${c.id}/documents/${c.documentId}/content` }),
    ]);
    const all = texts.map((t) => t.text).join("\n");
    const missing = c.canaries.filter(
      (s) => !all.includes(s) && !s.startsWith("CanaryNature") && !s.startsWith("CanaryAction"),
    );
    expect(missing, c.key).toEqual([]);
    const status = await send(c.loggedBy, { method: "GET", path: `/api/cases/${c.id}` });
    expect(status.status).toBe(200);
    expect(leaksIn(c.loggedBy, {} as RouteRule, status.text), c.key).toEqual([]);
    expect(status.text).toContain(c.reference);
  }
});

describe("every route × every persona × cases they may and may not see", () => {
  const tally = { probes: 0, leaks: [] as string[], wrong: [] as string[] };

  afterAll(() => {
    console.log(
      `need-to-know: ${inventory.length} routes, ${PERSONAS.length + 1} callers, ${cases.length} planted cases, ` +
        `${tally.probes} probes, ${tally.wrong.length} wrong answers, ${tally.leaks.length} leaks`,
    );
  });

  test("0 leaks, and every answer is the one DESIGN.md §1 gives", { timeout: 600_000 }, async () => {
    for (const route of inventory) {
      const key = routeKey(route);
      const rule = ROUTE_MATRIX[key];
      if (!rule || rule.kind === "dev") continue;
      const targets: Array<PlantedCase | undefined> = rule.perCase ? cases : [undefined];
      for (const c of targets) {
        const requests = rule.requests?.(c, cases) ?? [{ method: route.method, path: route.url }];
        const callers: Caller[] = [null, ...PERSONAS];
        // Those refused first: their requests change nothing, so the expectations of the rest still hold.
        callers.sort((a, b) => rank(rule, a, c) - rank(rule, b, c));
        for (const caller of callers) {
          for (const r of requests) {
            const expected: Expected =
              caller === null
                ? rule.kind === "public"
                  ? "ok"
                  : "unauthenticated"
                : rule.kind === "public"
                  ? "ok"
                  : (rule.expect?.(caller, c) ?? "ok");
            const answer = await send(caller, r);
            tally.probes += 1;
            const who = `${caller ?? "no token"} ${r.method} ${r.path}${c ? ` [${c.key}]` : ""}`;
            if (rule.kind !== "public" || expected !== "ok") {
              const wrong = failsExpectation(expected, rule, answer);
              if (wrong) tally.wrong.push(`${who}: ${wrong}`);
            } else if (answer.status >= 500) {
              tally.wrong.push(`${who}: ${answer.status}`);
            }
            for (const leak of leaksIn(caller, rule, answer.text)) tally.leaks.push(`${who}: ${leak}`);
            if (rule.mutates && c && answer.status < 300) await refreshRelations(server.baseUrl, c);
          }
        }
      }
    }
    expect(tally.wrong).toEqual([]);
    expect(tally.leaks).toEqual([]);
    expect(tally.probes).toBeGreaterThan(1000);
  });
});

/** Probe order within a route: refused callers before allowed ones. */
function rank(rule: RouteRule, caller: Caller, c: PlantedCase | undefined): number {
  if (caller === null) return 0;
  const e = rule.kind === "public" ? "ok" : (rule.expect?.(caller, c) ?? "ok");
  return e === "ok" || e === "status" ? 2 : 1;
}
