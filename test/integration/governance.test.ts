/**
 * Governance over HTTP (issue 6 points 1–3 and the survey of point 7): learning required on every outcome, the
 * Operations Meeting's record, pack and .docx agenda filed to Directors/Complaints/Meetings/<date>/, improvement
 * actions, the Reports figures on known cases with known dates (bank holidays included), their CSV, the annual
 * report, and the public satisfaction survey answered once only.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { docxText } from "../support/docx-text.js";
import { startTestServer, type TestServer } from "../support/start-server.js";
import { GOV_UK_MISSING, govUkDates } from "../unit/calendar/gov-uk-bank-holidays.js";
import { api, download, type Json, makeEml, type Persona, postEml, tokenFor } from "./api-client.js";

const DAY = 86_400_000;
let server: TestServer;

const daysAgo = (days: number): string => new Date(Date.now() - days * DAY).toISOString();
const londonDate = (days = 0): string =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date(Date.now() - days * DAY));
const post = (persona: Persona, caseId: string, action: string, body?: unknown) =>
  api(server.baseUrl, persona, "POST", `/api/cases/${caseId}/${action}`, body);

function expectError(res: { status: number; body: Json }, status: number, code: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body).toMatchObject({ error: { code, message: expect.any(String) } });
}

async function ok(res: Promise<{ status: number; body: Json }>, status = 200): Promise<Json> {
  const answer = await res;
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return answer.body;
}

const triage = (over: Record<string, unknown> = {}) => ({
  category: "Assessment and marking",
  nature: "Marking and feedback.",
  serious: false,
  handlerId: "handler",
  interestConfirmed: true,
  ...Object.fromEntries(Object.entries(over).filter(([, v]) => v !== undefined)),
});

const outcome = (sentAt: string, over: Record<string, unknown> = {}) => ({
  result: "partly-upheld",
  reasons: "Marking was late; feedback has now been given.",
  method: "email",
  sentAt,
  rootCause: "resources-or-scheduling",
  lessonsLearned: "Cover marking when an assessor is away.",
  ...over,
});

/** An emailed complaint received at `receivedAt`, triaged to `handler` and acknowledged at `acknowledgedAt`. */
async function investigating(options: {
  receivedAt: string;
  acknowledgedAt: string;
  category?: string;
  serious?: boolean;
}): Promise<Json> {
  const logged = await postEml(server.baseUrl, "staff", makeEml({ subject: `Complaint ${crypto.randomUUID()}` }), {
    receivedAt: options.receivedAt,
    relationship: "learner",
  });
  expect(logged.status).toBe(201);
  const id = logged.body.case.id;
  await ok(post("ops-director", id, "triage", triage({ category: options.category, serious: options.serious })));
  return (await ok(post("handler", id, "acknowledge", { method: "email", sentAt: options.acknowledgedAt }))).case;
}

/** A complaint by post, received at `receivedAt`, triaged and acknowledged. */
async function postal(receivedAt: string, acknowledgedAt: string, category: string): Promise<Json> {
  const created = await ok(
    api(server.baseUrl, "ops-director", "POST", "/api/cases", {
      channel: "post",
      subject: `Letter ${crypto.randomUUID()}`,
      complainant: { name: "A. Parent", relationship: "parent-or-guardian" },
      receivedAt,
    }),
    201,
  );
  const id = created.case.id;
  await ok(post("ops-director", id, "triage", triage({ category })));
  return (await ok(post("handler", id, "acknowledge", { method: "post", sentAt: acknowledgedAt }))).case;
}

/** The survey link in a case's outcome letter (.docx), as the complainant receives it. */
async function surveyTokenFromLetter(caseId: string): Promise<string> {
  const detail = await ok(api(server.baseUrl, "ops-director", "GET", `/api/cases/${caseId}`));
  const letter = detail.case.documents.find((d: Json) => d.kind === "letter" && d.name.includes("outcome"));
  const text = await docxText((await download(server.baseUrl, "ops-director", letter.url)).bytes);
  const match = /\/survey\/([A-Za-z0-9_-]{43})/.exec(text);
  expect(match, text).not.toBeNull();
  return match?.[1] ?? "";
}

