/**
 * Operations, on the built server as a real process: /healthz and /readyz, a request id on every answer and every
 * log line of the request, and graceful shutdown — a request still arriving when SIGTERM comes is finished and its
 * case kept; new requests are turned away meanwhile; the process then exits cleanly.
 */
import http from "node:http";
import { afterEach, describe, expect, test } from "vitest";
import { startTestServer, type TestServer } from "../support/start-server.js";
import { api, makeEml, tokenFor } from "./api-client.js";

let server: TestServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

describe("health and readiness", () => {
  test("/readyz reports the database and the outbox, with counts only", async () => {
    server = await startTestServer();
    const res = await fetch(`${server.baseUrl}/readyz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; checks: Array<{ name: string; ok: boolean; detail: object }> };
    expect(body.status).toBe("ready");
    expect(body.checks.map((c) => c.name)).toEqual(["database", "outbox"]);
    expect(body.checks.every((c) => c.ok)).toBe(true);
    expect(body.checks[1]?.detail).toMatchObject({ backlog: expect.any(Number), needsAttention: 0 });
    // Described in the API document like every route.
    const openapi = (await (await fetch(`${server.baseUrl}/api/openapi.json`)).json()) as { paths: object };
    expect(Object.keys(openapi.paths)).toContain("/readyz");
  });

  test("every answer carries a request id, and the request's log lines carry the same one", async () => {
    server = await startTestServer({ env: { LOG_LEVEL: "info" } });
    const given = "trace-1234-abcd";
    const echoed = await fetch(`${server.baseUrl}/healthz`, { headers: { "x-request-id": given } });
    expect(echoed.headers.get("x-request-id")).toBe(given);
    // An id that is not plainly an id (here an email address) is replaced, never logged.
    const replaced = await api(server.baseUrl, null, "GET", "/api/cases", undefined, {
      headers: { "x-request-id": "jane.learner@example.org" },
    });
    expect(replaced.status).toBe(401);
    const id = replaced.headers.get("x-request-id") ?? "";
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    // "request completed" is written just after the answer leaves.
    const deadline = Date.now() + 5_000;
    while (!server.output().includes(`"requestId":"${id}","res"`) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const lines = server
      .output()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const ofRequest = lines.filter((l) => l.requestId === id);
    expect(ofRequest.map((l) => l.msg)).toEqual(expect.arrayContaining(["incoming request", "request completed"]));
    // By method and route pattern, never the address (its query may hold a name).
    expect(ofRequest.find((l) => l.msg === "incoming request")?.req).toEqual({ method: "GET", route: "/api/cases" });
    expect(ofRequest.find((l) => l.msg === "request completed")?.res).toEqual({ statusCode: 401 });
    expect(server.output()).not.toContain("jane.learner@example.org");
    // Lines of a request are never without its id.
    expect(lines.filter((l) => l.msg === "incoming request" && !l.requestId)).toEqual([]);
  });
});

describe("graceful shutdown", () => {
  test("an email still arriving when SIGTERM comes is taken in whole; new requests get 503; the exit is clean", async () => {
    server = await startTestServer({ env: { LOG_LEVEL: "info" } });
    const { baseUrl, dataDir } = server;
    const token = await tokenFor(baseUrl, "staff");
    const eml = makeEml({ subject: "Slow upload", body: `${"x".repeat(200_000)}\n` });
    const url = new URL(`${baseUrl}/api/intake/email?relationship=learner`);

    // Start the upload and send only half of it.
    let answer: { status: number; body: string } | null = null;
    const answered = new Promise<void>((resolve, reject) => {
      const req = http.request(
        url,
        {
          method: "POST",
          headers: {
            authorization: `Bearer ${token}`,
            "content-type": "message/rfc822",
            "content-length": String(eml.length),
          },
        },
        (res) => {
          let body = "";
          res.on("data", (c: Buffer) => {
            body += c.toString();
          });
          res.on("end", () => {
            answer = { status: res.statusCode ?? 0, body };
            resolve();
          });
        },
      );
      req.on("error", reject);
      req.write(eml.subarray(0, eml.length / 2));
      const exited = new Promise<number | null>((r) => server?.process.once("exit", (code) => r(code)));
      setTimeout(async () => {
        server?.process.kill("SIGTERM");
        await new Promise((r) => setTimeout(r, 500));
        // The server is stopping: a new request is refused, not half-served.
        const refused = await fetch(`${baseUrl}/healthz`).then(
          (r) => r.status,
          () => "connection refused",
        );
        expect([503, "connection refused"]).toContain(refused);
        expect(server?.process.exitCode).toBeNull();
        // Then the rest of the email arrives.
        req.end(eml.subarray(eml.length / 2));
        expect(await exited).toBe(0);
      }, 300);
    });
    await answered;
    expect(answer).not.toBeNull();
    const done = answer as unknown as { status: number; body: string };
    expect(done.status, done.body).toBe(201);
    const reference = (JSON.parse(done.body) as { case: { reference: string; id: string } }).case;
    await new Promise<void>((resolve) => {
      if (server?.process.exitCode !== null) resolve();
      else server?.process.once("exit", () => resolve());
    });
    expect(server.process.exitCode).toBe(0);
    expect(server.output()).toContain("stopped cleanly");

    // Started again on the same data: the case is there, whole.
    server = await startTestServer({ dataDir });
    const again = await api(server.baseUrl, "ops-director", "GET", `/api/cases/${reference.id}`);
    expect(again.status).toBe(200);
    expect(again.body.case.reference).toBe(reference.reference);
    const email = again.body.case.documents.find((d: { kind: string }) => d.kind === "email");
    expect(email.size).toBe(eml.length);
  });
});
