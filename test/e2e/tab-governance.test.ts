import { describe, expect, it } from "vitest";
import { api } from "../integration/api-client.js";
import { artifactPath } from "../support/artifacts.js";
import {
  collectPageErrors,
  openTab,
  postalCase,
  seriousAccessibilityProblems,
  step,
  TRIAGE,
  useTabBrowser,
} from "./tab-helpers.js";

const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString();
const londonDate = (days = 0): string =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date(Date.now() - days * 86_400_000));
const longDate = (plain: string): string =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${plain}T12:00:00Z`),
  );

describe("Teams tab: Operations Meeting and Reports", () => {
  const withPage = useTabBrowser();

  it("a director reads the figures, prepares the meeting, records notes and exports the agenda", async () => {
    await withPage(async (page, baseUrl) => {
      const errors = collectPageErrors(page);
      const c = await postalCase(baseUrl, { subject: "Late marking", name: "Sam Reed", receivedAt: daysAgo(30) });
      await step(baseUrl, "ops-director", c.id, "triage", TRIAGE);
      await step(baseUrl, "handler", c.id, "acknowledge", { method: "post", sentAt: daysAgo(29) });
      await step(baseUrl, "handler", c.id, "outcome", {
        result: "upheld",
        reasons: "Marked late.",
        method: "post",
        sentAt: daysAgo(20),
        rootCause: "resources-or-scheduling",
        lessonsLearned: "Cover marking during leave.",
      });
      const meetingDate = londonDate(1);
      const made = await api(baseUrl, "director", "POST", "/api/meetings", { meetingDate });
      expect(made.status).toBe(201);

      // Reports: the figures and the charts.
      await openTab(page, baseUrl, "director");
      await page.getByRole("tab", { name: "Reports" }).click();
      await page.getByRole("heading", { level: 1, name: "Complaints reports" }).waitFor();
      const received = page.getByRole("region", { name: "Complaints received" });
      expect(await received.textContent()).toContain("1");
      expect(await page.getByRole("region", { name: "Answered within 10 working days" }).textContent()).toContain(
        "100%",
      );
      await page
        .getByRole("figure", { name: /^Complaints by month\./ })
        .locator("svg.recharts-surface")
        .waitFor();
      expect(await page.getByRole("figure", { name: /^Outcomes\./ }).getAttribute("aria-label")).toContain("Upheld: 1");
      expect(await seriousAccessibilityProblems(page), "Reports").toEqual([]);
      await page.screenshot({ path: await artifactPath("tab-reports.png"), fullPage: true });

      // The Operations Meeting: the pack for the recorded meeting; notes on the case; the agenda.
      await page.getByRole("tab", { name: "Operations Meeting" }).click();
      await page.getByRole("heading", { level: 1, name: "Operations Meeting" }).waitFor();
      await page.getByLabel("Meeting", { exact: true }).selectOption({ label: longDate(meetingDate) });
      await page
        .getByTestId("pack-since")
        .filter({ hasText: `Meeting of ${longDate(meetingDate)}` })
        .waitFor();
      const outcomes = page.getByRole("region", { name: /Outcomes since the last meeting/ });
      await outcomes.getByText(c.reference).waitFor();
      expect(await seriousAccessibilityProblems(page), "Operations Meeting").toEqual([]);
      await outcomes.getByRole("button", { name: `Record notes on ${c.reference}` }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("What the meeting said").fill("Marking cover agreed for the summer.");
      expect(await seriousAccessibilityProblems(page), "notes dialog").toEqual([]);
      await dialog.getByRole("button", { name: "Save notes" }).click();
      await dialog.waitFor({ state: "detached" });
      await page
        .getByRole("region", { name: /Discussed at this meeting/ })
        .getByText("Marking cover agreed for the summer.")
        .waitFor();

      await page.getByRole("button", { name: "Export agenda (.docx)" }).click();
      await page.getByText(`The agenda is saved to Directors/Complaints/Meetings/${meetingDate}.`).waitFor();
      await page.screenshot({ path: await artifactPath("tab-meeting.png"), fullPage: true });

      // The case page says when it was discussed.
      await page
        .getByRole("region", { name: /Discussed at this meeting/ })
        .getByRole("button", { name: c.reference, exact: true })
        .click();
      await page.getByTestId("next-step").waitFor();
      await page
        .getByText(`Discussed at the Operations Meeting on ${longDate(meetingDate)}`)
        .first()
        .waitFor();
      expect(errors).toEqual([]);
    });
  }, 120_000);

  it("a handler sees neither section", async () => {
    await withPage(async (page, baseUrl) => {
      await openTab(page, baseUrl, "handler");
      expect(await page.getByRole("tab", { name: "Reports" }).count()).toBe(0);
      expect(await page.getByRole("tab", { name: "Operations Meeting" }).count()).toBe(0);
    });
  }, 60_000);
});