async function untilFiled(file: string): Promise<Buffer> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const bytes = await fs.readFile(file).catch(() => null);
    if (bytes) return bytes;
    if (Date.now() > deadline) throw new Error(`${file} was not filed within 15 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.stop();
});

describe("learning on every outcome", () => {
  test("an outcome without a root cause or lessons learned is refused and changes nothing", async () => {
    const c = await investigating({ receivedAt: daysAgo(20), acknowledgedAt: daysAgo(19) });
    const { rootCause: _r, ...noCause } = outcome(daysAgo(1));
    const missing = await post("handler", c.id, "outcome", noCause);
    expectError(missing, 422, "VALIDATION_FAILED");
    expect(missing.body.error.details.issues.map((i: Json) => i.path.join("."))).toContain("rootCause");
    expectError(
      await post("handler", c.id, "outcome", outcome(daysAgo(1), { lessonsLearned: "  " })),
      422,
      "VALIDATION_FAILED",
    );
    expectError(
      await post("handler", c.id, "outcome", outcome(daysAgo(1), { rootCause: "bad luck" })),
      422,
      "VALIDATION_FAILED",
    );
    expect((await ok(api(server.baseUrl, "handler", "GET", `/api/cases/${c.id}`))).case.stage).toBe("investigating");

    const sent = await ok(
      post("handler", c.id, "outcome", outcome(daysAgo(1), { rootCauseNote: "Assessor off sick." })),
    );
    expect(sent.case.outcome.learning).toEqual({
      rootCause: "resources-or-scheduling",
      rootCauseNote: "Assessor off sick.",
      lessonsLearned: "Cover marking when an assessor is away.",
    });
  });
});

describe("the Operations Meeting", () => {
  test("a meeting record, the pack since the previous meeting, the agenda filed, and the case shows the discussion", async () => {
    // The previous meeting: a month ago. An outcome before it, and one after it.
    const previous = await ok(
      api(server.baseUrl, "director", "POST", "/api/meetings", {
        meetingDate: londonDate(30),
        attendees: ["Daniel Morgan"],
      }),
      201,
    );
    expectError(
      await api(server.baseUrl, "director", "POST", "/api/meetings", { meetingDate: londonDate(30) }),
      422,
      "VALIDATION_FAILED",
    );
    const before = await investigating({ receivedAt: daysAgo(60), acknowledgedAt: daysAgo(59) });
    await ok(post("handler", before.id, "outcome", outcome(daysAgo(40))));
    const after = await investigating({ receivedAt: daysAgo(25), acknowledgedAt: daysAgo(24) });
    await ok(post("handler", after.id, "outcome", outcome(daysAgo(10), { result: "upheld" })));
    // Serious and still open; overdue (received long ago, never answered); an appeal.
    const serious = await investigating({ receivedAt: daysAgo(5), acknowledgedAt: daysAgo(4), serious: true });
    const overdue = await investigating({ receivedAt: daysAgo(45), acknowledgedAt: daysAgo(44) });
    await ok(
      post("ops-director", before.id, "appeal", {
        grounds: "The remedy is not enough.",
        boardMemberId: "board-member",
        receivedAt: daysAgo(3),
        lateReason: "The complainant was abroad.",
      }),
    );

    const next = await ok(api(server.baseUrl, "ops-director", "GET", "/api/meetings/pack"));
    const refs = (list: Json[]) => list.map((p) => p.reference);
    expect(next.pack.since).toBe(londonDate(30));
    expect(refs(next.pack.outcomes)).toContain(after.reference);
    expect(refs(next.pack.outcomes)).not.toContain(before.reference);
    expect(refs(next.pack.serious)).toContain(serious.reference);
    expect(refs(next.pack.overdue)).toContain(overdue.reference);
    expect(refs(next.pack.overdue)).not.toContain(serious.reference);
    expect(refs(next.pack.appeals)).toContain(before.reference);
    expect(refs(next.pack.awaitingDiscussion)).toContain(after.reference);
    const packed = next.pack.outcomes.find((p: Json) => p.reference === after.reference);
    expect(packed.outcome).toMatchObject({
      result: "upheld",
      lessonsLearned: "Cover marking when an assessor is away.",
    });
    // Nothing of the complainant travels in a pack.
    expect(JSON.stringify(next.pack)).not.toContain("jane.learner");

    // Today's meeting: the case is discussed there; its page says so.
    const today = await ok(
      api(server.baseUrl, "director", "POST", "/api/meetings", { meetingDate: londonDate(1) }),
      201,
    );
    const discussed = await ok(
      post("director", after.id, "meeting", { meetingId: today.meeting.id, notes: "Marking cover agreed." }),
    );
    expect(discussed.case.meetings).toEqual([
      expect.objectContaining({
        meetingId: today.meeting.id,
        meetingDate: londonDate(1),
        notes: "Marking cover agreed.",
      }),
    ]);
    const detail = await ok(api(server.baseUrl, "director", "GET", `/api/cases/${after.id}`));
    const longDate = new Intl.DateTimeFormat("en-GB", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    }).format(new Date(`${londonDate(1)}T12:00:00Z`));
    expect(detail.case.timeline.map((t: Json) => t.summary)).toContain(
      `Discussed at the Operations Meeting on ${longDate}.`,
    );

    const pack = await ok(api(server.baseUrl, "director", "GET", `/api/meetings/pack?meetingId=${today.meeting.id}`));
    expect(pack.pack.since).toBe(londonDate(30));
    expect(pack.pack.discussed.map((p: Json) => [p.reference, p.discussion.notes])).toEqual([
      [after.reference, "Marking cover agreed."],
    ]);
    // Each case in a pack is a read of that case, recorded.
    expect(previous.meeting.id).not.toBe(today.meeting.id);

    // The agenda: a .docx filed to Directors/Complaints/Meetings/<date>/.
    const agenda = await ok(api(server.baseUrl, "director", "POST", `/api/meetings/${today.meeting.id}/agenda`), 201);
    expect(agenda.document.folder).toBe(`Directors/Complaints/Meetings/${londonDate(1)}`);
    const text = await docxText((await download(server.baseUrl, "director", agenda.document.url)).bytes);
    expect(text).toContain("Outcomes since the last meeting");
    expect(text).toContain(after.reference);
    expect(text).toContain(serious.reference);
    expect(text).toContain(overdue.reference);
    expect(text).toContain("Helen Carter");
    const filed = await untilFiled(
      path.join(
        server.dataDir,
        "documents",
        "Directors",
        "Complaints",
        "Meetings",
        londonDate(1),
        agenda.document.name,
      ),
    );
    expect(await docxText(filed)).toBe(text);
    const meetings = await ok(api(server.baseUrl, "director", "GET", "/api/meetings"));
    expect(meetings.meetings[0].documents.map((d: Json) => d.name)).toEqual([agenda.document.name]);

    // Need to know: packs and meetings are for directors and the Operations Director.
    for (const persona of ["handler", "staff", "admin", "board-member"] as const) {
      expectError(await api(server.baseUrl, persona, "GET", "/api/meetings/pack"), 403, "FORBIDDEN");
    }
    expectError(await api(server.baseUrl, null, "GET", "/api/meetings"), 401, "UNAUTHENTICATED");
  });
});

describe("improvement actions", () => {
  test("owned, due, tracked to done; separate from a case's own actions", async () => {
    const c = await investigating({ receivedAt: daysAgo(8), acknowledgedAt: daysAgo(7) });
    const created = await ok(
      api(server.baseUrl, "director", "POST", "/api/improvement-actions", {
        description: "Publish marking turnaround times in the learner handbook.",
        ownerId: "handler",
        dueDate: londonDate(2),
        caseId: c.id,
      }),
      201,
    );
    expect(created.improvementAction).toMatchObject({ ownerName: "Helen Carter", done: false, overdue: true });
    expect((await ok(api(server.baseUrl, "director", "GET", `/api/cases/${c.id}`))).case.actions).toEqual([]);
    expectError(
      await api(server.baseUrl, "handler", "POST", "/api/improvement-actions", {
        description: "x",
        ownerId: "handler",
        dueDate: londonDate(),
      }),
      403,
      "FORBIDDEN",
    );
    expectError(
      await api(server.baseUrl, "director", "POST", "/api/improvement-actions", {
        description: "x",
        ownerId: "nobody",
        dueDate: londonDate(),
      }),
      422,
      "VALIDATION_FAILED",
    );
    // The owner sees their own and marks it done; another handler cannot.
    const mine = await ok(api(server.baseUrl, "handler", "GET", "/api/improvement-actions"));
    expect(mine.improvementActions.map((a: Json) => a.id)).toContain(created.improvementAction.id);
    expect((await ok(api(server.baseUrl, "handler-2", "GET", "/api/improvement-actions"))).improvementActions).toEqual(
      [],
    );
    const url = `/api/improvement-actions/${created.improvementAction.id}/complete`;
    expectError(await api(server.baseUrl, "handler-2", "POST", url, {}), 404, "NOT_FOUND");
    const done = await ok(api(server.baseUrl, "handler", "POST", url, { note: "Published on page 4." }));
    expect(done.improvementAction).toMatchObject({ done: true, doneNote: "Published on page 4.", overdue: false });
    expectError(await api(server.baseUrl, "handler", "POST", url, {}), 409, "ILLEGAL_TRANSITION");
  });
});

describe("the Reports figures, CSV, annual report and survey", () => {
  // Known cases in a period no other test uses (December 2025 to June 2026), around bank holidays.
  const FROM = "2025-12-01";
  const TO = "2026-06-30";
  const cases: Json[] = [];

  beforeAll(async () => {
    // 1. Received Monday 22 December 2025: Christmas Day, Boxing Day and New Year's Day do not count, so the
    //    response is due Thursday 8 January 2026 (10 working days). Acknowledged 23 December (due 24th): on time.
    //    Outcome 8 January: on time, 10 working days.
    const one = await investigating({
      receivedAt: "2025-12-22T10:00:00Z",
      acknowledgedAt: "2025-12-23T10:00:00Z",
    });
    await ok(post("handler", one.id, "outcome", outcome("2026-01-08T12:00:00Z", { result: "upheld" })));
    // 2. Received Thursday 2 April 2026, before Good Friday and Easter Monday: due Monday 20 April. Acknowledged
    //    Wednesday 8 April (due that day): on time. Outcome Tuesday 21 April: a day late, 11 working days.
    const two = await investigating({ receivedAt: "2026-04-02T10:00:00Z", acknowledgedAt: "2026-04-08T10:00:00Z" });
    await ok(post("handler", two.id, "outcome", outcome("2026-04-21T12:00:00Z", { rootCause: "communication" })));
    await ok(post("ops-director", two.id, "signpost", { awardingOrganisation: "NCFE" }));
    // 3. By post, received Friday 22 May 2026 before the spring bank holiday (25 May): acknowledgement due
    //    Wednesday 27 May, sent the 28th (late). Outcome Friday 29 May: 4 working days. Appealed and upheld.
    const three = await postal("2026-05-22T10:00:00Z", "2026-05-28T10:00:00Z", "Communication");
    await ok(
      post("handler", three.id, "outcome", outcome("2026-05-29T12:00:00Z", { result: "not-upheld", method: "post" })),
    );
    await ok(
      post("ops-director", three.id, "appeal", {
        grounds: "Not looked into.",
        boardMemberId: "board-member",
        receivedAt: "2026-06-01T10:00:00Z",
      }),
    );
    await ok(
      post("board-member", three.id, "appeal-decision", {
        result: "upheld",
        reasons: "The evidence was not considered.",
        method: "post",
        sentAt: "2026-06-05T12:00:00Z",
      }),
    );
    // 4. Not a complaint: redirected, counted apart.
    const four = await postEml(server.baseUrl, "staff", makeEml({ subject: "A question" }), {
      receivedAt: "2026-03-10T10:00:00Z",
    });
    await ok(
      post("ops-director", four.body.case.id, "redirect", { redirectAs: "not-a-complaint", reason: "A question." }),
    );
    cases.push(one, two, three);
  });

  test("the bank holidays the figures rely on are gov.uk's", () => {
    if (GOV_UK_MISSING) return;
    const holidays = [...govUkDates("england-and-wales", 2025), ...govUkDates("england-and-wales", 2026)];
    for (const d of ["2025-12-25", "2025-12-26", "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-25"]) {
      expect(holidays).toContain(d);
    }
  });

  test("every figure of the dashboard, for the period", async () => {
    const { figures } = await ok(
      api(server.baseUrl, "director", "GET", `/api/reports/dashboard?from=${FROM}&to=${TO}`),
    );
    expect(figures.period).toEqual({ from: FROM, to: TO });
    expect(figures.received).toBe(3);
    expect(figures.redirected).toBe(1);
    expect(figures.byMonth).toEqual([
      { month: "2025-12", count: 1 },
      { month: "2026-04", count: 1 },
      { month: "2026-05", count: 1 },
    ]);
    expect(figures.byCategory).toEqual([
      { category: "Assessment and marking", count: 2 },
      { category: "Communication", count: 1 },
    ]);
    expect(figures.byChannel).toEqual([
      { channel: "email", count: 2 },
      { channel: "post", count: 1 },
      { channel: "web", count: 0 },
    ]);
    expect(figures.acknowledgedOnTime).toEqual({ count: 2, of: 3, percent: 66.7 });
    expect(figures.answeredWithinTarget).toEqual({ count: 2, of: 3, percent: 66.7 });
    expect(figures.medianWorkingDaysToOutcome).toBe(10);
    expect(figures.outcomes).toEqual([
      { result: "upheld", count: 1 },
      { result: "partly-upheld", count: 1 },
      { result: "not-upheld", count: 1 },
    ]);
    expect(figures.appealRate).toEqual({ count: 1, of: 3, percent: 33.3 });
    expect(figures.overturnRate).toEqual({ count: 1, of: 1, percent: 100 });
    expect(figures.escalations).toEqual({ cases: 1, byAwardingOrganisation: [{ name: "NCFE", count: 1 }] });
    expect(figures.rootCauses).toEqual(
      expect.arrayContaining([
        { rootCause: "resources-or-scheduling", count: 2 },
        { rootCause: "communication", count: 1 },
      ]),
    );
    expect(figures.learningRecorded).toEqual({ count: 3, of: 3, percent: 100 });
    expect(figures.survey).toMatchObject({ invited: 3, responses: 0 });
    // Aggregates only: no reference, subject or name.
    const raw = JSON.stringify(figures);
    for (const c of cases) {
      expect(raw).not.toContain(c.reference);
      expect(raw).not.toContain(c.subject);
    }
    expectError(await api(server.baseUrl, "handler", "GET", "/api/reports/dashboard"), 403, "FORBIDDEN");
    expect((await api(server.baseUrl, "admin", "GET", "/api/reports/dashboard")).status).toBe(200);
    expectError(
      await api(server.baseUrl, "director", "GET", "/api/reports/dashboard?from=May"),
      422,
      "VALIDATION_FAILED",
    );
  });

  test("the survey: a link in the outcome letter, no sign-in, answered once; results on the dashboard", async () => {
    const token = await surveyTokenFromLetter(cases[0].id);
    const base = `/api/public/survey/${token}`;
    expect((await ok(api(server.baseUrl, null, "GET", base))).survey.answered).toBe(false);
    expectError(await api(server.baseUrl, null, "POST", base, { easeOfComplaining: 9 }), 422, "VALIDATION_FAILED");
    const answers = { easeOfComplaining: 4, keptInformed: 3, fairness: 5, onTime: "yes" };
    expect((await api(server.baseUrl, null, "POST", base, answers)).status).toBe(201);
    expectError(await api(server.baseUrl, null, "POST", base, { ...answers, fairness: 1 }), 409, "ILLEGAL_TRANSITION");
    expectError(await api(server.baseUrl, null, "GET", `/api/public/survey/${"x".repeat(43)}`), 404, "NOT_FOUND");

    // The page the letter links to: a plain form that posts back, and works once.
    const second = await surveyTokenFromLetter(cases[1].id);
    const page = await fetch(`${server.baseUrl}/survey/${second}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain("How easy was it to make your complaint?");
    expect(html).toContain('<html lang="en-GB">');
    const form = (body: string) =>
      fetch(`${server.baseUrl}/survey/${second}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
      });
    expect((await form("easeOfComplaining=2")).status).toBe(422);
    const sent = await form("easeOfComplaining=2&keptInformed=1&fairness=2&onTime=no");
    expect(sent.status).toBe(201);
    expect(await sent.text()).toContain("Your answers have been received");
    expect((await form("easeOfComplaining=5&keptInformed=5&fairness=5&onTime=yes")).status).toBe(409);

    const { figures } = await ok(
      api(server.baseUrl, "director", "GET", `/api/reports/dashboard?from=${FROM}&to=${TO}`),
    );
    expect(figures.survey).toEqual({
      invited: 3,
      responses: 2,
      responseRate: { count: 2, of: 3, percent: 66.7 },
      averages: { easeOfComplaining: 3, keptInformed: 2, fairness: 3.5 },
      onTime: { yes: 1, no: 1, notSure: 0 },
    });
  });

  test("the CSV of the figures", async () => {
    const res = await fetch(`${server.baseUrl}/api/reports/dashboard.csv?from=${FROM}&to=${TO}`, {
      headers: { authorization: `Bearer ${await tokenFor(server.baseUrl, "director")}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const lines = (await res.text()).split("\r\n");
    expect(lines[0]).toBe("section,measure,value,of,percent");
    expect(lines).toContain("volume,complaints received,3,,");
    expect(lines).toContain("timeliness,acknowledged on time,2,3,66.7");
    expect(lines).toContain("timeliness,answered within 10 working days,2,3,66.7");
    expect(lines).toContain("timeliness,median working days to outcome,10,,");
    expect(lines).toContain("appeals,overturn rate (appeals upheld in whole or part),1,1,100");
    expect(lines).toContain("by channel,Post,1,,");
  });

  test("the annual report for the Board, with a self-assessment against each aim, filed", async () => {
    const made = await ok(api(server.baseUrl, "director", "POST", "/api/reports/annual", { from: FROM, to: TO }), 201);
    expect(made.document.folder).toBe("Directors/Complaints/Reports");
    const text = await docxText((await download(server.baseUrl, "director", made.document.url)).bytes);
    expect(text).toContain("Annual complaints report to the Board");
    expect(text).toContain("Self-assessment against the aims of the policy");
    for (const aim of [
      "To provide a fair complaints procedure which is clear and easy to use",
      "To publicise the existence of our complaints procedure",
      "To make sure everyone at CMS knows what to do if a complaint is received",
      "To make sure all complaints are investigated fairly and in a timely way",
      "To make sure that complaints are, wherever possible, resolved and that relationships are repaired",
      "To gather information which helps us to improve what we do",
    ]) {
      expect(text).toContain(aim);
    }
    // 66.7% answered in time is under the 75% line: not met; the Board judges publicity itself.
    expect(text).toContain("Answered within 10 working days: 66.7% (2 of 3).");
    expect(text).toContain("Rating: Not met.");
    expect(text).toContain("Rating: For the Board to judge.");
    for (const c of cases) expect(text).not.toContain(c.reference);
    await untilFiled(path.join(server.dataDir, "documents", "Directors", "Complaints", "Reports", made.document.name));
    expectError(await api(server.baseUrl, "admin", "POST", "/api/reports/annual", {}), 403, "FORBIDDEN");
  });
});

