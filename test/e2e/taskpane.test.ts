/**
 * The task pane outside Outlook, in Chromium against the built server: the development harness plays the mailbox.
 * Log a sample complaint and see its reference and due date; reopen it and see "Already logged"; a retry after a
 * lost answer never logs twice; a follow-up is added to the case; a dropped .eml works the same; no serious
 * accessibility findings.
 */
import { describe, expect, it } from "vitest";
import { SAMPLE_EMAILS } from "../../src/outlook/harness/samples.js";
import { buildEmail } from "../fixtures/build-email.js";
import { api, type Json, postEml } from "../integration/api-client.js";
import { artifactPath } from "../support/artifacts.js";
import { newIsolatedPage } from "../support/browser.js";
import { collectPageErrors, seriousAccessibilityProblems, useServerAndBrowser } from "./browser-helpers.js";

const REFERENCE = /CMP-\d{4}-\d{4}/;
/** Each test drives Chromium through several pages; on two busy cores that can take a while. */
const BROWSER_TEST_TIMEOUT_MS = 120_000;

describe("Outlook task pane (development harness)", () => {
  const started = useServerAndBrowser();

  const casesWithSubject = async (subject: string): Promise<Json[]> => {
    const res = await api(started().server.baseUrl, "ops-director", "GET", "/api/cases?limit=200");
    return res.body.cases.filter((c: Json) => c.subject === subject);
  };

  it(
    "logs a complaint, shows the reference and due date, and shows Already logged when reopened",
    async () => {
      const { server, browser } = started();
      const isolated = await newIsolatedPage(browser);
      const { page } = isolated;
      const errors = collectPageErrors(page);
      try {
        await page.goto(`${server.baseUrl}/taskpane.html`);
        await page
          .getByLabel("Email", { exact: true })
          .selectOption({ label: "Learner: unhappy with an assessment decision (with attachment)" });
        const summary = page.getByTestId("email-summary");
        await summary.getByText("Jane Okoro <jane.okoro@example.org>").waitFor();
        expect(await summary.textContent()).toContain("Tue 24 November 2026, 10:15");
        expect(await summary.textContent()).toContain("feedback-sheet.txt");
        await page.getByText("This reads like a complaint").waitFor();
        expect(await page.getByTestId("complaint-hint").textContent()).toContain("disappointed");
        await expect.poll(() => page.getByLabel(/Category/).inputValue()).toBe("Assessment and results");

        expect(await seriousAccessibilityProblems(page)).toEqual([]);

        await page.getByLabel(/Note for the Operations Director/).fill("She rang as well and was upset.");
        await page.getByRole("button", { name: "Log complaint" }).click();
        const result = page.getByTestId("result");
        await result.getByText(/^Logged as CMP-\d{4}-\d{4}$/).waitFor();
        const text = (await result.textContent()) ?? "";
        const reference = REFERENCE.exec(text)?.[0];
        expect(reference).toBeDefined();
        expect(text).toContain("Response due by: Tuesday 8 December 2026");
        expect(text).toContain(`Tagged in Outlook: Complaint, ${reference}.`);
        const link = result.getByRole("link", { name: `Open ${reference} on the case board` });
        expect(await link.getAttribute("href")).toMatch(/^\/tab\?case=/);
        expect(await seriousAccessibilityProblems(page)).toEqual([]);
        await page.screenshot({ path: await artifactPath("taskpane-logged.png"), fullPage: true });

        // Reopen the same email: the pane finds the case instead of offering to log it again.
        await page.reload();
        await page
          .getByLabel("Email", { exact: true })
          .selectOption({ label: "Learner: unhappy with an assessment decision (with attachment)" });
        await page.getByText(`Already logged as ${reference}`).waitFor();
        expect(await page.getByRole("button", { name: "Log complaint" }).count()).toBe(0);
        await page.screenshot({ path: await artifactPath("taskpane-already-logged.png"), fullPage: true });

        const cases = await casesWithSubject("Unit 4 assessment - very disappointed");
        expect(cases).toHaveLength(1);
        expect(errors).toEqual([]);
      } finally {
        await isolated.close();
      }
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    "adds a follow-up in the same conversation to the case, showing staff only its status",
    async () => {
      const { server, browser } = started();
      const isolated = await newIsolatedPage(browser);
      const { page } = isolated;
      try {
        // The original is logged (by the test above, or here: logging it again answers with the same case).
        const original = SAMPLE_EMAILS.find((s) => s.id === "assessment-complaint");
        await postEml(server.baseUrl, "staff", new TextEncoder().encode(original?.eml), {
          conversationId: "harness:<harness-assessment-1@example.org>",
        });
        await page.goto(`${server.baseUrl}/taskpane.html?sample=assessment-follow-up&persona=staff-2`);
        await page.getByText("Part of an existing complaint?").waitFor();
        const add = page.getByRole("button", { name: /^Add to CMP-/ });
        await add.click();
        await page.getByText(/^Added to CMP-\d{4}-\d{4}$/).waitFor();
        const [logged] = await casesWithSubject("Unit 4 assessment - very disappointed");
        const detail = await api(server.baseUrl, "ops-director", "GET", `/api/cases/${logged.id}`);
        expect(detail.body.case.documents.filter((d: Json) => d.kind === "email")).toHaveLength(2);
      } finally {
        await isolated.close();
      }
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    "after a lost answer, Try again shows the same case and never logs a second one",
    async () => {
      const { server, browser } = started();
      const isolated = await newIsolatedPage(browser);
      const { page } = isolated;
      try {
        let dropped = 0;
        // The server receives and logs the email, but its answer never reaches the pane (as on a dropped connection).
        await page.route("**/api/intake/email?**", async (route) => {
          if (dropped > 0) return route.continue();
          dropped++;
          await route.fetch();
          await route.abort("internetdisconnected");
        });
        await page.goto(`${server.baseUrl}/taskpane.html?sample=employer-complaint`);
        await page.getByRole("button", { name: "Log complaint" }).click();
        await page.getByText("Redress could not be reached").waitFor();
        await page.screenshot({ path: await artifactPath("taskpane-offline.png"), fullPage: true });
        await page.getByRole("button", { name: "Try again" }).click();
        await page.getByText(/^Already logged as CMP-\d{4}-\d{4}$/).waitFor();
        expect(dropped).toBe(1);
        expect(await casesWithSubject("Forklift refresher on 20 November")).toHaveLength(1);
      } finally {
        await isolated.close();
      }
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    "works the same on a dropped .eml, says when an email does not read like a complaint, and when tagging is refused",
    async () => {
      const { server, browser } = started();
      const isolated = await newIsolatedPage(browser);
      const { page } = isolated;
      try {
        await page.goto(`${server.baseUrl}/taskpane.html?sample=booking-enquiry`);
        await page.getByText("This email does not read like a complaint", { exact: false }).waitFor();
        const built = buildEmail({
          subject: "Certificate still missing",
          body: "I am unhappy: my certificate never arrived.",
        });
        await page
          .locator('input[type="file"]')
          .setInputFiles({ name: "dropped.eml", mimeType: "message/rfc822", buffer: built.raw });
        await page.getByTestId("email-summary").getByText("Certificate still missing").waitFor();
        // A delegate in a shared mailbox: Outlook refuses the category; the complaint is logged all the same.
        await page.getByLabel("Delegate in a shared mailbox (no permission to add categories)").check();
        await page.getByText(/can read but not change items/).waitFor();
        await page.getByRole("button", { name: "Log complaint" }).click();
        await page.getByText(/^Logged as CMP-\d{4}-\d{4}$/).waitFor();
        await page.getByText(/Outlook did not let Redress add the Complaint category/).waitFor();
      } finally {
        await isolated.close();
      }
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
