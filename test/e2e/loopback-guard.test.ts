/**
 * The benchmarks' browser does not intercept requests (test/support/browser.ts, `intercept: false`): Chromium itself
 * must refuse everything off the machine, by host name or by IP address, while loopback works, and every attempt
 * must be recorded so close() fails. Nothing leaves the machine here: the refused requests go to a closed local port.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newIsolatedPage } from "../support/browser.js";

describe("a loopback-only browser without interception", () => {
  const server = createServer((_req, res) => res.end("<!doctype html><title>here</title><p>loopback</p>"));
  let baseUrl = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("loads loopback pages, refuses the rest and records each attempt", async () => {
    const browser = await launchBrowser({ loopbackOnly: true });
    try {
      const isolated = await newIsolatedPage(browser, { intercept: false });
      const { page } = isolated;
      await page.goto(baseUrl);
      expect(await page.textContent("p")).toBe("loopback");
      for (const url of ["http://example.com/", "https://login.microsoftonline.com/", "http://93.184.215.14/"]) {
        // Refused by Chromium at the dead proxy (not merely unresolvable or offline here).
        await expect(page.goto(url, { timeout: 10_000 })).rejects.toThrow(/ERR_PROXY_CONNECTION_FAILED/);
      }
      expect(isolated.unexpectedRequests).toEqual([
        "GET http://example.com/",
        "GET https://login.microsoftonline.com/",
        "GET http://93.184.215.14/",
      ]);
      await expect(isolated.close()).rejects.toThrow(/tried to reach outside loopback/);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
