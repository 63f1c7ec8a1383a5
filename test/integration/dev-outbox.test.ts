/** Embedded mode: nothing leaves the machine; /dev/outbox shows exactly what would have been posted or sent. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { docxText } from "../support/docx-text.js";
import { startTestServer, type TestServer } from "../support/start-server.js";
import { api, makeEml, postEml } from "./api-client.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

async function until(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("the development outbox", () => {
  test("cards, emails with the letter attached and activity notices are recorded, not sent", async () => {
    const logged = await postEml(server.baseUrl, "staff", makeEml({ subject: "Cancelled visit" }), {
      relationship: "learner",
    });
    const id = logged.body.case.id as string;
    const ref = logged.body.case.reference as string;
    expect(
      (
        await api(server.baseUrl, "ops-director", "POST", `/api/cases/${id}/triage`, {
          category: "Assessment",
          nature: "Visits cancelled.",
          serious: true,
          handlerId: "handler",
          interestConfirmed: true,
        })
      ).status,
    ).toBe(200);
    expect(
      (await api(server.baseUrl, "handler", "POST", `/api/cases/${id}/acknowledge`, { method: "email" })).status,
    ).toBe(200);

    type Effect = {
      channel: string;
      subject?: string;
      card?: unknown;
      notice?: { userId: string };
      attachments?: Array<{ name: string; base64: string }>;
    };
    const effects = async () =>
      ((await (await fetch(`${server.baseUrl}/api/dev/outbox`)).json()) as { effects: Effect[] }).effects.filter((e) =>
        JSON.stringify(e).includes(ref),
      );
    await until(async () => (await effects()).length >= 3);
    const recorded = await effects();
    const email = recorded.find((e) => e.channel === "email");
    expect(email?.subject).toBe(`We have received your complaint (${ref})`);
    expect(await docxText(Buffer.from(email?.attachments?.[0]?.base64 ?? "", "base64"))).toContain(ref);
    expect(JSON.stringify(recorded.find((e) => e.channel === "board")?.card)).toContain("Serious complaint received");
    expect(recorded.find((e) => e.channel === "activity")?.notice?.userId).toBe("handler");

    const page = await fetch(`${server.baseUrl}/dev/outbox`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toMatch(/default-src 'self'/);
    const html = await page.text();
    expect(html).toContain("Board channel post");
    expect(html).toContain(`We have received your complaint (${ref})`);
    expect(html).not.toContain("<script");
  });
});
