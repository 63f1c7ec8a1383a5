/**
 * The Outlook fallbacks as the built server in embedded mode serves them: the sign-in dialog's page (its own
 * Content-Security-Policy: Office.js from Microsoft's CDN, MSAL's calls to Entra ID), and the Graph route for older
 * clients answering NOT_AVAILABLE — the code on which the pane sends the message's parts instead.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestServer, type TestServer } from "../support/start-server.js";
import { type Json, tokenFor } from "./api-client.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe("Outlook fallbacks", () => {
  test("/auth-dialog.html is served with a policy that lets it load Office.js and reach Entra ID, and nothing else", async () => {
    const res = await fetch(`${server.baseUrl}/auth-dialog.html`);
    // 503 only when the web build is missing (the server says so); the policy is checked when it is there.
    if (res.status === 503) return;
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Sign in — Redress");
    const csp = res.headers.get("content-security-policy") ?? "";
    // This response's nonce and what it loads ('strict-dynamic'); 'self' and the CDN for browsers without CSP 3.
    expect(csp).toMatch(
      /script-src 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic' 'self' https:\/\/appsforoffice\.microsoft\.com/,
    );
    expect(csp).toContain("connect-src 'self' https://login.microsoftonline.com");
    expect(csp).toContain("object-src 'none'");
  });

  test("without Graph (embedded mode) the item route says NOT_AVAILABLE, and the API description lists it", async () => {
    const token = await tokenFor(server.baseUrl, "staff");
    const res = await fetch(`${server.baseUrl}/api/intake/outlook-item`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ itemId: "AAMkAGI2=" }),
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as Json).error.code).toBe("NOT_AVAILABLE");
    const doc = (await (await fetch(`${server.baseUrl}/api/openapi.json`)).json()) as Json;
    expect(
      doc.paths["/api/intake/outlook-item"].post.requestBody.content["application/json"].schema.properties,
    ).toHaveProperty("itemId");
  });
});
