/**
 * Microsoft 365 mode, the built server against the Graph emulator: a director who has never opened Redress is
 * offered by /api/people from their app-role assignment, and /readyz checks Graph as well as the database.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ROLES } from "../../../src/server/domain/roles.js";
import { GraphEmulator } from "../../emulator/graph-emulator.js";
import { tenantAdmin } from "../../emulator/tenant-admin.js";
import { tenantEnv } from "../../emulator/tenant-env.js";
import { startTestServer, type TestServer } from "../../support/start-server.js";

let emulator: GraphEmulator;
let server: TestServer;

beforeAll(async () => {
  emulator = await GraphEmulator.start();
  const admin = tenantAdmin(emulator);
  const { servicePrincipalId, roleIds } = admin.seedRedressApp(ROLES);
  const director = admin.addUser({
    displayName: "Rachel Hughes",
    mail: "rachel.hughes@contoso.example",
    userPrincipalName: "rachel.hughes@contoso.example",
  });
  admin.assign(servicePrincipalId, director, roleIds.get("Complaints.Direct") ?? "");
  server = await startTestServer({ env: await tenantEnv(emulator) });
});

afterAll(async () => {
  await server?.stop();
  await emulator?.close();
});

describe("Microsoft 365 directory and readiness", () => {
  test("a director who never signed in is offered from their app-role assignment", async () => {
    const token = await emulator.issueToken({
      aud: emulator.options.clientId,
      iss: `${emulator.url}/${emulator.options.tenantId}/v2.0`,
      tid: emulator.options.tenantId,
      oid: "00000000-0000-4000-8000-0000000000aa",
      name: "Olivia Bennett",
      scp: "access_as_user",
      roles: ["Complaints.Log", "Complaints.Triage"],
      ver: "2.0",
    });
    const res = await fetch(`${server.baseUrl}/api/people?role=director`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { people: Array<{ name: string }> };
    expect(body.people.map((p) => p.name)).toEqual(["Rachel Hughes"]);
  });

  test("/readyz checks Graph as well as the database and the outbox", async () => {
    const ready = await fetch(`${server.baseUrl}/readyz`);
    const body = (await ready.json()) as { status: string; mode: string; checks: Array<{ name: string; ok: boolean }> };
    expect(ready.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ status: "ready", mode: "microsoft365" });
    expect(body.checks.map((c) => c.name)).toEqual(["database", "outbox", "graph"]);
  });
});
