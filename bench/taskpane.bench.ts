/**
 * The Outlook task pane's speed (issue 3; Office's own bar: load ≤ 500 ms):
 *   1. JavaScript needed for first paint, gzip: the scripts taskpane.html loads (the pane inside Outlook), and
 *      everything Chromium actually fetched before the email summary painted in the development harness.
 *      Goal ≤ 120 KB gzip.
 *   2. Time to a painted email summary in Chromium against the local built server, warm (server and browser cache):
 *      from navigation start to the frame after the summary is in the page. Goal ≤ 300 ms (p50 and p95 reported).
 *   3. For information: the time to the "Log complaint" button (after sign-in and the "already logged" lookup), and
 *      the renderer main thread's CPU time.
 * Prints a table and writes .artifacts/bench-taskpane.json.
 */
import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { artifactPath } from "../test/support/artifacts.js";
import { launchBrowser } from "../test/support/browser.js";
import { PROJECT_ROOT, startTestServer } from "../test/support/start-server.js";
import { fmt, table } from "./table.js";

const GOAL_FIRST_PAINT_KB = 120;
const GOAL_SUMMARY_MS = 300;
const WARM_UP_LOADS = 3;
const MEASURED_LOADS = 15;
const WEB_ROOT = path.join(PROJECT_ROOT, "dist/web");

const gzipKb = (bytes: Buffer): number => gzipSync(bytes, { level: 9 }).length / 1024;

async function scriptsOfPage(page: string): Promise<string[]> {
  const html = await readFile(path.join(WEB_ROOT, page), "utf8");
  return [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1] ?? "");
}

async function gzipOf(urls: readonly string[]): Promise<number> {
  let total = 0;
  for (const url of urls) total += gzipKb(await readFile(path.join(WEB_ROOT, new URL(url, "http://x").pathname)));
  return total;
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

export async function benchTaskpane(): Promise<{ pass: boolean }> {
  const outlookScripts = await scriptsOfPage("taskpane.html");
  const outlookKb = await gzipOf(outlookScripts);

  const server = await startTestServer();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ locale: "en-GB", timezoneId: "Europe/London" });
    const page = await context.newPage();
    const url = `${server.baseUrl}/taskpane.html?sample=assessment-complaint`;

    // JavaScript fetched before the summary painted (the harness chunk included), on a cold cache.
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName("redress:summary-painted").length > 0);
    const fetched = await page.evaluate(() => {
      const paintedAt = performance.getEntriesByName("redress:summary-painted")[0]?.startTime ?? 0;
      return performance
        .getEntriesByType("resource")
        .filter((e) => e.name.endsWith(".js") && e.startTime <= paintedAt)
        .map((e) => e.name);
    });
    const harnessScripts = [...outlookScripts.map((s) => new URL(s, server.baseUrl).href), ...fetched];
    const harnessKb = await gzipOf([...new Set(harnessScripts)].filter((u) => u.startsWith(server.baseUrl)));

    // Wall time is what a person waits; on a machine shared with other work it is inflated by waiting for a core,
    // so the renderer main thread's own CPU time (Chromium's ThreadTime metric) is reported beside it.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const threadTime = async (): Promise<number> => {
      const { metrics } = await cdp.send("Performance.getMetrics");
      return (metrics.find((m) => m.name === "ThreadTime")?.value ?? Number.NaN) * 1000;
    };
    const times: number[] = [];
    const cpuTimes: number[] = [];
    const actionTimes: number[] = [];
    for (let i = 0; i < WARM_UP_LOADS + MEASURED_LOADS; i++) {
      await page.goto("about:blank");
      const before = await threadTime();
      await page.goto(url);
      const at = await page.waitForFunction(() => {
        const mark = performance.getEntriesByName("redress:summary-painted")[0];
        return mark ? mark.startTime : null;
      });
      const cpu = (await threadTime()) - before;
      // What the person came for: the primary button, once the server has said the email is not yet logged.
      const action = await page.waitForFunction(
        () =>
          [...document.querySelectorAll("button")].some((b) => b.textContent === "Log complaint")
            ? performance.now()
            : null,
        undefined,
        { polling: "raf" },
      );
      if (i >= WARM_UP_LOADS) {
        times.push((await at.jsonValue()) as number);
        cpuTimes.push(cpu);
        actionTimes.push((await action.jsonValue()) as number);
      }
    }
    await context.close();

    const p50 = percentile(times, 50);
    const p95 = percentile(times, 95);
    const cpuP50 = percentile(cpuTimes, 50);
    const goals = [
      {
        goal: "Task pane JS for first paint (in Outlook: taskpane.html's scripts)",
        target: `<= ${GOAL_FIRST_PAINT_KB} KB gzip`,
        measured: `${fmt(outlookKb)} KB`,
        pass: outlookKb <= GOAL_FIRST_PAINT_KB,
      },
      {
        goal: "  … in the development harness (fetched before the summary painted)",
        target: "(for information)",
        measured: `${fmt(harnessKb)} KB`,
        pass: true,
      },
      {
        goal: `Time to painted email summary, warm (p50 of ${MEASURED_LOADS} loads)`,
        target: `<= ${GOAL_SUMMARY_MS} ms`,
        measured: `${fmt(p50)} ms (p95 ${fmt(p95)} ms; load ${fmt(os.loadavg()[0])} on ${os.cpus().length} cores)`,
        pass: p50 <= GOAL_SUMMARY_MS,
      },
      {
        goal: "  … time to the Log complaint button (p50; after sign-in and the lookup)",
        target: "(for information)",
        measured: `${fmt(percentile(actionTimes, 50))} ms (p95 ${fmt(percentile(actionTimes, 95))} ms)`,
        pass: true,
      },
      {
        goal: "  … renderer main-thread CPU time to the summary (p50; upper bound: until the check)",
        target: "(for information)",
        measured: Number.isNaN(cpuP50) ? "not available" : `${fmt(cpuP50)} ms`,
        pass: true,
      },
    ];
    process.stdout.write(
      `\n${table(
        "Outlook task pane",
        ["Goal", "Target", "Measured", "Result"],
        goals.map((g) => [g.goal, g.target, g.measured, g.pass ? "PASS" : "FAIL"]),
      )}\n`,
    );
    await writeFile(
      await artifactPath("bench-taskpane.json"),
      `${JSON.stringify(
        {
          at: new Date().toISOString(),
          outlookScripts,
          outlookKb,
          harnessScripts,
          harnessKb,
          loadAverage: os.loadavg(),
          summaryMs: times,
          actionMs: actionTimes,
          p50,
          p95,
          goals,
        },
        null,
        2,
      )}\n`,
    );
    return { pass: goals.every((g) => g.pass) };
  } finally {
    await browser.close();
    await server.stop();
  }
}

// Run on its own: `node --import tsx bench/taskpane.bench.ts` (after npm run build).
if (process.argv[1] && path.resolve(process.argv[1]) === path.join(PROJECT_ROOT, "bench/taskpane.bench.ts")) {
  await benchTaskpane();
}
