/**
 * The Teams tab, end to end in Chromium: one emailed complaint from intake to closed through every stage, each step
 * taken on the case page by the persona the procedure names. Triage is done with the keyboard only; the board (light;
 * dark in tab-dialogs.test.ts) and the case page are photographed (.artifacts/tab-*.png); axe-core checks the board,
 * the case page and the letter dialogs (tab-dialogs.test.ts checks the others). Runs the built server (`npm run
 * build` first).
 */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { api, download, postEml } from "../integration/api-client.js";
import { artifactPath } from "../support/artifacts.js";
import { newIsolatedPage } from "../support/browser.js";
import { useServerAndBrowser } from "./browser-helpers.js";
import {
  collectPageErrors,
  htmlComplaintEml,
  openStep,
  openTab,
  previewAndSend,
  seriousAccessibilityProblems,
  stageShown,
  stepButtons,
  submitStep,
  tabTo,
} from "./tab-helpers.js";

const LONG_DATE =
  /\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/;

describe("Teams tab: a complaint from intake to closed", () => {
  const started = useServerAndBrowser();

  it("takes one complaint through every stage with the right person at each step", async () => {
    const { server, browser } = started();
    const baseUrl = server.baseUrl;
    const logged = await postEml(
      baseUrl,
      "staff",
      htmlComplaintEml({
        subject: "My portfolio was marked late",
        fromName: "Jane Learner",
        html: "<p>I handed in my portfolio <b>on time</b> but it was marked late.</p><script>alert(1)</script>",
        text: "I handed in my portfolio on time but it was marked late.",
      }),
    );
    expect(logged.status).toBe(201);
    const caseId: string = logged.body.case.id;
    const reference: string = logged.body.case.reference;

    const isolated = await newIsolatedPage(browser);
    const { page } = isolated;
    await page.setViewportSize({ width: 1366, height: 900 });
    page.setDefaultTimeout(15_000);
    const errors = collectPageErrors(page);
    try {
      // The Operations Director's board: the case under Received, with its due badge.
      await openTab(page, baseUrl, "ops-director");
      const received = page.locator('section[data-stage="received"]');
      await received.getByText("Jane Learner").waitFor();
      expect(await received.locator("[data-due]").first().textContent()).toMatch(/days left|Due today/);
      expect(await seriousAccessibilityProblems(page), "board").toEqual([]);
      await page.screenshot({ path: await artifactPath("tab-board-light.png") });
      // The case page: the email in a sandboxed frame, what happens next and who does it.
      await received.getByText("Jane Learner").click();
      await page.getByTestId("next-step").waitFor();
      expect(new URL(page.url()).searchParams.get("case")).toBe(caseId);
      const frame = page.locator('iframe[title="The complaint email"]');
      await frame.waitFor();
      expect(await frame.getAttribute("sandbox")).toBe("");
      // The frame runs no script, so its content is read from the document it was given, not from inside it.
      const shown = (await frame.getAttribute("srcdoc")) ?? "";
      expect(shown).toContain("marked late");
      expect(shown).not.toContain("<script");
      expect(await page.getByTestId("next-step").textContent()).toContain("the Operations Director");
      expect(await seriousAccessibilityProblems(page), "case page").toEqual([]);
      await page.screenshot({ path: await artifactPath("tab-case-light.png"), fullPage: true });

      // Triage with the keyboard only: Tab to the button, then every field.
      await page.locator("body").click({ position: { x: 1, y: 1 } });
      await tabTo(page, "Triage");
      await page.keyboard.press("Enter");
      const triage = page.getByRole("dialog");
      await triage.waitFor();
      expect(await seriousAccessibilityProblems(page), "triage dialog").toEqual([]);
      await tabTo(page, "Category");
      await page.keyboard.press("ArrowDown"); // the first category
      await tabTo(page, "Nature of the complaint");
      await page.keyboard.type("Portfolio marked late although handed in on time.");
      await tabTo(page, "Handler");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowDown"); // David Okafor, then Helen Carter
      await tabTo(page, "Awarding organisation");
      await page.keyboard.press("ArrowDown"); // City & Guilds
      await tabTo(page, "The complainant has a legitimate interest");
      await page.keyboard.press("Space");
      await tabTo(page, "Record triage");
      await page.keyboard.press("Enter");
      await triage.waitFor({ state: "detached", timeout: 15_000 });
      expect(await stageShown(page)).toBe("Triaged");
      expect(await page.getByTestId("next-step").textContent()).toContain("Helen Carter");

      // The handler acknowledges, with the letter previewed: the actual response date.
      await openTab(page, baseUrl, "handler", { caseId });
      expect(await stepButtons(page)).toContain("Acknowledge");
      let dialog = await openStep(page, "Acknowledge");
      const ack = await previewAndSend(dialog, "Send acknowledgement", [/will be investigated/, LONG_DATE]);
      expect(ack).toContain(reference);
      expect(await stageShown(page)).toBe("Investigating");

      // An agreed action, and evidence.
      dialog = await openStep(page, "Add action", { axe: false });
      await dialog.getByLabel("What will be done").fill("Check the submission log with the assessor.");
      await dialog.getByLabel("Due by").fill(new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10));
      await submitStep(dialog, "Add action");
      await page.getByRole("table", { name: "Agreed actions" }).getByText("Check the submission log").waitFor();
      dialog = await openStep(page, "Upload evidence", { axe: false });
      await dialog.locator('input[type="file"]').setInputFiles({
        name: "submission-log.txt",
        mimeType: "text/plain",
        buffer: Buffer.from("Submitted 3 November 2026 at 16:02."),
      });
      await submitStep(dialog, "Upload");
      await page.getByRole("table", { name: "Documents" }).getByText("submission-log.txt").waitFor();

      // The outcome, previewed: the appeal route with its deadline date and the awarding organisation.
      dialog = await openStep(page, "Record outcome");
      await dialog.getByLabel("Partly upheld").check();
      await dialog.getByLabel("Reasons").fill("The portfolio was on time; the late mark is removed.");
      await dialog.getByLabel("Remedy").fill("The mark is corrected and the feedback re-issued.");
      await dialog.getByLabel("Root cause").selectOption("process-not-followed");
      await dialog.getByLabel("Lessons learned").fill("Check the submission log before marking late.");
      const outcome = await previewAndSend(dialog, "Send outcome letter", [
        /Your appeal must reach us by \d{1,2} \w+ \d{4}/,
        /City & Guilds/,
      ]);
      expect(outcome).toContain("partly upheld");
      expect(await stageShown(page)).toBe("Outcome sent");
      const letters = page.getByRole("table", { name: "Documents" }).locator('[data-document-kind="letter"]');
      await letters
        .filter({ hasText: `${reference} outcome.docx` })
        .first()
        .waitFor();

      // The letter kept on the case is a real .docx with the same words.
      const detail = await api(baseUrl, "handler", "GET", `/api/cases/${caseId}`);
      const documents: Array<{ name: string; url: string }> = detail.body.case.documents;
      const docx = documents.find((d) => d.name === `${reference} outcome.docx`);
      expect(docx).toBeDefined();
      const bytes = await download(baseUrl, "handler", docx?.url ?? "");
      const xml = await (await JSZip.loadAsync(bytes.bytes)).file("word/document.xml")?.async("string");
      expect(xml).toContain("Your appeal must reach us by");

      // The Operations Director cannot close yet: the page says which rules are unmet.
      await openTab(page, baseUrl, "ops-director", { caseId });
      const guards = page.getByTestId("close-guards");
      await guards.waitFor();
      expect(await guards.textContent()).toContain("The Board has not been informed of the final outcome.");
      expect(await guards.textContent()).toContain("Operations Meeting");

      // An appeal in time, to a board member who did not handle the complaint.
      dialog = await openStep(page, "Record appeal", { axe: false });
      expect(await dialog.getByRole("option", { name: "Helen Carter" }).count()).toBe(0);
      await dialog.getByLabel("Grounds of the appeal").fill("The feedback should also be re-marked by someone else.");
      await dialog.getByLabel("Board member to decide it").selectOption({ label: "Bernard Lewis" });
      await submitStep(dialog, "Record appeal");
      expect(await stageShown(page)).toBe("Appeal");
      expect(await page.getByTestId("next-step").textContent()).toContain("Bernard Lewis");

      // The board member decides, with the decision letter previewed.
      await openTab(page, baseUrl, "board-member", { caseId });
      dialog = await openStep(page, "Decide appeal", { axe: false });
      await dialog.getByLabel("Reasons").fill("The re-mark was done by a second assessor; no further change.");
      await previewAndSend(dialog, "Send decision letter", [/awarding organisation|City & Guilds/]);
      expect(await stageShown(page)).toBe("Appeal decided");

      // The Operations Director informs the Board, records the meeting and closes.
      await openTab(page, baseUrl, "ops-director", { caseId });
      dialog = await openStep(page, "Board informed", { axe: false });
      await submitStep(dialog, "Record");
      dialog = await openStep(page, "Operations Meeting", { axe: false });
      await dialog.getByLabel("What the meeting said").fill("Discussed; the late-marking rule is being clarified.");
      await submitStep(dialog, "Record meeting");
      expect(await page.getByTestId("close-guards").count()).toBe(0);
      dialog = await openStep(page, "Close case", { axe: false });
      await submitStep(dialog, "Close case");
      expect(await stageShown(page)).toBe("Closed");
      expect(await page.getByTestId("next-step").textContent()).toContain("the case is closed");
      await page
        .getByRole("list", { name: "History, newest first" })
        .getByText("Case closed.")
        .waitFor({ timeout: 15_000 });

      await openTab(page, baseUrl, "ops-director", { caseId, theme: "dark" });
      expect(await seriousAccessibilityProblems(page), "case page, dark").toEqual([]);
      await page.screenshot({ path: await artifactPath("tab-case-dark.png"), fullPage: true });
      await openTab(page, baseUrl, "ops-director");
      await page.locator('section[data-stage="closed"]').getByText("Jane Learner").waitFor({ timeout: 15_000 });
      expect(errors).toEqual([]);
    } finally {
      await isolated.close();
    }
  }, 150_000);
});
