/**
 * The public complaint form (issue 6.7): the page explains the procedure from the settings and works without
 * JavaScript; the only unauthenticated API logs a web complaint and queues its confirmation email; bots are refused
 * (honeypot, sent too soon, no form fetched), floods are limited per address, and oversized bodies are refused.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestServer, type TestServer } from "../../support/start-server.js";
import { api, type Json } from "../api-client.js";

/** The server is started with a one-second minimum fill time, so the tests wait just over a second for a person. */
const MIN_FILL_MS = 1000;
const PER_HOUR = 8;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    env: { PUBLIC_FORM_MIN_FILL_SECONDS: String(MIN_FILL_MS / 1000), PUBLIC_FORM_PER_HOUR: String(PER_HOUR) },
  });
});
afterAll(async () => {
  await server?.stop();
});

const formToken = async (): Promise<string> =>
  (await api(server.baseUrl, null, "GET", "/api/public/complaint-form")).body.formToken;
const waitLikeAPerson = () => new Promise((r) => setTimeout(r, MIN_FILL_MS + 200));

const complaint = (token: string, overrides: Record<string, string> = {}) => ({
  name: "Robin Parent",
  email: "robin.parent@example.org",
  relationship: "parent-or-guardian",
  whatHappened: "My son's assessment was cancelled twice without notice.\nNobody has told us when it will happen.",
  whatTheyWant: "A date for the assessment and an explanation.",
  formToken: token,
  website: "",
  ...overrides,
});

async function until<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("the public complaint page and form", () => {
  test("/complain explains the procedure from the current settings, without a sign-in and without scripts", async () => {
    const res = await fetch(`${server.baseUrl}/complain`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toMatch(/default-src 'self'/);
    const html = await res.text();
    expect(html).toContain("info@cmsvoc.co.uk");
    expect(html).toContain("within 10 working days");
    expect(html).toContain("City &#38; Guilds");
    expect(html).toContain('action="/api/public/complaints"');
    expect(html).not.toContain("<script");
  });

  test("a complaint from the form is logged as a web case and its confirmation goes out with the reference", async () => {
    const token = await formToken();
    await waitLikeAPerson();
    const res = await api(server.baseUrl, null, "POST", "/api/public/complaints", complaint(token));
    expect(res.status).toBe(201);
    const ref: string = res.body.complaint.reference;
    expect(ref).toMatch(/^CMP-\d{4}-\d{4}$/);
    expect(Object.keys(res.body.complaint).sort()).toEqual(["acknowledgeDueDate", "reference", "responseDueDate"]);

    const cases = await api(server.baseUrl, "ops-director", "GET", `/api/cases?q=${ref}`);
    const logged: Json = cases.body.cases[0];
    expect(logged).toMatchObject({ reference: ref, channel: "web", stage: "received" });
    expect(logged.complainant).toMatchObject({ name: "Robin Parent", relationship: "parent-or-guardian" });

    const email = await until(async () => {
      const outbox = (await (await fetch(`${server.baseUrl}/api/dev/outbox`)).json()) as { effects: Json[] };
      return outbox.effects.find((e) => e.channel === "email" && String(e.subject).includes(ref));
    }, "the confirmation email");
    expect(email.subject).toBe(`We have received your complaint (${ref})`);
    expect(JSON.stringify(email.to)).toContain("robin.parent@example.org");
    expect(email.text).toContain(ref);
  });

  test("without JavaScript the form posts form-encoded and gets a page with the reference", async () => {
    const token = await formToken();
    await waitLikeAPerson();
    const res = await fetch(`${server.baseUrl}/api/public/complaints`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(complaint(token, { name: "Alex Employer", relationship: "employer" })).toString(),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(await res.text()).toMatch(/Your reference is <strong>CMP-\d{4}-\d{4}<\/strong>/);
  });

  test("a form sent faster than a person can write, with the honeypot filled, or never fetched is refused", async () => {
    const tooFast = await api(server.baseUrl, null, "POST", "/api/public/complaints", complaint(await formToken()));
    expect(tooFast.status).toBe(422);
    expect(tooFast.body.error.code).toBe("FORM_NOT_ACCEPTED");
    expect(tooFast.body.error.message).toContain("Wait a few seconds");

    const token = await formToken();
    await waitLikeAPerson();
    const honeypot = await api(
      server.baseUrl,
      null,
      "POST",
      "/api/public/complaints",
      complaint(token, { website: "http://spam.example" }),
    );
    expect(honeypot.status).toBe(422);
    expect(honeypot.body.error.code).toBe("FORM_NOT_ACCEPTED");

    const forged = await api(server.baseUrl, null, "POST", "/api/public/complaints", complaint("1.abc.def"));
    expect(forged.body.error.code).toBe("FORM_NOT_ACCEPTED");

    // The page without JavaScript gets the form back with what was typed kept.
    const page = await fetch(`${server.baseUrl}/api/public/complaints`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(complaint(await formToken())).toString(),
    });
    expect(page.status).toBe(422);
    const html = await page.text();
    expect(html).toContain("Wait a few seconds");
    expect(html).toContain("My son&#39;s assessment was cancelled twice");
  });

  test("missing or wrong fields are named; an oversized body is refused with 413", async () => {
    const token = await formToken();
    await waitLikeAPerson();
    const bad = await api(
      server.baseUrl,
      null,
      "POST",
      "/api/public/complaints",
      complaint(token, { email: "not-an-address", whatHappened: "" }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");
    expect(bad.body.error.details.issues.map((i: Json) => i.path[0]).sort()).toEqual(["email", "whatHappened"]);

    const huge = await api(
      server.baseUrl,
      null,
      "POST",
      "/api/public/complaints",
      complaint(token, { whatHappened: "x".repeat(100_000) }),
    );
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  test("the rest of the API still needs a sign-in", async () => {
    expect((await api(server.baseUrl, null, "GET", "/api/cases")).status).toBe(401);
    expect((await api(server.baseUrl, null, "POST", "/api/cases", {})).status).toBe(401);
  });

  test("one address sending many complaints is limited (429) with Retry-After", async () => {
    let limited: Json = null;
    for (let i = 0; i < PER_HOUR + 1 && !limited; i++) {
      const res = await api(server.baseUrl, null, "POST", "/api/public/complaints", complaint("x.y.z"));
      if (res.status === 429) limited = res;
    }
    expect(limited).not.toBeNull();
    expect(limited.body.error.code).toBe("TOO_MANY_REQUESTS");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
