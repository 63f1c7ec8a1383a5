/**
 * The front door: `/` names the product and links to every other door, each of which answers; the two front ends
 * behind it actually load their bundles and render. Runs the built server (`npm run build` first) in Chromium.
 */
import { describe, expect, it } from "vitest";
import { artifactPath } from "../support/artifacts.js";
import { newIsolatedPage } from "../support/browser.js";
import { collectPageErrors, seriousAccessibilityProblems, useServerAndBrowser } from "./browser-helpers.js";

/** The links the landing page must offer, and for the two front ends the heading that proves React rendered. */
const EXPECTED_LINKS: ReadonlyMap<string, string | undefined> = new Map([
  ["/taskpane.html", "Log as complaint"],
  ["/tab", "Complaints case board"],
  ["/api/openapi.json", undefined],
  ["/healthz", undefined],
]);

const FRAME_ANCESTORS =
  "frame-ancestors 'self' *.cloud.microsoft teams.microsoft.com *.teams.microsoft.com *.microsoft365.com " +
  "*.office.com outlook.office.com outlook.office365.com";

describe("landing page", () => {
  const started = useServerAndBrowser();

  it("names the product, is accessible and sends the security headers", async () => {
    const { server, browser } = started();
    const isolated = await newIsolatedPage(browser);
    const { page } = isolated;
    try {
      const response = await page.goto(`${server.baseUrl}/`);
      expect(response?.status()).toBe(200);
      const headers = response?.headers() ?? {};
      expect(headers["content-security-policy"]).toContain(FRAME_ANCESTORS);
      expect(headers["content-security-policy"]).toContain("object-src 'none'");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("no-referrer");

      expect(await page.title()).toBe("Redress — complaints handling");
      expect(await page.locator("html").getAttribute("lang")).toBe("en-GB");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Redress");
      expect(await page.getByRole("main").count()).toBe(1);
      expect(await page.locator("script").count()).toBe(0);

      expect(await seriousAccessibilityProblems(page)).toEqual([]);
      await page.screenshot({ path: await artifactPath("landing.png"), fullPage: true });
    } finally {
      await isolated.close();
    }
  });

  it("links to the task pane, the tab, the API description and the health check, and each answers", async () => {
    const { server, browser } = started();
    const isolated = await newIsolatedPage(browser);
    const { page } = isolated;
    const pageErrors = collectPageErrors(page);
    try {
      await page.goto(`${server.baseUrl}/`);
      const hrefs = await page
        .locator("a[href]")
        .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href") ?? ""));
      expect([...hrefs].sort()).toEqual([...EXPECTED_LINKS.keys()].sort());

      for (const href of hrefs) {
        await page.goto(`${server.baseUrl}/`);
        const target = new URL(href, server.baseUrl).href;
        const navigated = page.waitForResponse(
          (response) => response.url() === target && response.request().isNavigationRequest(),
        );
        await page.locator(`a[href="${href}"]`).click();
        const response = await navigated;
        expect(response.status(), `${href} answers`).toBe(200);

        const heading = EXPECTED_LINKS.get(href);
        if (heading === undefined) continue;
        // The h1 is rendered by React: seeing it proves the bundle loaded and ran under the page's CSP.
        await page.getByRole("heading", { level: 1, name: heading }).waitFor({ timeout: 15_000 });
        // The board's plain-HTML first paint has the same heading: wait until React has taken over from it.
        await page.locator("[data-first-paint]").waitFor({ state: "detached", timeout: 15_000 });
        expect(await page.title()).toContain(heading);
        expect(await page.locator("html").getAttribute("lang")).toBe("en-GB");
        expect(await page.getByRole("main").count()).toBe(1);
        expect(response.headers()["content-security-policy"]).toContain(FRAME_ANCESTORS);
        expect(await seriousAccessibilityProblems(page), `${href} accessibility`).toEqual([]);
      }
      expect(pageErrors).toEqual([]);
    } finally {
      await isolated.close();
    }
  });
});
