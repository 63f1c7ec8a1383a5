/**
 * The process and its edges: health, the OpenAPI description, unknown routes, the development sign-in, and how the
 * process refuses to start on bad settings (DESIGN.md §3 "Config", §4).
 */
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { freePort, PROJECT_ROOT, startTestServer, type TestServer } from "../support/start-server.js";
import { api, type Json } from "./api-client.js";

const MAIN = path.join(PROJECT_ROOT, "dist/server/main.js");

/** The transition paths of DESIGN.md §4, after /api/cases/{id}/. */
const TRANSITIONS = [
  "triage",
  "redirect",
  "acknowledge",
  "actions",
  "actions/{actionId}/complete",
  "documents",
  "outcome",
  "directors-consulted",
  "appeal",
  "appeal-decision",
  "signpost",
  "withdraw",
  "close",
];

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.stop();
});

/**
 * Runs the built server with `env` until it exits (or 20 s pass, when it is killed): for settings that must stop it
 * from starting.
 */
async function runUntilExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "redress-misc-"));
  try {
    const child = spawn(process.execPath, [MAIN], {
      cwd: PROJECT_ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "test",
        PORT: String(await freePort()),
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        LOG_LEVEL: "warn",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (d: Buffer) => {
      output += d.toString();
    });
    child.stderr?.on("data", (d: Buffer) => {
      output += d.toString();
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
    clearTimeout(timer);
    return { code, output };
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

describe("health and the API description", () => {
  test("/healthz answers without a token, with no personal data", async () => {
    const res = await fetch(`${server.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body).toMatchObject({ status: "ok", mode: "embedded", outboxBacklog: expect.any(Number) });
  });

  test("/api/openapi.json is OpenAPI 3.1 and describes every transition with a request body", async () => {
    const res = await fetch(`${server.baseUrl}/api/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    const doc = (await res.json()) as Json;
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(typeof doc.paths).toBe("object");

    for (const t of TRANSITIONS) {
      const p = `/api/cases/{id}/${t}`;
      const op = doc.paths[p]?.post;
      expect(op, `${p} is described`).toBeDefined();
      const content = op.requestBody?.content;
      expect(content, `${p} has a request body`).toBeDefined();
      const media = Object.values(content) as Json[];
      expect(media.length).toBeGreaterThan(0);
      for (const m of media) expect(typeof m.schema, `${p} request body has a schema`).toBe("object");
      // Path parameters are declared.
      const params = (op.parameters ?? []).filter((x: Json) => x.in === "path").map((x: Json) => x.name);
      expect(params).toContain("id");
      if (t.includes("{actionId}")) expect(params).toContain("actionId");
      expect(op.responses).toBeDefined();
    }

    // The JSON bodies are real schemas: triage names its required fields.
    const triage = doc.paths["/api/cases/{id}/triage"].post.requestBody.content["application/json"].schema;
    expect(triage.type).toBe("object");
    expect(triage.required).toEqual(expect.arrayContaining(["category", "nature", "serious", "handlerId"]));
    expect(triage.properties.handlerId).toBeDefined();

    // Intake, cases, documents and the error shape are there too.
    expect(doc.paths["/api/intake/email"]?.post?.requestBody?.content?.["message/rfc822"]).toBeDefined();
    expect(doc.paths["/api/cases/{id}"]?.get).toBeDefined();
    expect(doc.paths["/api/cases"]?.get).toBeDefined();
    expect(doc.components?.responses?.Error).toBeDefined();
    // Every $ref points at something that exists.
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of new Set(refs)) {
      const pointer = ref.slice(8, -1);
      expect(pointer.startsWith("#/")).toBe(true);
      let node: Json = doc;
      for (const part of pointer.slice(2).split("/")) node = node?.[part];
      expect(node, pointer).toBeDefined();
    }
  });
});

describe("unknown routes and the development sign-in", () => {
  test("an unknown route answers 404 in the error shape", async () => {
    for (const [method, p] of [
      ["GET", "/api/nothing-here"],
      ["POST", "/api/cases/abc/fly-away"],
      ["DELETE", "/api/cases"],
    ] as const) {
      const res = await fetch(`${server.baseUrl}${p}`, { method });
      expect(res.status, `${method} ${p}`).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/application\/json/);
      const body = (await res.json()) as Json;
      expect(body).toMatchObject({ error: { code: "NOT_FOUND", message: expect.any(String) } });
    }
  });

  test("POST /api/dev/token gives a JWT for a persona and refuses anything else", async () => {
    const ok = await api(server.baseUrl, null, "POST", "/api/dev/token", { persona: "handler" });
    expect(ok.status).toBe(200);
    expect(ok.body.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(ok.headers.get("cache-control")).toMatch(/no-store/);
    const unknown = await api(server.baseUrl, null, "POST", "/api/dev/token", { persona: "root" });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe("VALIDATION_FAILED");
    const malformed = await api(server.baseUrl, null, "POST", "/api/dev/token", "{persona", {
      contentType: "application/json",
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("MALFORMED_REQUEST");
    // The token works; a tampered one does not.
    const me = await api(server.baseUrl, null, "GET", "/api/cases", undefined, {
      headers: { authorization: `Bearer ${ok.body.accessToken}` },
    });
    expect(me.status).toBe(200);
    const [h, p, s] = ok.body.accessToken.split(".");
    const payload = JSON.parse(Buffer.from(p, "base64url").toString("utf8"));
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...payload, sub: "ops-director", oid: "ops-director" })).toString("base64url")}.${s}`;
    const refused = await api(server.baseUrl, null, "GET", "/api/cases", undefined, {
      headers: { authorization: `Bearer ${forged}` },
    });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe("UNAUTHENTICATED");
  });

  /*
   * The development sign-in is off in production (config.devIdentityEnabled is false with NODE_ENV=production).
   * Without a tenant there is then no sign-in at all, so main.ts refuses to start rather than serve an API nobody
   * can use. With a tenant configured the server starts with Entra ID sign-in and POST /api/dev/token answers 404
   * NOT_AVAILABLE: test/integration/microsoft365/entra-sign-in.test.ts covers that.
   */
  test("with NODE_ENV=production the process refuses to start, saying there is no sign-in", async () => {
    const { code, output } = await runUntilExit({ NODE_ENV: "production" });
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(output).toMatch(/cannot start/i);
    expect(output).toMatch(/sign-in/i);
  });

  test("with a tenant but no other Microsoft 365 settings the process refuses to start, listing each one missing", async () => {
    const { code, output } = await runUntilExit({ TENANT_ID: "00000000-0000-0000-0000-000000000001" });
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(output).toMatch(/cannot start/i);
    for (const setting of [
      "CLIENT_ID",
      "CLIENT_SECRET",
      "DRIVE_ID",
      "SITE_ID",
      "SHARED_MAILBOX",
      "WORKFLOW_WEBHOOK_URL",
    ]) {
      expect(output).toContain(setting);
    }
    expect(output).not.toMatch(/\n\s+at /);
  });

  test("a tenant id that is a domain name, not a GUID, is refused", async () => {
    const { code, output } = await runUntilExit({ TENANT_ID: "contoso.onmicrosoft.com" });
    expect(code).not.toBe(0);
    expect(output).toMatch(/TENANT_ID: must be the tenant's id/);
  });
});

describe("settings are checked at start", () => {
  test("PORT=abc: the process exits non-zero naming the problem", async () => {
    const { code, output } = await runUntilExit({ PORT: "abc" });
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(output).toMatch(/cannot start/i);
    expect(output).toMatch(/PORT/);
    expect(output).not.toMatch(/\n\s+at /); // a list of problems, not a stack trace
  });

  test("every problem is listed at once", async () => {
    const { code, output } = await runUntilExit({ PORT: "abc", LOG_LEVEL: "loud", INTAKE_MAX_BYTES: "-5" });
    expect(code).not.toBe(0);
    expect(output).toMatch(/PORT/);
    expect(output).toMatch(/LOG_LEVEL/);
    expect(output).toMatch(/INTAKE_MAX_BYTES/);
  });
});
