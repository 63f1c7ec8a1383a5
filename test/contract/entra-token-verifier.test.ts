/** The Entra verifier's key handling against the emulator's JWKS: cached, and refreshed on key rollover. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { HttpsTransport } from "../../src/server/adapters/graph/https-transport.js";
import { EntraTokenVerifier } from "../../src/server/adapters/identity/entra-token-verifier.js";
import { GraphEmulator } from "../emulator/graph-emulator.js";

let emulator: GraphEmulator;
let transport: HttpsTransport;

beforeAll(async () => {
  emulator = await GraphEmulator.start();
  transport = new HttpsTransport({ ca: emulator.ca });
});
afterAll(async () => {
  transport.close();
  await emulator.close();
});

const claims = () => ({
  aud: emulator.options.clientId,
  iss: `${emulator.url}/${emulator.options.tenantId}/v2.0`,
  tid: emulator.options.tenantId,
  oid: "oid-1",
  name: "Helen Carter",
  scp: "access_as_user",
  roles: ["Complaints.Handle"],
  ver: "2.0",
});

describe("EntraTokenVerifier keys", () => {
  test("fetches the JWKS once, then serves from cache; a rolled-over key is picked up", async () => {
    const seen: string[] = [];
    const verifier = new EntraTokenVerifier({
      authorityHost: emulator.url,
      audiences: [emulator.options.clientId],
      allowedTenants: [emulator.options.tenantId],
      transport,
      jwksCooldownMs: 0,
      onSignIn: (u) => seen.push(u.id),
    });
    const before = emulator.calls.get("GET keys") ?? 0;
    for (let i = 0; i < 5; i += 1) await verifier.verify(await emulator.issueToken(claims()));
    expect((emulator.calls.get("GET keys") ?? 0) - before).toBe(1);
    expect(seen[0]).toBe(`${emulator.options.tenantId}:oid-1`);

    await emulator.rotateSigningKey();
    const actor = await verifier.verify(await emulator.issueToken(claims()));
    expect(actor).toMatchObject({ id: `${emulator.options.tenantId}:oid-1`, roles: ["Complaints.Handle"] });
    expect((emulator.calls.get("GET keys") ?? 0) - before).toBe(2);
  });
});
