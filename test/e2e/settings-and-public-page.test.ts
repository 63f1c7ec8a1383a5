/**
 * The admin Settings view in the Teams tab (Fluent v9 form: keyboard operable, field errors beside fields, a new
 * version on save, axe clean) and the public complaint page (axe clean; a complaint sent without JavaScript).
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { api } from "../integration/api-client.js";
import { launchBrowser, newIsolatedPage } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/start-server.js";
import { collectPageErrors, openTab, seriousAccessibilityProblems, tabTo } from "./tab-helpers.js";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startTestServer({ env: { PUBLIC_FORM_MIN_FILL_SECONDS: "1" } }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the Settings view", () => {
  test("an admin changes a timescale by keyboard; a bad value is named beside its field; saving makes version 2", async () => {
    const isolated = await newIsolatedPage(browser);
    const { page } = isolated;
    page.setDefaultTimeout(15_000);
    const errors = collectPageErrors(page);
    try {
      await openTab(page, server.baseUrl, "admin");
      await page.getByRole("button", { name: "Procedure settings and data protection" }).click();
      await page.getByRole("heading", { level: 1, name: "Procedure settings" }).waitFor();
      await page.getByText("Version 1, set by Redress").waitFor();
      expect(await seriousAccessibilityProblems(page)).toEqual([]);

      // Keyboard only: from the page's first field to the ones we change.
      await page.getByLabel("Working days to acknowledge").focus();
      await tabTo(page, "Working days to respond");
      await page.keyboard.press("Control+A");
      await page.keyboard.type("12");
      const years = page.getByLabel("Keep closed complaints for (years)");
      await years.focus();
      await page.keyboard.press("Control+A");
      await page.keyboard.type("2");
      await tabTo(page, "Save as a new version", 80);
      await page.keyboard.press("Enter");
      await page.getByText("Keep complaints at least 3 years after closure.").waitFor();
      await page.getByText("Nothing was saved.", { exact: false }).waitFor();
      expect(await seriousAccessibilityProblems(page)).toEqual([]);

      await years.focus();
      await page.keyboard.press("Control+A");
      await page.keyboard.type("7");
      await tabTo(page, "Save as a new version", 80);
      await page.keyboard.press("Enter");
      await page.getByText("Saved as version 2.", { exact: false }).waitFor();
      await page.getByText("Working days to respond: 10 → 12").waitFor();

      const saved = await api(server.baseUrl, "admin", "GET", "/api/admin/settings");
      expect(saved.body.current.settings.responseWorkingDays).toBe(12);
      expect(saved.body.current.settings.retention.years).toBe(7);
      // The refused save is a 422 the browser logs as a failed load; anything else is a fault.
      expect(errors.filter((e) => !e.includes("status of 422"))).toEqual([]);
    } finally {
      await isolated.close();
    }
  }, 120_000);

  test("nobody else sees the way in; a director sees the policy review reminder when it is due", async () => {
    const current = (await api(server.baseUrl, "admin", "GET", "/api/admin/settings")).body.current;
    await api(server.baseUrl, "admin", "PUT", "/api/admin/settings", {
      basedOnVersion: current.version,
      settings: { ...current.settings, policyReviewDate: "2020-03-31" },
    });
    const isolated = await newIsolatedPage(browser);
    try {
      await openTab(isolated.page, server.baseUrl, "director");
      isolated.page.setDefaultTimeout(15_000);
      await isolated.page.getByText("was due for review on 31 March 2020", { exact: false }).waitFor();
      expect(await isolated.page.getByRole("button", { name: "Procedure settings and data protection" }).count()).toBe(
        0,
      );
      // A director's way in is the subject access export alone (erasure is for admins).
      await isolated.page.getByRole("button", { name: "Subject access export" }).click();
      await isolated.page.getByRole("heading", { level: 1, name: "Data protection" }).waitFor();
      expect(await isolated.page.getByLabel("Erasure: the complainant's email address").count()).toBe(0);
      expect(await seriousAccessibilityProblems(isolated.page)).toEqual([]);
      await openTab(isolated.page, server.baseUrl, "handler");
      expect(await isolated.page.getByText("Policy review").count()).toBe(0);
    } finally {
      await isolated.close();
    }
  }, 90_000);
});

describe("the public complaint page", () => {
  test("it passes axe, and a complaint sent without JavaScript comes back with its reference", async () => {
    const isolated = await newIsolatedPage(browser);
    try {
      await isolated.page.goto(`${server.baseUrl}/complain`);
      await isolated.page.getByRole("heading", { level: 1, name: "How to complain" }).waitFor();
      expect(await seriousAccessibilityProblems(isolated.page)).toEqual([]);
    } finally {
      await isolated.close();
    }

    const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB" });
    try {
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/complain`);
      await page.getByLabel("Your name").fill("Morgan Learner");
      await page.getByLabel("Your email address").fill("morgan@example.org");
      await page.getByLabel("Who you are").selectOption("learner");
      await page.getByLabel("What happened").fill("My certificate has not arrived three months after the course.");
      await page.waitForTimeout(1200); // a person takes longer than the minimum fill time
      await page.getByRole("button", { name: "Send complaint" }).click();
      await page.getByRole("heading", { name: "Thank you — we have your complaint" }).waitFor();
      expect(await page.getByRole("status").textContent()).toMatch(/Your reference is CMP-\d{4}-\d{4}/);
    } finally {
      await context.close();
    }
  }, 90_000);
});
