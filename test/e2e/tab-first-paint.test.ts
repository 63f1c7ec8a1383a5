/**
 * The board's first paint before React has loaded (src/teams/board/board-preview.ts): opened in a browser, the tab
 * paints the top of the board as plain HTML as soon as it arrives, so the board can be read and a case opened while
 * React and Fluent UI are still on their way. Here their scripts are held back to see that paint on its own: the
 * count and cards are there, in the theme asked for, with no serious accessibility finding; a card opens its case; and
 * when React takes over, the card that had keyboard focus still has it. Runs the built server (`npm run build` first).
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { postEml } from "../integration/api-client.js";
import { newIsolatedPage } from "../support/browser.js";
import { collectPageErrors, seriousAccessibilityProblems, useServerAndBrowser } from "./browser-helpers.js";
import { htmlComplaintEml } from "./tab-helpers.js";

/** Holds every script but the tab's entry (runtime, tab.*.js) until release() is called. */
async function holdReact(page: Page): Promise<{ release(): void; held(): number }> {
  let holding = true;
  const waiting: Array<() => void> = [];
  await page.route(/\/assets\/(?!runtime\.|tab\.)[^/]+\.js$/, (route) => {
    // A request of a page already left may no longer be continued: that is not this test's concern.
    const go = () => void route.continue().catch(() => undefined);
    if (holding) waiting.push(go);
    else go();
  });
  return {
    release() {
      holding = false;
      for (const go of waiting.splice(0)) go();
    },
    held: () => waiting.length,
  };
}

describe("Teams tab: the board's first paint", () => {
  const started = useServerAndBrowser();

  it("shows the count and cards before React loads, accessibly, and hands keyboard focus over to React", async () => {
    const { server, browser } = started();
    const logged = await postEml(
      server.baseUrl,
      "staff",
      htmlComplaintEml({
        subject: "Certificate <b>never</b> arrived",
        fromName: "Priya Shah",
        html: "<p>My certificate has not arrived.</p>",
        text: "My certificate has not arrived.",
      }),
    );
    expect(logged.status).toBe(201);
    const caseId: string = logged.body.case.id;
    const reference: string = logged.body.case.reference;

    const isolated = await newIsolatedPage(browser);
    const { page } = isolated;
    const errors = collectPageErrors(page);
    try {
      const react = await holdReact(page);
      await page.goto(`${server.baseUrl}/tab?persona=ops-director&theme=dark`);
      const card = page.locator(`[data-first-paint] [data-case-id="${caseId}"]`);
      await card.waitFor({ timeout: 15_000 });
      expect(react.held()).toBeGreaterThan(0);
      expect(await page.getByRole("searchbox").count()).toBe(0); // React's board is not there yet

      const count = (await page.getByTestId("board-count").textContent()) ?? "";
      expect(count).toMatch(/^\d+ cases$/);
      const label = (await card.getAttribute("aria-label")) ?? "";
      expect(label).toContain(reference);
      expect(label).toContain("Priya Shah");
      // Card text is set as text: markup in a subject stays visible characters, never elements.
      expect(await card.textContent()).toContain("Certificate <b>never</b> arrived");
      expect(await card.locator("b").count()).toBe(0);
      expect(await page.getByRole("region", { name: /^Received/ }).count()).toBe(1);
      // The dark theme asked for in the address, from the first paint.
      const background = await page
        .locator("[data-first-paint]")
        .evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(background).toBe("rgb(41, 41, 41)");
      expect(await seriousAccessibilityProblems(page)).toEqual([]);

      // A keyboard user on a card when React arrives stays on that case's card.
      await card.focus();
      react.release();
      await page.getByRole("searchbox").waitFor({ timeout: 15_000 });
      await page.locator("[data-first-paint]").waitFor({ state: "detached" });
      await expect
        .poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.caseId ?? null))
        .toBe(caseId);
      expect(errors).toEqual([]);
    } finally {
      await isolated.close();
    }
  }, 60_000);

  it("opens a case from the first paint, keeping the persona", async () => {
    const { server, browser } = started();
    const isolated = await newIsolatedPage(browser);
    const { page } = isolated;
    try {
      const react = await holdReact(page);
      await page.goto(`${server.baseUrl}/tab?persona=ops-director`);
      const first = page.locator("[data-first-paint] [data-case-id]").first();
      await first.waitFor({ timeout: 15_000 });
      const caseId = await first.getAttribute("data-case-id");
      // Clicked while React is still held, so the click lands on the first paint's link (not on a card React is
      // putting in its place); the case page's own scripts are let through after.
      await Promise.all([page.waitForURL(/[?&]case=/, { waitUntil: "commit" }), first.click()]);
      react.release();
      const url = new URL(page.url());
      expect(url.searchParams.get("case")).toBe(caseId);
      expect(url.searchParams.get("persona")).toBe("ops-director");
      await page.getByTestId("next-step").waitFor({ timeout: 15_000 });
    } finally {
      await isolated.close();
    }
  }, 60_000);
});
