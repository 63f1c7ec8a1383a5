/**
 * Shared by the Teams tab's browser tests: open the tab as a persona, find the case, take a step through its dialog,
 * check accessibility. Personas sign in through the API (the tab's persona picker, `?persona=`).
 */
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { api, type Persona } from "../integration/api-client.js";
import { newIsolatedPage } from "../support/browser.js";
import { collectPageErrors, seriousAccessibilityProblems, useServerAndBrowser } from "./browser-helpers.js";

export { collectPageErrors, seriousAccessibilityProblems };

/** The tab as `persona`, on the board or on one case's page. */
export async function openTab(
  page: Page,
  baseUrl: string,
  persona: Persona,
  options: { caseId?: string; theme?: "default" | "dark" | "contrast" } = {},
): Promise<void> {
  const url = new URL("/tab", baseUrl);
  url.searchParams.set("persona", persona);
  if (options.caseId) url.searchParams.set("case", options.caseId);
  if (options.theme) url.searchParams.set("theme", options.theme);
  await page.goto(url.href);
  if (options.caseId) await page.getByTestId("next-step").waitFor({ timeout: 15_000 });
  else {
    await page.getByRole("heading", { level: 1, name: "Complaints case board" }).waitFor({ timeout: 15_000 });
    // The board's first paint (plain HTML, board-preview.ts) has the same heading; the tests work on the React board.
    await page.locator("[data-first-paint]").waitFor({ state: "detached", timeout: 15_000 });
  }
}

/** Opens a step's dialog from the case page's toolbar; checks it for accessibility problems. */
export async function openStep(page: Page, label: string, options: { axe?: boolean } = {}): Promise<Locator> {
  await page
    .getByRole("toolbar", { name: "Steps you can take" })
    .getByRole("button", { name: label, exact: true })
    .click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  if (options.axe !== false) expect(await seriousAccessibilityProblems(page), `${label} dialog`).toEqual([]);
  return dialog;
}

/** Submits a dialog and waits until it closed and the case page shows the new state. */
export async function submitStep(dialog: Locator, button: string): Promise<void> {
  await dialog.getByRole("button", { name: button, exact: true }).click();
  await dialog.waitFor({ state: "detached", timeout: 15_000 });
}

/** A letter step: preview first (the letter's text must contain `expectInLetter`), then send. */
export async function previewAndSend(dialog: Locator, sendLabel: string, expectInLetter: RegExp[]): Promise<string> {
  await dialog.getByRole("button", { name: "Preview letter" }).click();
  const preview = dialog.getByTestId("letter-preview");
  await preview.waitFor({ timeout: 15_000 });
  const text = (await preview.textContent()) ?? "";
  for (const pattern of expectInLetter) expect(text).toMatch(pattern);
  await submitStep(dialog, sendLabel);
  return text;
}

export async function stageShown(page: Page): Promise<string> {
  return ((await page.getByTestId("stage-badge").textContent()) ?? "").trim();
}

/** The buttons the case page offers this person. */
export async function stepButtons(page: Page): Promise<string[]> {
  const toolbar = page.getByRole("toolbar", { name: "Steps you can take" });
  if ((await toolbar.count()) === 0) return [];
  return (await toolbar.getByRole("button").allTextContents()).map((t) => t.trim());
}

/** An HTML complaint email, as Outlook would hand it over. */
export function htmlComplaintEml(options: { subject: string; fromName: string; html: string; text: string }): Buffer {
  const boundary = `b-${crypto.randomUUID()}`;
  return Buffer.from(
    [
      `From: ${options.fromName} <${options.fromName.toLowerCase().replace(/\s+/g, ".")}@example.org>`,
      "To: info@cmsvoc.example",
      `Subject: ${options.subject}`,
      `Date: ${new Date().toUTCString().replace("GMT", "+0000")}`,
      `Message-ID: <${crypto.randomUUID()}@example.org>`,
      "MIME-Version: 1.0",
      `Content-Type: multipart/alternative; boundary="${boundary}"`,
      "",
      `--${boundary}`,
      "Content-Type: text/plain; charset=utf-8",
      "",
      options.text,
      `--${boundary}`,
      "Content-Type: text/html; charset=utf-8",
      "",
      options.html,
      `--${boundary}--`,
      "",
    ].join("\r\n"),
  );
}

