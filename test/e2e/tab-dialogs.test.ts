/**
 * The Teams tab's remaining dialogs and views, in Chromium: every step dialog not opened by the other tab tests is
 * opened by the person who may take it and checked with axe-core; the list view sorts and filters; each role sees
 * only what the procedure lets it see; a case someone may not see is not revealed. The board in the dark theme is
 * photographed (.artifacts/tab-board-dark.png).
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { api, makeEml, postEml } from "../integration/api-client.js";
import { artifactPath } from "../support/artifacts.js";
import {
  openStep,
  openTab,
  postalCase,
  seriousAccessibilityProblems,
  step,
  stepButtons,
  TRIAGE,
  useTabBrowser,
} from "./tab-helpers.js";

describe("Teams tab: dialogs, list view and need to know", () => {
  const withPage = useTabBrowser();

  const closeDialog = async (page: Page) => {
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
  };

  it("the handler's dialogs while investigating are accessible", async () => {
    await withPage(async (page, baseUrl) => {
      const c = await postalCase(baseUrl, { subject: "Lost coursework", name: "Kim Lee" });
      await step(baseUrl, "ops-director", c.id, "triage", TRIAGE);
      await step(baseUrl, "handler", c.id, "acknowledge", { method: "email" });
      await step(baseUrl, "handler", c.id, "actions", { description: "Search the archive.", dueDate: "2099-01-31" });
      await openTab(page, baseUrl, "handler", { caseId: c.id });
      expect(await stepButtons(page)).toEqual(["Record outcome", "Add action", "Upload evidence", "Withdraw"]);
      for (const label of ["Add action", "Upload evidence", "Withdraw"]) {
        await openStep(page, label);
        await closeDialog(page);
      }
      await page.getByRole("button", { name: "Mark done" }).click();
      await page.getByRole("dialog").waitFor();
      expect(await seriousAccessibilityProblems(page), "mark done dialog").toEqual([]);
      await page.getByRole("dialog").getByLabel("Note").fill("Found in the archive.");
      await page.getByRole("dialog").getByRole("button", { name: "Mark done" }).click();
      await page.getByRole("dialog").waitFor({ state: "detached" });
      await page.getByText(/^Done \d/).waitFor();
    });
  }, 90_000);

  it("the Operations Director's and the board member's dialogs are accessible; closing says what is missing", async () => {
    await withPage(async (page, baseUrl) => {
      const c = await postalCase(baseUrl, { subject: "Exam room too cold", name: "Lee Chen" });
      await step(baseUrl, "ops-director", c.id, "triage", TRIAGE);
      await step(baseUrl, "handler", c.id, "acknowledge", { method: "email" });
      await step(baseUrl, "handler", c.id, "outcome", {
        result: "not-upheld",
        reasons: "Checked.",
        method: "email",
        rootCause: "no-fault-found",
        lessonsLearned: "None: the process worked.",
      });
      await openTab(page, baseUrl, "ops-director", { caseId: c.id });
      const close = page
        .getByRole("toolbar", { name: "Steps you can take" })
        .getByRole("button", { name: "Close case" });
      expect(await close.isDisabled()).toBe(true);
      const guards = (await page.getByTestId("close-guards").textContent()) ?? "";
      expect(guards).toContain("The appeal window has not passed");
      for (const label of ["Board informed", "Operations Meeting", "Signpost to awarding organisation"]) {
        await openStep(page, label);
        await closeDialog(page);
      }

      await step(baseUrl, "ops-director", c.id, "appeal", { grounds: "Too cold.", boardMemberId: "board-member-2" });
      await openTab(page, baseUrl, "board-member-2", { caseId: c.id });
      expect(await stepButtons(page)).toContain("Decide appeal");
      await openStep(page, "Decide appeal");
      await closeDialog(page);

      await step(baseUrl, "board-member-2", c.id, "appeal-decision", {
        result: "not-upheld",
        reasons: "Stands.",
        method: "email",
      });
      await step(baseUrl, "ops-director", c.id, "board-informed", {});
      await step(baseUrl, "ops-director", c.id, "meeting", { meetingDate: "2026-01-05", notes: "Noted." });
      await openTab(page, baseUrl, "ops-director", { caseId: c.id });
      expect(await page.getByTestId("close-guards").count()).toBe(0);
      await openStep(page, "Close case");
      await closeDialog(page);
    });
  }, 90_000);

  it("the list view sorts and filters; each role sees only its cases", async () => {
    await withPage(async (page, baseUrl) => {
      const serious = await postalCase(baseUrl, { subject: "Unsafe workshop", name: "Zoe Adams" });
      await step(baseUrl, "ops-director", serious.id, "triage", { ...TRIAGE, serious: true, handlerId: "handler-2" });
      const other = await postalCase(baseUrl, { subject: "Timetable clash", name: "Adam Young" });
      await step(baseUrl, "ops-director", other.id, "triage", TRIAGE);

      await openTab(page, baseUrl, "ops-director", { theme: "contrast" });
      await page.getByRole("button", { name: "List", exact: true }).click();
      const table = page.getByRole("table", { name: /Complaints/ });
      await table.waitFor();
      expect(await seriousAccessibilityProblems(page), "list view, high contrast").toEqual([]);
      await table.getByRole("button", { name: "Complainant" }).click();
      expect(await table.getByRole("columnheader", { name: "Complainant" }).getAttribute("aria-sort")).toBe(
        "ascending",
      );
      const names = await table.locator("tbody tr[data-case-id] td:nth-child(2)").allTextContents();
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
      await page.getByLabel("Serious").check();
      await page
        .getByTestId("board-count")
        .getByText(/Showing 1 of/)
        .waitFor();
      expect(await table.locator("tbody tr[data-case-id]").count()).toBe(1);
      await page.getByRole("searchbox").fill("nothing matches this");
      await page
        .getByTestId("board-count")
        .getByText(/Showing 0 of/)
        .waitFor();

      // The board in the dark theme, photographed.
      await openTab(page, baseUrl, "ops-director", { theme: "dark" });
      await page.locator('section[data-stage="triaged"]').getByText("Zoe Adams").waitFor();
      expect(await seriousAccessibilityProblems(page), "board, dark").toEqual([]);
      await page.screenshot({ path: await artifactPath("tab-board-dark.png") });

      // Staff who logged a case see its reference and stage, nothing of its content.
      const logged = await postEml(baseUrl, "staff", makeEml({ subject: "Rude receptionist" }));
      expect(logged.status).toBe(201);
      await openTab(page, baseUrl, "staff");
      const staffCard = page.locator(`[data-case-id="${logged.body.case.id}"]`).first();
      await staffCard.waitFor();
      expect(await staffCard.textContent()).toContain("you logged this complaint");
      expect(await staffCard.textContent()).not.toContain("Jane Learner");
      expect(await page.locator("[data-case-id]").count()).toBe(1);
      expect(await page.getByRole("button", { name: "Log a complaint in writing" }).count()).toBe(0);

      // A handler sees only the cases assigned to them; "My cases" keeps to those.
      await openTab(page, baseUrl, "handler-2");
      await page.locator(`[data-case-id="${serious.id}"]`).waitFor();
      expect(await page.locator(`[data-case-id="${other.id}"]`).count()).toBe(0);
      await page.getByRole("switch", { name: "My cases" }).check();
      await page.locator(`[data-case-id="${serious.id}"]`).waitFor();

      // A case someone may not see is not revealed, whether it exists or not.
      await page.goto(`${baseUrl}/tab?persona=handler-2&case=${other.id}`);
      await page.getByRole("heading", { name: "Case not available" }).waitFor();
      const unknown = await api(baseUrl, "handler-2", "GET", `/api/cases/${other.id}`);
      expect(unknown.status).toBe(404);
    });
  }, 90_000);
});
