/**
 * The task pane shows the email from the mailbox item alone: while the server has not answered (sign-in, the
 * "already logged" lookup), the summary is already on screen with a note that the check is under way, and the
 * pane finishes once the server answers. Checked in the development harness and inside "Outlook" (a stand-in for
 * Office.js served at the CDN address the pane loads it from: tests cannot reach Microsoft's CDN).
 */
import type { Page, Route } from "playwright-core";
import { describe, expect, it } from "vitest";
import { OFFICE_JS_URL } from "../../src/outlook/office-script.js";
import { newIsolatedPage } from "../support/browser.js";
import { useServerAndBrowser } from "./browser-helpers.js";

/** Each test drives Chromium on two busy cores. */
const BROWSER_TEST_TIMEOUT_MS = 120_000;

/** Parks every /api request until `release()`: the server is "slow" for as long as the test needs. */
async function holdApi(page: Page): Promise<{ held: string[]; release(): Promise<void> }> {
  const parked: Route[] = [];
  const held: string[] = [];
  let released = false;
  await page.route("**/api/**", async (route) => {
    if (released) return route.fallback();
    held.push(new URL(route.request().url()).pathname);
    parked.push(route);
  });
  return {
    held,
    async release() {
      released = true;
      await Promise.all(parked.splice(0).map((route) => route.fallback()));
    },
  };
}

/** A minimal Office.js for one open email, enough for the pane's Office mailbox adapter (Mailbox 1.14). */
function installOfficeStandIn(): void {
  const ok = (value?: unknown) => ({ status: "succeeded", value });
  const item = {
    internetMessageId: "<first-paint-outlook@example.org>",
    conversationId: "AAQkFirstPaint",
    subject: "Refund still not received",
    from: { displayName: "Sam Patel", emailAddress: "sam.patel@example.org" },
    to: [{ displayName: "Info", emailAddress: "info@cmsvoc.example" }],
    cc: [],
    dateTimeCreated: new Date("2026-11-25T09:30:00Z"),
    attachments: [{ id: "a1", name: "invoice.pdf", size: 4096, contentType: "application/pdf", isInline: false }],
    body: { getAsync: (_type: string, cb: (r: unknown) => void) => cb(ok("I am still waiting for my refund.")) },
    categories: { addAsync: (_names: string[], cb: (r: unknown) => void) => cb(ok()) },
  };
  (window as unknown as { Office: unknown }).Office = {
    onReady: () => Promise.resolve({ host: "Outlook", platform: "OfficeOnline" }),
    context: {
      requirements: {
        isSetSupported: (name: string, version: string) => name === "Mailbox" && Number(version.split(".")[1]) <= 14,
      },
      mailbox: {
        item,
        masterCategories: {
          getAsync: (cb: (r: unknown) => void) => cb(ok([])),
          addAsync: (_list: unknown, cb: (r: unknown) => void) => cb(ok()),
        },
        addHandlerAsync: () => {},
        removeHandlerAsync: () => {},
      },
    },
    CoercionType: { Text: "text", Html: "html" },
    EventType: { ItemChanged: "olkItemSelectedChanged" },
    MailboxEnums: {
      AttachmentContentFormat: { Base64: "base64", Url: "url", Eml: "eml", ICalendar: "iCalendar" },
      CategoryColor: { Preset0: "Preset0", Preset1: "Preset1" },
      RestVersion: { v2_0: "v2.0" },
    },
  };
}

describe("Task pane: the email shows before the server answers", () => {
  const started = useServerAndBrowser();

  it(
    "in the harness: sender, subject and attachment are on screen while sign-in and the lookup wait",
    async () => {
      const { server, browser } = started();
      const isolated = await newIsolatedPage(browser);
      const { page } = isolated;
      try {
        const api = await holdApi(page);
        await page.goto(`${server.baseUrl}/taskpane.html?sample=assessment-complaint`);
        const summary = page.getByTestId("email-summary");
        await summary.getByText("Jane Okoro <jane.okoro@example.org>").waitFor();
        expect(await summary.textContent()).toContain("Unit 4 assessment - very disappointed");
        expect(await summary.textContent()).toContain("feedback-sheet.txt");
        await page.getByText("Checking whether it is already logged…").filter({ visible: true }).first().waitFor();
        expect(await page.getByRole("button", { name: "Log complaint" }).count()).toBe(0);

        await api.release();
        await page.getByRole("button", { name: "Log complaint" }).waitFor();
        // The sign-in and the lookup went to the server only once the summary had painted, so they never held it up.
        expect(api.held).toContain("/api/dev/token");
        const order = await page.evaluate(() => ({
          painted: performance.getEntriesByName("redress:summary-painted")[0]?.startTime ?? Number.NaN,
          firstApiCall: Math.min(
            ...performance
              .getEntriesByType("resource")
              .filter((e) => new URL(e.name).pathname.startsWith("/api/"))
              .map((e) => e.startTime),
          ),
        }));
        expect(order.firstApiCall).toBeGreaterThan(order.painted);
      } finally {
        await isolated.close();
      }
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    "inside Outlook: the pane shows the open email without waiting for the server to say how to sign in",
    async () => {
      const { server, browser } = started();
      const isolated = await newIsolatedPage(browser);
      const { page } = isolated;
      try {
        // Office.js "from Microsoft's CDN": the stand-in, served at the address the pane loads it from.
        await page.route(OFFICE_JS_URL, (route) =>
          route.fulfill({ contentType: "text/javascript", body: `(${installOfficeStandIn.toString()})();` }),
        );
        const api = await holdApi(page);
        await page.goto(`${server.baseUrl}/taskpane.html?host=outlook`);
        const summary = page.getByTestId("email-summary");
        await summary.getByText("Sam Patel <sam.patel@example.org>").waitFor();
        expect(await summary.textContent()).toContain("Refund still not received");
        expect(await summary.textContent()).toContain("invoice.pdf");
        expect(await summary.textContent()).toContain("Wed 25 November 2026, 09:30");
        expect(await page.getByText("Outlook", { exact: true }).count()).toBe(1);
        expect(await page.getByText("Development harness").count()).toBe(0);
        await page.getByText("Checking whether it is already logged…").filter({ visible: true }).first().waitFor();

        await api.release();
        await page.getByRole("button", { name: "Log complaint" }).waitFor();
        expect(api.held).toContain("/api/client-config");
      } finally {
        await isolated.close();
      }
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    "inside Outlook with Office.js unreachable: the pane offers the development harness rather than hanging",
    async () => {
      const { server, browser } = started();
      const isolated = await newIsolatedPage(browser);
      const { page } = isolated;
      try {
        await page.route(OFFICE_JS_URL, (route) => route.abort("connectionrefused"));
        await page.goto(`${server.baseUrl}/taskpane.html?host=outlook`);
        await page.getByTestId("email-summary").waitFor();
        await page.getByLabel("Signed in as").waitFor();
      } finally {
        await isolated.close();
      }
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
