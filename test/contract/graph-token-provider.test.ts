/** msal-node against the emulator's token endpoint: app-only and on-behalf-of, one client, tokens cached. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { GraphConnection } from "../../src/server/adapters/graph/connect-graph.js";
import { connectGraph } from "../../src/server/adapters/graph/connect-graph.js";
import { connectToEmulator } from "../emulator/connect-to-emulator.js";
import { GraphEmulator } from "../emulator/graph-emulator.js";

let emulator: GraphEmulator;
let graph: GraphConnection;

beforeAll(async () => {
  emulator = await GraphEmulator.start();
  graph = connectToEmulator(emulator);
});
afterAll(async () => {
  graph.close();
  await emulator.close();
});

describe("GraphTokenProvider (msal-node)", () => {
  test("app-only tokens come from the token endpoint once, then from MSAL's cache", async () => {
    const first = await graph.tokens.appOnly();
    const second = await graph.tokens.appOnly();
    expect(second).toBe(first);
    expect(emulator.calls.get("POST token")).toBe(1);
  });

  test("on-behalf-of exchanges a user's API token for a Graph token", async () => {
    const user = await emulator.issueToken({
      aud: emulator.options.clientId,
      tid: emulator.options.tenantId,
      oid: "u1",
      scp: "access_as_user",
    });
    const token = await graph.tokens.onBehalfOf(user, ["https://graph.microsoft.com/Files.Read"]);
    const claims = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as { oid: string };
    expect(claims.oid).toBe("u1");
  });

  test("a wrong client secret is refused by the token endpoint", async () => {
    const wrong = connectGraph({
      tenantId: emulator.options.tenantId,
      clientId: emulator.options.clientId,
      clientSecret: "not-the-secret",
      authorityHost: emulator.url,
      graphBaseUrl: emulator.graphBaseUrl,
      ca: emulator.ca,
    });
    await expect(wrong.tokens.appOnly()).rejects.toThrow(/invalid_client|7000215/);
    wrong.close();
  });
});
