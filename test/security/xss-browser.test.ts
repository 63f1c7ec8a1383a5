/**
 * Hostile content, rendered (issue 6 point 8): the XSS corpus (test/fixtures/xss-payloads.ts) placed in email HTML,
 * subjects, display names, attachment and document names, triage notes, categories, actions and outcomes, then
 * shown in the board, the case pages (with the email frame), a letter preview, the task pane, the development
 * outbox page and the letters themselves. Chromium listens for every way a payload reports running — a dialog, the
 * console marker, `window.__xss`, a request to the canary path — and the answer must be 0.
 *
 * Also the Content-Security-Policy: a fresh nonce per page, and a script injected into a page's HTML without the
 * nonce does not run while the page's own scripts do.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  batches,
  hostileEml,
  XSS_CANARY_PATH,
  XSS_MARKER,
  type XssPayload,
  xssPayloads,
} from "../fixtures/xss-payloads.js";
import { api, download, type Json, postEml } from "../integration/api-client.js";
import { launchBrowser, newIsolatedPage } from "../support/browser.js";
import { csvFormulaCells, docxActiveContent } from "../support/export-safety.js";
import { startTestServer, type TestServer } from "../support/start-server.js";

const TIMEOUT = 300_000;
const payloads = xssPayloads();
const FRAME_ANCESTORS =
  "frame-ancestors 'self' *.cloud.microsoft teams.microsoft.com *.teams.microsoft.com *.microsoft365.com *.office.com outlook.office.com outlook.office365.com";

let server: TestServer;
let browser: Browser;
const emailCases: Json[] = [];
const hostileCategories: string[] = [];
let placed = 0;
const renders: string[] = [];

/** Round-robin over the corpus, so every surface sees many different payloads. */
let cursor = 0;
const next = (max: number): XssPayload => {
  for (;;) {
    const p = payloads[cursor % payloads.length] as XssPayload;
    cursor += 1;
    if (p.text.length <= max) return p;
  }
};
const chunk = (from: number, count: number) => payloads.slice(from, from + count);

async function ok(res: Promise<{ status: number; body: Json }>, what: string): Promise<Json> {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}
const post = (persona: Parameters<typeof api>[1], path: string, body: unknown) =>
  ok(api(server.baseUrl, persona, "POST", path, body), path);

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  // Four emails carry the whole corpus in their HTML, and more in subject, sender's name and attachment names.
  const perEmail = Math.ceil(payloads.length / 4);
  for (let i = 0; i < 4; i += 1) {
    const html = chunk(i * perEmail, perEmail)
      .map((p) => p.text)
      .join("<br>\n");
    const names = [1, 2, 3, 4, 5].map(() => next(200).text);
    const eml = hostileEml({ subject: next(250).text, fromName: next(150).text, html, attachmentNames: names });
    const res = await ok(postEml(server.baseUrl, "staff", eml), "intake");
    emailCases.push(res.case);
    placed += chunk(i * perEmail, perEmail).length + 2 + names.length;
  }
  // Subjects and names on the board: complaints by post.
  for (let i = 0; i < 24; i += 1) {
    await post("ops-director", "/api/cases", {
      channel: "post",
      subject: next(300).text,
      complainant: { name: next(200).text, email: null },
    });
    placed += 2;
  }
  // Settings: category names, an awarding organisation and its contact, the organisation's name. They reach the
  // board and case page (a triaged category), the public "how to complain" page, the settings view, the reports
  // and the letters' letterhead.
  const admin = await ok(api(server.baseUrl, "admin", "GET", "/api/admin/settings"), "settings");
  hostileCategories.push(...[1, 2, 3, 4, 5, 6].map(() => next(100).text));
  const settings = admin.current.settings;
  await ok(
    api(server.baseUrl, "admin", "PUT", "/api/admin/settings", {
      basedOnVersion: admin.current.version,
      settings: {
        ...settings,
        organisationName: next(200).text,
        categories: [...settings.categories, ...hostileCategories],
        awardingOrganisations: [
          ...settings.awardingOrganisations,
          { name: next(200).text, complaintsContact: next(500).text },
        ],
      },
    }),
    "save hostile settings",
  );
  placed += hostileCategories.length + 3;
  const [first, second] = emailCases;
  // Notes: triage (category, nature, notes), actions, documents' names, the outcome and its letter.
  await post("ops-director", `/api/cases/${first.id}/triage`, {
    category: next(100).text,
    nature: batches(chunk(0, 40), 2000)[0],
    notes: batches(chunk(40, 60), 5000)[0],
    serious: false,
    handlerId: "handler",
    interestConfirmed: true,
  });
  placed += 1 + 40 + 60;
  for (const description of batches(chunk(100, 60), 2000).slice(0, 4)) {
    await post("ops-director", `/api/cases/${first.id}/actions`, { description, dueDate: "2030-01-31" });
  }
  placed += 60;
  for (let i = 0; i < 8; i += 1) {
    const name = next(200).text;
    await ok(
      api(
        server.baseUrl,
        "ops-director",
        "POST",
        `/api/cases/${first.id}/documents?name=${encodeURIComponent(name)}`,
        "x",
        {
          contentType: "text/plain",
        },
      ),
      "document",
    );
    placed += 1;
  }
  await post("handler", `/api/cases/${first.id}/acknowledge`, { method: "email" });
  const reasons = batches(chunk(200, 300), 20_000)[0] ?? "";
  await post("handler", `/api/cases/${first.id}/outcome`, {
    result: "partly-upheld",
    reasons,
    remedy: next(5000).text,
    method: "email",
    rootCause: "other",
    rootCauseNote: next(2000).text,
    lessonsLearned: batches(chunk(500, 40), 5000)[0],
  });
  placed += 301 + 41;
  await post("ops-director", `/api/cases/${second.id}/triage`, {
    category: hostileCategories[0],
    nature: "Plain.",
    serious: false,
    handlerId: "handler",
    interestConfirmed: true,
  });
  await post("handler", `/api/cases/${second.id}/acknowledge`, { method: "post" });
}, TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Watch {
  executions: string[];
}