/** A case straight through the API, for tests that start mid-procedure. */
export async function postalCase(
  baseUrl: string,
  options: { subject: string; name: string; receivedAt?: string },
): Promise<{ id: string; reference: string }> {
  const res = await api(baseUrl, "ops-director", "POST", "/api/cases", {
    channel: "post",
    subject: options.subject,
    summary: "Typed in from a letter.",
    complainant: { name: options.name, email: null, relationship: "learner" },
    ...(options.receivedAt ? { receivedAt: options.receivedAt } : {}),
  });
  if (res.status !== 201) throw new Error(`Could not create a case: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.case.id, reference: res.body.case.reference };
}

/** The accessible name of the focused element (its label), for keyboard-only tests. */
export async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return "";
    const ids = el.getAttribute("aria-labelledby");
    if (ids) {
      return ids
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" ")
        .trim();
    }
    const label = (el as HTMLInputElement).labels?.[0]?.textContent;
    return (label ?? el.getAttribute("aria-label") ?? el.textContent ?? "").trim();
  });
}

/** Presses Tab until the focused control's name starts with `name` (keyboard only, as a person would). */
export async function tabTo(page: Page, name: string, maxPresses = 40): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if ((await focusedName(page)).startsWith(name)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tabbing never reached "${name}"; focus is on "${await focusedName(page)}"`);
}

/** One step through the API as `persona`; fails the test on any refusal. */
export async function step(
  baseUrl: string,
  persona: Persona,
  caseId: string,
  action: string,
  body: unknown,
): Promise<void> {
  const res = await api(baseUrl, persona, "POST", `/api/cases/${caseId}/${action}`, body);
  if (res.status !== 200) throw new Error(`${action} as ${persona}: ${res.status} ${JSON.stringify(res.body)}`);
}

export const TRIAGE = {
  category: "Assessment and marking",
  nature: "Assessment marked late.",
  serious: false,
  handlerId: "handler",
  interestConfirmed: true,
  awardingOrganisation: "NCFE",
};

const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString();

/**
 * A case whose outcome went out long ago and which was then closed: the appeal window has passed, so an appeal now
 * is late. Dates are back-dated through the API as a handler records post in embedded mode.
 */
export async function closedLongAgo(baseUrl: string, name: string): Promise<{ id: string; reference: string }> {
  const c = await postalCase(baseUrl, { subject: "Certificate never arrived", name, receivedAt: daysAgo(60) });
  await step(baseUrl, "ops-director", c.id, "triage", TRIAGE);
  await step(baseUrl, "handler", c.id, "acknowledge", { method: "post", sentAt: daysAgo(59) });
  await step(baseUrl, "handler", c.id, "outcome", {
    result: "upheld",
    reasons: "The certificate was re-ordered.",
    method: "post",
    rootCause: "awarding-organisation",
    lessonsLearned: "Chase certificates after 20 working days.",
    sentAt: daysAgo(45),
  });
  await step(baseUrl, "ops-director", c.id, "board-informed", {});
  await step(baseUrl, "ops-director", c.id, "meeting", { meetingDate: daysAgo(1).slice(0, 10), notes: "Noted." });
  await step(baseUrl, "ops-director", c.id, "close", {});
  return c;
}

/**
 * One server and one browser for a describe block, and `withPage` giving each test a fresh isolated page (1366×900,
 * 15 s default timeout) that is closed afterwards, whatever happens.
 */
export function useTabBrowser(): (work: (page: Page, baseUrl: string) => Promise<void>) => Promise<void> {
  const started = useServerAndBrowser();
  return async (work) => {
    const { server, browser } = started();
    const isolated = await newIsolatedPage(browser);
    isolated.page.setDefaultTimeout(15_000);
    await isolated.page.setViewportSize({ width: 1366, height: 900 });
    try {
      await work(isolated.page, server.baseUrl);
    } finally {
      await isolated.close();
    }
  };
}
