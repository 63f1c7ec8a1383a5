/**
 * Shared by every browser test: one server and one Chromium per describe block, the page's own error reports, and
 * axe-core's serious and critical findings.
 */
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/start-server.js";

/** Starts the built server and Chromium before the block's tests and stops both after; call inside `describe`. */
export function useServerAndBrowser(): () => { server: TestServer; browser: Browser } {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return () => {
    if (server === undefined || browser === undefined) throw new Error("beforeAll did not start the server");
    return { server, browser };
  };
}

/** Serious and critical axe-core findings on the page (or inside `include`), as readable lines. */
export async function seriousAccessibilityProblems(page: Page, include?: string): Promise<string[]> {
  // Fluent UI's focus manager (tabster) adds hidden <i tabindex="0" data-tabster-dummy> sentinels that pass focus on
  // at once; axe reads them as focusable hidden content. They are not content a person reaches.
  let builder = new AxeBuilder({ page }).exclude("[data-tabster-dummy]");
  if (include) builder = builder.include(include);
  // The builder injects axe into every frame and waits for each; the email's frame (sandbox="") may run no script,
  // so it would wait forever. That frame holds the complainant's email, not our interface: it is set aside (swapped
  // for a comment) during the check and put back after. The case page loads the email after the rest of the page
  // (a "Loading the email…" spinner until then), so wait for that first: a frame that appeared after the frames were
  // set aside is what hung the check on a freshly opened case page. Frames added during the check are set aside too.
  await page.getByText("Loading the email…").waitFor({ state: "detached", timeout: 15_000 });
  await page.evaluate(() => {
    const parked: Array<[Comment, Element]> = [];
    const park = (frame: Element) => {
      const mark = document.createComment("email frame");
      frame.replaceWith(mark);
      parked.push([mark, frame]);
    };
    for (const frame of document.querySelectorAll('iframe[sandbox=""]')) park(frame);
    const observer = new MutationObserver(() => {
      for (const frame of document.querySelectorAll('iframe[sandbox=""]')) park(frame);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    (window as unknown as { __parked: { frames: typeof parked; observer: MutationObserver } }).__parked = {
      frames: parked,
      observer,
    };
  });
  let results: Awaited<ReturnType<AxeBuilder["analyze"]>>;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    // Fail fast instead of hanging if axe waits on a frame that cannot answer.
    results = await Promise.race([
      builder.analyze(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error("axe-core did not finish within 30 s (a frame not answering?)")),
          30_000,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
    await page.evaluate(() => {
      const w = window as unknown as { __parked?: { frames: Array<[Comment, Element]>; observer: MutationObserver } };
      w.__parked?.observer.disconnect();
      for (const [mark, frame] of w.__parked?.frames ?? []) if (mark.isConnected) mark.replaceWith(frame);
      w.__parked = undefined;
    });
  }
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Uncaught errors and console errors (CSP refusals among them). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  return errors;
}
