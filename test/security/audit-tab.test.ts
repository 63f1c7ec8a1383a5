/**
 * The audit trail in the Teams tab (Chromium against the built server): a director sees who read and changed a case
 * on its page, and searches the organisation-wide trail by person and date; nobody else is offered either. Keyboard
 * operable, and axe-core finds nothing serious or critical.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { collectPageErrors, openTab, seriousAccessibilityProblems } from "../e2e/tab-helpers.js";
import { api, type Json, makeEml, postEml } from "../integration/api-client.js";
import { launchBrowser, newIsolatedPage } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/start-server.js";

const TIMEOUT = 180_000;
let server: TestServer;
let browser: Browser;
let c: Json;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const logged = await postEml(server.baseUrl, "staff", makeEml({ subject: "My certificate" }));
  c = logged.body.case;
  await api(server.baseUrl, "ops-director", "POST", `/api/cases/${c.id}/triage`, {
    category: "Certification",
    nature: "Certificate late.",
    serious: false,
    handlerId: "handler",
    interestConfirmed: true,
  });
  expect((await api(server.baseUrl, "handler", "GET", `/api/cases/${c.id}`)).status).toBe(200);
}, TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("audit trail in the tab", () => {
  test(
    "a director sees the case's trail and searches by person; axe clean; keyboard operable",
    async () => {
      const isolated = await newIsolatedPage(browser);
      const { page } = isolated;
      const errors = collectPageErrors(page);
      try {
        await openTab(page, server.baseUrl, "director", { caseId: c.id });
        const show = page.getByRole("button", { name: "Show who read and changed this case" });
        await show.focus();
        await page.keyboard.press("Enter");
        const table = page.getByRole("table", { name: "Audit trail of this case, newest first" });
        await table.waitFor({ timeout: 15_000 });
        await expect.poll(() => table.textContent()).toContain("Opened the case");
        const text = (await table.textContent()) ?? "";
        expect(text).toContain("Helen Carter");
        expect(text).toContain("Olivia Bennett");
        expect(text).toContain("Viewed this audit trail");
        expect(await seriousAccessibilityProblems(page)).toEqual([]);

        // The organisation-wide view, from the board.
        await openTab(page, server.baseUrl, "director");
        await page.getByRole("button", { name: "Audit trail" }).click();
        await page.getByRole("heading", { level: 1, name: "Audit trail" }).waitFor();
        await page.getByLabel("Person").selectOption({ label: "Helen Carter" });
        await page.getByRole("button", { name: "Search" }).click();
        const results = page.getByRole("table", { name: "Audit trail, newest first" });
        await results.waitFor({ timeout: 15_000 });
        const rows = await results.getByRole("row").allTextContents();
        expect(rows.length).toBeGreaterThan(1);
        for (const row of rows.slice(1)) expect(row).toContain("Helen Carter");
        expect(rows.join(" ")).toContain(c.reference);
        expect(await seriousAccessibilityProblems(page)).toEqual([]);
        // A case link opens the case.
        await results.getByRole("button", { name: c.reference }).first().click();
        await page.getByTestId("next-step").waitFor({ timeout: 15_000 });
        expect(errors).toEqual([]);
      } finally {
        await isolated.close();
      }
    },
    TIMEOUT,
  );

  test(
    "the Operations Director and a handler are offered neither",
    async () => {
      const isolated = await newIsolatedPage(browser);
      const { page } = isolated;
      try {
        for (const persona of ["ops-director", "handler"] as const) {
          await openTab(page, server.baseUrl, persona, { caseId: c.id });
          expect(await page.getByRole("heading", { name: "Audit trail" }).count(), persona).toBe(0);
          await openTab(page, server.baseUrl, persona);
          expect(await page.getByRole("button", { name: "Audit trail" }).count(), persona).toBe(0);
        }
      } finally {
        await isolated.close();
      }
    },
    TIMEOUT,
  );
});
