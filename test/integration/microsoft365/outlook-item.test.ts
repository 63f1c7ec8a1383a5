/**
 * Older Outlook clients (Mailbox < 1.14) cannot hand over the .eml: the add-in names the item and the server reads its
 * MIME through Graph on the person's behalf (on-behalf-of, Mail.Read; Mail.Read.Shared for a shared mailbox). The
 * built server in Microsoft 365 mode against the Graph emulator, with the real msal-node and HTTPS stack.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PERSONAS } from "../../../src/server/adapters/identity/personas.js";
import { GraphEmulator } from "../../emulator/graph-emulator.js";
import { tenantEnv } from "../../emulator/tenant-env.js";
import { entraTokens, personaOid } from "../../support/entra-personas.js";
import { startTestServer, type TestServer } from "../../support/start-server.js";
import { type Json, makeEml } from "../api-client.js";

let emulator: GraphEmulator;
let server: TestServer;
const oid = personaOid;
let tokenFor: (persona: string) => Promise<string>;

async function call(persona: string, method: string, path: string, body?: unknown, contentType?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${await tokenFor(persona)}` };
  if (body !== undefined) headers["content-type"] = contentType ?? "application/json";
  const res = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get("content-type") ?? "";
  return { status: res.status, bytes, body: (type.includes("json") ? JSON.parse(bytes.toString()) : null) as Json };
}

beforeAll(async () => {
  emulator = await GraphEmulator.start();
  tokenFor = entraTokens(emulator);
  server = await startTestServer({ env: await tenantEnv(emulator) });
  for (const p of PERSONAS) expect((await call(p.id, "GET", "/api/cases")).status).toBe(200);
});
afterAll(async () => {
  await server?.stop();
  await emulator?.close();
});

describe("logging an email the server reads through Graph", () => {
  test("the person's own mailbox: the exact .eml is kept, and the same item again is the same case", async () => {
    const eml = makeEml({ subject: "My certificate never arrived", body: "I have waited three months. Very poor." });
    const itemId = emulator.mailbox.addMessage(oid("staff"), eml);
    const logged = await call("staff", "POST", "/api/intake/outlook-item?receivedAt=2026-11-24T10:00:00Z", { itemId });
    expect(logged.status, JSON.stringify(logged.body)).toBe(201);
    const id = logged.body.case.id as string;

    const detail = await call("director", "GET", `/api/cases/${id}`);
    const email = (detail.body.case.documents as Array<{ kind: string; url: string }>).find((d) => d.kind === "email");
    const stored = await call("director", "GET", email?.url ?? "");
    expect(stored.bytes.equals(eml)).toBe(true);
    expect(detail.body.case.subject ?? JSON.stringify(detail.body.case)).toContain("My certificate never arrived");

    const again = await call("staff", "POST", "/api/intake/outlook-item", { itemId });
    expect(again.status).toBe(200);
    expect(again.body.case.id).toBe(id);
  });

  test("someone else's email cannot be fetched with your token: MAILBOX_UNREADABLE, so the add-in sends the parts", async () => {
    const itemId = emulator.mailbox.addMessage(oid("handler"), makeEml({ subject: "Not yours" }));
    const refused = await call("staff", "POST", "/api/intake/outlook-item", { itemId });
    expect(refused.status).toBe(502);
    expect(refused.body.error.code).toBe("MAILBOX_UNREADABLE");
  });

  test("a shared mailbox needs the person's access to it (Mail.Read.Shared on their behalf)", async () => {
    const mailbox = "info@cmsvoc.example";
    const itemId = emulator.mailbox.addMessage(mailbox, makeEml({ subject: "Complaint to info@" }));
    const before = await call("staff-2", "POST", "/api/intake/outlook-item", { itemId, mailbox });
    expect(before.body.error?.code).toBe("MAILBOX_UNREADABLE");
    emulator.mailbox.grantMailboxAccess(mailbox, oid("staff-2"));
    const after = await call("staff-2", "POST", "/api/intake/outlook-item", { itemId, mailbox });
    expect(after.status, JSON.stringify(after.body)).toBe(201);
  });

  test("a later email added to a case the same way; bad item ids are refused before Graph is asked", async () => {
    const first = emulator.mailbox.addMessage(oid("ops-director"), makeEml({ subject: "First letter" }));
    const logged = await call("ops-director", "POST", "/api/intake/outlook-item", { itemId: first });
    const later = emulator.mailbox.addMessage(oid("ops-director"), makeEml({ subject: "And another thing" }));
    const added = await call(
      "ops-director",
      "POST",
      `/api/cases/${logged.body.case.id}/emails`,
      { itemId: later },
      "application/vnd.redress.outlook-item+json",
    );
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const bad = await call("staff", "POST", "/api/intake/outlook-item", { itemId: "../../users/ceo/messages/x" });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");
  });
});