// Last: its meeting (today) would otherwise be "the last meeting" of the packs above.
describe("serious complaints (policy 2.1)", () => {
  test("every director's response before the outcome; the minutes linked through the meeting record before closing", async () => {
    const c = await investigating({ receivedAt: daysAgo(30), acknowledgedAt: daysAgo(29), serious: true });
    const refused = await post("handler", c.id, "outcome", outcome(daysAgo(25)));
    expectError(refused, 409, "GUARD_NOT_MET");
    expect(refused.body.error.details.directorsNotConsulted).toEqual(
      expect.arrayContaining(["director", "director-2"]),
    );
    await ok(post("director", c.id, "directors-consulted", { response: "Agree." }));
    // The Operations Director may record the other director's response on their behalf.
    await ok(
      post("ops-director", c.id, "directors-consulted", { response: "Agree, by phone.", directorId: "director-2" }),
    );
    await ok(post("handler", c.id, "outcome", outcome(daysAgo(25))));
    await ok(post("ops-director", c.id, "board-informed", {}));
    const meeting = await ok(
      api(server.baseUrl, "director", "POST", "/api/meetings", { meetingDate: londonDate() }),
      201,
    );
    await ok(post("director", c.id, "meeting", { meetingId: meeting.meeting.id, notes: "Serious case discussed." }));
    const unminuted = await post("director", c.id, "close", {});
    expectError(unminuted, 409, "GUARD_NOT_MET");
    expect(unminuted.body.error.details.unmet).toEqual(["serious-complaint-minuted"]);
    const minutes = await ok(
      api(
        server.baseUrl,
        "director",
        "POST",
        `/api/cases/${c.id}/documents?name=minutes.txt&kind=minutes`,
        "Full details.",
        {
          contentType: "text/plain",
        },
      ),
      201,
    );
    const linked = await ok(
      post("director", c.id, "meeting", {
        meetingId: meeting.meeting.id,
        notes: "Full details in the minutes.",
        minutesDocumentId: minutes.document.id,
      }),
    );
    // The same meeting again: its record is replaced, not duplicated.
    expect(linked.case.meetings).toHaveLength(1);
    expect((await ok(post("director", c.id, "close", {}))).case.stage).toBe("closed");
  });
});
