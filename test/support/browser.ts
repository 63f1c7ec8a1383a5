/**
 * Chromium for browser tests, driven by playwright-core (which cannot download browsers here).
 *
 * Debian's `chromium` (`/usr/bin/chromium`, installed by `.ci/run`) when present, `CHROMIUM_PATH` to choose
 * another, else the binary inside `@sparticuz/chromium`. Each launch gets a fresh profile: Playwright makes one
 * with `mkdtemp` for `launch()`, passes it as `--user-data-dir` and deletes it on `close()` (it refuses a
 * `--user-data-dir` in `args`).
 */
import { existsSync } from "node:fs";
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/** The flags measured to work here (DESIGN §6); not `@sparticuz/chromium`'s own `args`, which break it. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * `@sparticuz/chromium` unpacks its binary to `<tmp>/chromium` and returns that path as soon as it exists, even
 * while another test process is still writing it. Test files run in parallel processes, so one process unpacks
 * under a lock directory and leaves a marker; the others wait for the marker.
 */
async function sparticuzExecutablePath(): Promise<string> {
  const lock = path.join(tmpdir(), "redress-chromium-unpack.lock");
  const ready = path.join(tmpdir(), "redress-chromium-unpack.ready");
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (existsSync(ready) && existsSync(path.join(tmpdir(), "chromium"))) {
      const { default: sparticuz } = await import("@sparticuz/chromium");
      return sparticuz.executablePath();
    }
    try {
      await mkdir(lock);
    } catch {
      // Someone else is unpacking. A lock older than two minutes belongs to a process that died: take it over.
      const age = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > 120_000) await rm(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lock} to unpack Chromium`);
      await sleep(250);
      continue;
    }
    try {
      const { default: sparticuz } = await import("@sparticuz/chromium");
      const executable = await sparticuz.executablePath();
      await writeFile(ready, executable);
      return executable;
    } finally {
      await rm(lock, { recursive: true, force: true });
    }
  }
}

/** Where the Chromium binary is, by the rules above. */
export async function chromiumExecutablePath(): Promise<string> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  return sparticuzExecutablePath();
}

/**
 * Sends everything but loopback to a proxy that is not there (port 9, discard), so no request can leave the machine
 * whatever a page asks for, host names and IP addresses alike, without intercepting each request.
 */
export const LOOPBACK_ONLY_ARGS: readonly string[] = [
  "--proxy-server=http://127.0.0.1:9",
  "--proxy-bypass-list=127.0.0.1;localhost;[::1];*.localhost",
];

/**
 * A headless Chromium with a fresh profile. Close it in `afterAll`. `loopbackOnly` makes Chromium itself refuse
 * every request off the machine (LOOPBACK_ONLY_ARGS), for pages that watch rather than intercept (newIsolatedPage's
 * `intercept: false`).
 */
export async function launchBrowser(options: { loopbackOnly?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: await chromiumExecutablePath(),
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.loopbackOnly ? LOOPBACK_ONLY_ARGS : [])],
    timeout: 30_000,
  });
}

const isLoopback = (url: URL): boolean =>
  url.hostname === "127.0.0.1" ||
  url.hostname === "localhost" ||
  url.hostname === "[::1]" ||
  url.hostname.endsWith(".localhost");

export interface IsolatedPage {
  page: Page;
  context: BrowserContext;
  /** Requests the page tried to make off the machine; each was aborted. */
  unexpectedRequests: string[];
  /** Closes the context, then throws when the page tried to reach anything but loopback. */
  close(): Promise<void>;
}

/**
 * A page in its own context (en-GB, Europe/London) that can reach loopback only. Any other request is aborted and
 * recorded; `close()` then fails the test with the list, so a page that quietly depends on the internet is caught.
 */
export async function newIsolatedPage(browser: Browser, options: { intercept?: boolean } = {}): Promise<IsolatedPage> {
  const context = await browser.newContext({
    locale: "en-GB",
    timezoneId: "Europe/London",
    // Service workers would fetch outside `route`; nothing of ours uses one.
    serviceWorkers: "block",
  });
  const unexpectedRequests: string[] = [];
  const offMachine = (url: URL) =>
    !((url.protocol === "http:" || url.protocol === "https:" || url.protocol === "ws:") && isLoopback(url));
  if (options.intercept === false) {
    // Benchmarks: interception costs each request a round trip through this process, which no user's browser pays.
    // The browser must then refuse off-machine requests itself (launchBrowser({ loopbackOnly: true })); they are
    // still recorded here, and fail close().
    context.on("request", (request) => {
      const url = new URL(request.url());
      if (offMachine(url) && url.protocol !== "data:" && url.protocol !== "blob:") {
        unexpectedRequests.push(`${request.method()} ${url.href}`);
      }
    });
  } else {
    await context.route("**/*", async (route) => {
      const url = new URL(route.request().url());
      if (!offMachine(url)) {
        await route.continue();
        return;
      }
      unexpectedRequests.push(`${route.request().method()} ${url.href}`);
      await route.abort("blockedbyclient");
    });
  }
  const page = await context.newPage();
  return {
    page,
    context,
    unexpectedRequests,
    async close() {
      await context.close();
      if (unexpectedRequests.length > 0) {
        throw new Error(`The page tried to reach outside loopback:\n${unexpectedRequests.join("\n")}`);
      }
    },
  };
}
