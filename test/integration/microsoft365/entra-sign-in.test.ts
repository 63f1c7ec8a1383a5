/**
 * Sign-in in Microsoft 365 mode: the built server, started against the Graph emulator (which serves the JWKS and
 * signs tokens like Entra ID), refuses every kind of bad access token with 401/403 and no data.
 */
import { createHmac, generateKeyPairSync } from "node:crypto";
import { exportJWK, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GraphEmulator } from "../../emulator/graph-emulator.js";
import { tenantEnv } from "../../emulator/tenant-env.js";
import { startTestServer, type TestServer } from "../../support/start-server.js";

const OTHER_TENANT = "99999999-9999-4999-8999-999999999999";
let emulator: GraphEmulator;
let server: TestServer;
let tenant: string;
let audience: string;
let host: string;

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

function goodClaims(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    aud: audience,
    iss: `${host}/${tenant}/v2.0`,
    tid: tenant,
    oid: "aaaaaaaa-0000-4000-8000-000000000001",
    name: "Helen Carter",
    preferred_username: "helen.carter@example.org",
    scp: "access_as_user",
    roles: ["Complaints.Log", "Complaints.Direct"],
    ver: "2.0",
    ...over,
  };
}

async function call(token: string | null): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${server.baseUrl}/api/cases`, {
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  emulator = await GraphEmulator.start();
  tenant = emulator.options.tenantId;
  audience = emulator.options.clientId;
  host = emulator.url;
  server = await startTestServer({ env: await tenantEnv(emulator) });
});

afterAll(async () => {
  await server?.stop();
  await emulator?.close();
});

describe("Microsoft 365 sign-in", () => {
  test("a good token is accepted, keyed by tenant + object id", async () => {
    const ok = await call(await emulator.issueToken(goodClaims()));
    expect(ok.status).toBe(200);
    expect(ok.body).toHaveProperty("cases");
    // The Application ID URI is an accepted audience too.
    const viaUri = await call(await emulator.issueToken(goodClaims({ aud: `api://redress.example.org/${audience}` })));
    expect(viaUri.status).toBe(200);
  });

  test("the development sign-in is off and the client config names Microsoft 365, without secrets", async () => {
    const dev = await fetch(`${server.baseUrl}/api/dev/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ persona: "director" }),
    });
    expect(dev.status).toBe(404);
    const config = (await (await fetch(`${server.baseUrl}/api/client-config`)).json()) as Record<string, unknown>;
    expect(config).toMatchObject({ mode: "microsoft365", clientId: audience });
    expect(JSON.stringify(config)).not.toContain(emulator.options.clientSecret);
  });

  const bad: Array<[string, () => Promise<string | null>, 401 | 403]> = [
    ["no token at all", async () => null, 401],
    ["malformed (not a JWT)", async () => "not-a-jwt", 401],
    ["malformed (garbage segments)", async () => "eyJ.eyJ.sig", 401],
    [
      "alg none",
      async () => `${b64url({ alg: "none", typ: "JWT" })}.${b64url({ ...goodClaims(), exp: 9e9, nbf: 0, iat: 0 })}.`,
      401,
    ],
    [
      "HS256 signed with the public key",
      async () => {
        const header = b64url({ alg: "HS256", typ: "JWT", kid: "emulator-key-1" });
        const body = b64url({ ...goodClaims(), exp: Math.floor(Date.now() / 1000) + 600, nbf: 0, iat: 0 });
        const sig = createHmac("sha256", JSON.stringify(emulator.jwk)).update(`${header}.${body}`).digest("base64url");
        return `${header}.${body}.${sig}`;
      },
      401,
    ],
    ["wrong audience", () => emulator.issueToken(goodClaims({ aud: "https://graph.microsoft.com" })), 401],
    [
      "iss names another tenant than tid",
      () => emulator.issueToken(goodClaims({ iss: `${host}/${OTHER_TENANT}/v2.0` })),
      401,
    ],
    [
      "tenant not on the allow-list",
      () => emulator.issueToken(goodClaims({ tid: OTHER_TENANT, iss: `${host}/${OTHER_TENANT}/v2.0` })),
      401,
    ],
    ["expired", () => emulator.issueToken(goodClaims(), { lifetimeSeconds: -600 }), 401],
    [
      "not yet valid",
      () => emulator.issueToken(goodClaims(), { notBefore: Math.floor(Date.now() / 1000) + 3600 }),
      401,
    ],
    ["no scope (an app-only token)", () => emulator.issueToken(goodClaims({ scp: undefined, idtyp: "app" })), 401],
    ["another scope", () => emulator.issueToken(goodClaims({ scp: "User.Read" })), 401],
    ["no Redress role", () => emulator.issueToken(goodClaims({ roles: ["Some.Other.Role"] })), 403],
    [
      "bad signature (payload changed after signing)",
      async () => {
        const [h, , s] = (await emulator.issueToken(goodClaims())).split(".");
        return `${h}.${b64url({ ...goodClaims(), roles: ["Complaints.Admin"], exp: 9e9, nbf: 0, iat: 0 })}.${s}`;
      },
      401,
    ],
    [
      "signed by a key not in the JWKS, with an unknown kid",
      async () => {
        const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
        const now = Math.floor(Date.now() / 1000);
        return new SignJWT({ ...goodClaims(), iat: now, nbf: now, exp: now + 600 })
          .setProtectedHeader({ alg: "RS256", kid: "attacker-key" })
          .sign(privateKey);
      },
      401,
    ],
    [
      "signed by another key under the known kid",
      async () => {
        const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
        const now = Math.floor(Date.now() / 1000);
        return new SignJWT({ ...goodClaims(), iat: now, nbf: now, exp: now + 600 })
          .setProtectedHeader({ alg: "RS256", kid: "emulator-key-1" })
          .sign(privateKey);
      },
      401,
    ],
    [
      "a v1 token (sts.windows.net issuer, ver 1.0)",
      () => emulator.issueToken(goodClaims({ iss: `https://sts.windows.net/${tenant}/`, ver: "1.0" })),
      401,
    ],
    ["v2 issuer but ver 1.0", () => emulator.issueToken(goodClaims({ ver: "1.0" })), 401],
    ["no oid", () => emulator.issueToken(goodClaims({ oid: undefined })), 401],
    [
      "embedded public key in the header (jwk) instead of a kid",
      async () => {
        const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
        const now = Math.floor(Date.now() / 1000);
        return new SignJWT({ ...goodClaims(), iat: now, nbf: now, exp: now + 600 })
          .setProtectedHeader({ alg: "RS256", jwk: await exportJWK(publicKey) })
          .sign(privateKey);
      },
      401,
    ],
  ];

  for (const [name, make, status] of bad) {
    test(`refused: ${name} → ${status}, no data`, async () => {
      const res = await call(await make());
      expect(res.status).toBe(status);
      expect(res.body).not.toHaveProperty("cases");
      expect(res.body).toHaveProperty("error.code", status === 401 ? "UNAUTHENTICATED" : "FORBIDDEN");
    });
  }

  test("no token appears in the server's output", async () => {
    const token = await emulator.issueToken(goodClaims());
    await call(token);
    await call(`${token}x`);
    expect(server.output()).not.toContain(token.slice(0, 40));
  });
});