/** Listens for every way a payload reports running. */
async function watch(page: Page): Promise<Watch> {
  const w: Watch = { executions: [] };
  await page.addInitScript(() => {
    const hits: string[] = [];
    (window as unknown as { __xssHits: string[] }).__xssHits = hits;
    (window as unknown as { __xss: (id: string) => void }).__xss = (id: string) => hits.push(id);
  });
  page.on("dialog", (d) => {
    w.executions.push(`dialog ${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  page.on("console", (m) => {
    if (m.text().startsWith(XSS_MARKER)) w.executions.push(`console: ${m.text()}`);
  });
  page.on("request", (r) => {
    if (r.url().includes(XSS_CANARY_PATH)) w.executions.push(`request: ${r.url()}`);
  });
  return w;
}

async function hitsIn(page: Page): Promise<string[]> {
  const frames = page.frames();
  const all: string[] = [];
  for (const f of frames) {
    const hits = await f
      .evaluate(() => (window as unknown as { __xssHits?: string[] }).__xssHits ?? [])
      .catch(() => []);
    all.push(...hits.map((h) => `__xss ${h} in ${f.url().slice(0, 60)}`));
  }
  return all;
}

/** Lets event handlers (onerror, onload, ontoggle, autofocus) fire if anything let them through. */
const settle = (page: Page) => page.waitForTimeout(750);

describe("hostile content rendered: 0 executions", () => {
  test(
    "board, case pages with the email frame, letter preview, task pane and development outbox",
    async () => {
      expect(placed).toBeGreaterThanOrEqual(500);
      const isolated = await newIsolatedPage(browser);
      const { page } = isolated;
      const w = await watch(page);
      const executions: string[] = [];
      try {
        // The board, as a director (sees every card).
        await page.goto(`${server.baseUrl}/tab?persona=director`);
        await page.getByRole("heading", { level: 1, name: "Complaints case board" }).waitFor({ timeout: 30_000 });
        await page
          .getByText(/CMP-\d{4}-\d{4}/)
          .first()
          .waitFor();
        await settle(page);
        renders.push("board");
        executions.push(...(await hitsIn(page)));
        // The same cards as the list view.
        await page.getByRole("group", { name: "View" }).getByRole("button", { name: "List" }).click();
        await settle(page);
        renders.push("case list");
        executions.push(...(await hitsIn(page)));

        // Each email case's page: email frame (sanitised, sandboxed), documents, timeline, actions, outcome.
        for (const c of emailCases) {
          await page.goto(`${server.baseUrl}/tab?persona=director&case=${c.id}`);
          await page.getByTestId("next-step").waitFor({ timeout: 30_000 });
          await page
            .locator("iframe[title='The complaint email']")
            .waitFor({ timeout: 15_000 })
            .catch(() => undefined);
          await settle(page);
          if (c === emailCases[0]) {
            // The payloads are there, shown as text: the triage nature starts with the corpus's first payload.
            expect(await page.locator("main").textContent()).toContain(payloads[0]?.text);
          }
          renders.push(`case ${c.reference}`);
          executions.push(...(await hitsIn(page)));
        }

        // A letter preview with payloads typed into the outcome's reasons, as the handler.
        await page.goto(`${server.baseUrl}/tab?persona=handler&case=${emailCases[1].id}`);
        await page.getByTestId("next-step").waitFor({ timeout: 30_000 });
        await page
          .getByRole("toolbar", { name: "Steps you can take" })
          .getByRole("button", { name: "Record outcome", exact: true })
          .click();
        const dialog = page.getByRole("dialog");
        await dialog.getByLabel("Upheld", { exact: true }).check();
        await dialog.getByLabel("Reasons").fill(batches(chunk(300, 80), 20_000)[0] ?? "");
        await dialog.getByLabel("Root cause").selectOption("other");
        await dialog.getByLabel("Lessons learned").fill(batches(chunk(380, 20), 5000)[0] ?? "");
        await dialog.getByRole("button", { name: "Preview letter" }).click();
        await dialog.getByTestId("letter-preview").waitFor({ timeout: 15_000 });
        await settle(page);
        renders.push("outcome letter preview");
        executions.push(...(await hitsIn(page)));

        // The task pane with a hostile email dropped in (the harness plays the mailbox).
        await page.goto(`${server.baseUrl}/taskpane.html?sample=booking-enquiry&persona=staff`);
        await page.locator('input[type="file"]').waitFor({ state: "attached", timeout: 30_000 });
        const hostile = hostileEml({
          subject: next(250).text,
          fromName: next(150).text,
          html: chunk(400, 150)
            .map((p) => p.text)
            .join("<br>"),
          attachmentNames: [next(200).text, next(200).text, next(200).text],
        });
        await page
          .locator('input[type="file"]')
          .setInputFiles({ name: "hostile.eml", mimeType: "message/rfc822", buffer: hostile });
        await page.getByTestId("email-summary").waitFor();
        await page.getByRole("button", { name: "Log complaint" }).click();
        await page.getByText(/^Logged as CMP-\d{4}-\d{4}$/).waitFor({ timeout: 30_000 });
        await settle(page);
        renders.push("task pane");
        executions.push(...(await hitsIn(page)));

        // Settings as the admin edits them, and the reports (category names in the charts), as a director.
        await page.goto(`${server.baseUrl}/tab?persona=admin&view=settings`);
        await page.getByRole("heading", { level: 1, name: "Procedure settings" }).waitFor({ timeout: 30_000 });
        await settle(page);
        renders.push("settings view");
        executions.push(...(await hitsIn(page)));
        await page.goto(`${server.baseUrl}/tab?persona=director&view=reports`);
        await page.getByRole("heading", { level: 1, name: "Complaints reports" }).waitFor({ timeout: 30_000 });
        await settle(page);
        renders.push("reports");
        executions.push(...(await hitsIn(page)));

        // The public page, drawn from the settings (organisation, awarding organisations and their contacts).
        await page.goto(`${server.baseUrl}/complain`);
        await page.getByRole("heading", { level: 1, name: "How to complain" }).waitFor({ timeout: 30_000 });
        await settle(page);
        renders.push("public complaint page");
        executions.push(...(await hitsIn(page)));

        // What the outbox would have emailed (acknowledgement and outcome letters naming the complainant).
        await untilOutboxHas(2);
        await page.goto(`${server.baseUrl}/dev/outbox`);
        await page.getByRole("heading", { name: "Development outbox" }).waitFor();
        await settle(page);
        renders.push("development outbox");
        executions.push(...(await hitsIn(page)));
      } finally {
        await isolated.close();
      }
      executions.push(...w.executions);
      console.log(`xss: ${placed} payloads placed; rendered in ${renders.join(", ")}; ${executions.length} executions`);
      expect(executions).toEqual([]);
    },
    TIMEOUT,
  );

  test("the outcome letter (.docx) carries the payloads as text only: no field codes, macros, objects or links out", async () => {
    const detail = await ok(api(server.baseUrl, "director", "GET", `/api/cases/${emailCases[0].id}`), "case");
    const letters = detail.case.documents.filter((d: Json) => d.kind === "letter");
    expect(letters.length).toBeGreaterThanOrEqual(2);
    for (const letter of letters) {
      const file = await download(server.baseUrl, "director", letter.url);
      expect(file.status).toBe(200);
      expect(await docxActiveContent(file.bytes), letter.name).toEqual([]);
    }
  });
});

describe("hostile settings in the exports", () => {
  test("the dashboard CSV carries the hostile category names as inert text: no cell a spreadsheet would run", async () => {
    const res = await download(server.baseUrl, "director", "/api/reports/dashboard.csv");
    expect(res.status).toBe(200);
    const csv = res.bytes.toString("utf8");
    expect(csv.length).toBeGreaterThan(0);
    expect(csvFormulaCells(csv)).toEqual([]);
  });

  test("the annual report (.docx) names the hostile categories as text only", async () => {
    const made = await ok(api(server.baseUrl, "director", "POST", "/api/reports/annual", {}), "annual report");
    const file = await download(server.baseUrl, "director", made.document.url);
    expect(file.status).toBe(200);
    expect(await docxActiveContent(file.bytes)).toEqual([]);
  });
});

async function untilOutboxHas(count: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await api(server.baseUrl, null, "GET", "/api/dev/outbox");
    if ((res.body.effects ?? []).filter((e: Json) => e.channel === "email").length >= count) return;
    if (Date.now() > deadline) throw new Error("the letters were not emailed within 20 s");
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("Content-Security-Policy with nonces", () => {
  const PAGES = ["/", "/tab", "/tab/config", "/taskpane.html", "/auth-dialog.html"];

  test("each page: a fresh nonce on every script and style tag, strict-dynamic, no objects, no base, the hosts of DESIGN §5", async () => {
    for (const path of PAGES) {
      const [a, b] = await Promise.all([fetch(`${server.baseUrl}${path}`), fetch(`${server.baseUrl}${path}`)]);
      const csp = a.headers.get("content-security-policy") ?? "";
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
      expect(nonce, path).toBeDefined();
      expect(b.headers.get("content-security-policy"), path).not.toContain(`'nonce-${nonce}'`);
      const directives = Object.fromEntries(
        csp.split(";").map((d) => {
          const [name, ...values] = d.trim().split(/\s+/);
          return [name, values.join(" ")];
        }),
      );
      expect(directives["script-src"], path).toMatch(
        new RegExp(`^'nonce-${nonce?.replace(/[+/=]/g, "\\$&")}' 'strict-dynamic'`),
      );
      expect(directives["script-src"], path).not.toContain("unsafe-inline");
      expect(directives["object-src"], path).toBe("'none'");
      expect(directives["base-uri"], path).toBe("'none'");
      expect(directives["form-action"], path).toBe("'self'");
      expect(csp, path).toContain(FRAME_ANCESTORS);
      expect(a.headers.get("cache-control"), path).toBe("no-store");
      const html = await a.text();
      const tags = html.match(/<(script|style)\b[^>]*>/gi) ?? [];
      for (const tag of tags) expect(tag, path).toContain(`nonce="${nonce}"`);
      if (path !== "/")
        expect(
          tags.some((t) => t.startsWith("<script")),
          path,
        ).toBe(true);
    }
    expect((await fetch(`${server.baseUrl}/taskpane.html`)).headers.get("content-security-policy")).toContain(
      "https://appsforoffice.microsoft.com",
    );
  });

  test("a script injected into the page's HTML without the nonce does not run; the page's own does", {
    timeout: TIMEOUT,
  }, async () => {
    for (const path of ["/tab?persona=director", "/taskpane.html?sample=booking-enquiry"]) {
      const isolated = await newIsolatedPage(browser);
      const { page } = isolated;
      const w = await watch(page);
      try {
        // As if stored content had reached the HTML: the real response, its real headers, plus hostile markup.
        await page.route(`**${path.split("?")[0]}*`, async (route) => {
          const response = await route.fetch();
          const body = (await response.text()).replace(
            "<body>",
            `<body><script>console.log("${XSS_MARKER} inline")</script><script src="data:text/javascript,console.log('${XSS_MARKER}%20data')"></script><img src=x onerror="console.log('${XSS_MARKER} handler')">`,
          );
          await route.fulfill({ response, body });
        });
        await page.goto(`${server.baseUrl}${path}`);
        // The page's own bundle ran: React rendered.
        await page.locator("#root > *").first().waitFor({ timeout: 30_000 });
        await settle(page);
        w.executions.push(...(await hitsIn(page)));
        expect(w.executions, path).toEqual([]);
      } finally {
        await isolated.close();
      }
    }
    // The control: the same injection with the policy taken off does run, so the listeners would have seen it.
    const isolated = await newIsolatedPage(browser);
    try {
      const w = await watch(isolated.page);
      await isolated.page.route("**/tab*", async (route) => {
        const response = await route.fetch();
        const headers = { ...response.headers() };
        delete headers["content-security-policy"];
        const body = (await response.text()).replace(
          "<body>",
          `<body><script>console.log("${XSS_MARKER} control")</script>`,
        );
        await route.fulfill({ response, body, headers });
      });
      await isolated.page.goto(`${server.baseUrl}/tab?persona=director`);
      await isolated.page.locator("#root > *").first().waitFor({ timeout: 30_000 });
      expect(w.executions).toEqual([`console: ${XSS_MARKER} control`]);
    } finally {
      await isolated.close();
    }
  });
});
