import { describe, expect, it } from "vitest";
import { api } from "../integration/api-client.js";
import {
  closedLongAgo,
  openStep,
  openTab,
  postalCase,
  previewAndSend,
  seriousAccessibilityProblems,
  stageShown,
  step,
  submitStep,
  TRIAGE,
  useTabBrowser,
} from "./tab-helpers.js";

describe("Teams tab: serious, late, redirected and written complaints", () => {
  const withPage = useTabBrowser();

  it("a serious complaint: the outcome waits until every director has responded", async () => {
    await withPage(async (page, baseUrl) => {
      const c = await postalCase(baseUrl, { subject: "Tutor shouted at my son", name: "Mrs Patel" });
      await step(baseUrl, "ops-director", c.id, "triage", { ...TRIAGE, category: "Staff conduct", serious: true });
      await step(baseUrl, "handler", c.id, "acknowledge", { method: "email" });

      // The handler is told, and the procedure refuses the outcome for now.
      await openTab(page, baseUrl, "handler", { caseId: c.id });
      expect(await page.getByTestId("next-step").textContent()).toContain("directors must be consulted");
      let dialog = await openStep(page, "Record outcome", { axe: false });
      expect(await dialog.getByText("This is a serious complaint").textContent()).toContain("Daniel Morgan");
      await dialog.getByLabel("Reasons").fill("The tutor's conduct fell short; training arranged.");
      await dialog.getByRole("button", { name: "Preview letter" }).click();
      await dialog
        .getByRole("alert")
        .or(dialog.locator(".fui-MessageBar").filter({ hasText: "Not yet" }))
        .first()
        .waitFor();
      expect(await dialog.textContent()).toContain("Not yet");
      await dialog.getByRole("button", { name: "Cancel" }).click();

      // Each director records their own response.
      for (const persona of ["director", "director-2"] as const) {
        await openTab(page, baseUrl, persona, { caseId: c.id });
        dialog = await openStep(page, "Record director's response");
        await dialog.getByLabel("Their response").fill(`${persona}: agree with the handler's approach.`);
        await submitStep(dialog, "Record response");
        await page.getByText(`${persona}: agree with the handler's approach.`).waitFor();
      }

      await openTab(page, baseUrl, "handler", { caseId: c.id });
      dialog = await openStep(page, "Record outcome", { axe: false });
      expect(await dialog.getByText("This is a serious complaint").count()).toBe(0);
      await dialog.getByLabel("Reasons").fill("The tutor's conduct fell short; training arranged.");
      await dialog.getByLabel("Root cause").selectOption("staff-conduct-or-training");
      await dialog.getByLabel("Lessons learned").fill("Refresher training on learner communication.");
      await previewAndSend(dialog, "Send outcome letter", [/We have upheld your complaint/, /NCFE/]);
      expect(await stageShown(page)).toBe("Outcome sent");

      // Closing also needs the full details in meeting minutes.
      await openTab(page, baseUrl, "ops-director", { caseId: c.id });
      expect(await page.getByTestId("close-guards").textContent()).toContain("recorded in full in meeting minutes");
    });
  }, 90_000);

  it("a late appeal needs its reason and reopens the closed case", async () => {
    await withPage(async (page, baseUrl) => {
      const c = await closedLongAgo(baseUrl, "Mr Jones");
      await openTab(page, baseUrl, "ops-director", { caseId: c.id });
      expect(await stageShown(page)).toBe("Closed");
      const dialog = await openStep(page, "Record appeal");
      await dialog.getByText("This appeal is late").waitFor();
      await dialog.getByLabel("Grounds of the appeal").fill("I was abroad and only now read the outcome.");
      await dialog.getByLabel("Board member to decide it").selectOption({ label: "Fiona Campbell" });
      await dialog.getByRole("button", { name: "Record appeal" }).click();
      await dialog.getByText("Record why it is accepted late").waitFor();
      await dialog.getByLabel("Why it is accepted late").fill("Abroad for work; evidence of travel provided.");
      await submitStep(dialog, "Record appeal");
      expect(await stageShown(page)).toBe("Appeal");
      expect(await page.getByText(/late — accepted because: Abroad for work/).count()).toBe(1);
      expect(await page.getByTestId("next-step").textContent()).toContain("Fiona Campbell");
      const seen = await api(baseUrl, "board-member-2", "GET", `/api/cases/${c.id}`);
      expect(seen.body.case.availableActions).toContain("appeal-decision");
    });
  }, 90_000);

  it("a staff grievance is redirected with its reason and closes", async () => {
    await withPage(async (page, baseUrl) => {
      const c = await postalCase(baseUrl, { subject: "My manager refused my leave", name: "Tom Evans" });
      await openTab(page, baseUrl, "ops-director", { caseId: c.id });
      const dialog = await openStep(page, "Redirect");
      await dialog.getByLabel("A staff grievance (Discipline and Grievance policy)").check();
      await dialog.getByLabel("Reason").fill("A member of staff: this goes under the Discipline and Grievance policy.");
      await submitStep(dialog, "Redirect and close");
      expect(await stageShown(page)).toBe("Closed");
      expect(await page.getByText("redirected as a staff grievance", { exact: false }).count()).toBeGreaterThan(0);
      await openTab(page, baseUrl, "handler");
      expect(await page.locator(`[data-case-id="${c.id}"]`).count()).toBe(0);
    });
  }, 90_000);

  it("a complaint in writing is logged with its scanned letter, then goes the same way", async () => {
    await withPage(async (page, baseUrl) => {
      await openTab(page, baseUrl, "ops-director");
      await page.getByRole("button", { name: "Log a complaint in writing" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.waitFor();
      expect(await seriousAccessibilityProblems(page), "postal complaint dialog").toEqual([]);
      await dialog.getByLabel("Complainant's name").fill("Ada Byron");
      await dialog.getByLabel("Subject").fill("Course cancelled without notice");
      await dialog.getByLabel("Summary of the letter").fill("The evening course was cancelled the day before.");
      await dialog.locator('input[type="file"]').setInputFiles({
        name: "letter-scan.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("%PDF-1.4\n% scanned letter\n%%EOF\n"),
      });
      await submitStep(dialog, "Log complaint");
      await page.getByTestId("next-step").waitFor();
      expect(await stageShown(page)).toBe("Received");
      const scan = page.getByRole("table", { name: "Documents" }).locator('[data-document-kind="attachment"]');
      expect(await scan.textContent()).toContain("letter-scan.pdf");
      expect(await page.getByText("by post").count()).toBeGreaterThan(0);
      expect(
        await page.getByRole("toolbar", { name: "Steps you can take" }).getByRole("button", { name: "Triage" }).count(),
      ).toBe(1);
    });
  }, 90_000);
});
