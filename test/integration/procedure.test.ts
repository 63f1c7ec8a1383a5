/**
 * The procedure over HTTP (DESIGN.md §2 and §4), each step by the persona whose job it is: from intake to closed,
 * serious complaints, appeals in time and late, redirects, withdrawals, and the errors a client can cause.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestServer, type TestServer } from "../support/start-server.js";
import { api, download, type Json, makeEml, type Persona, postEml } from "./api-client.js";

const DAY = 86_400_000;
let server: TestServer;

const daysAgo = (days: number): string => new Date(Date.now() - days * DAY).toISOString();
/** A calendar date in Europe/London, `days` before today. */
const londonDate = (days = 0): string =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date(Date.now() - days * DAY));

const post = (persona: Persona, caseId: string, action: string, body?: unknown) =>
  api(server.baseUrl, persona, "POST", `/api/cases/${caseId}/${action}`, body);

async function getCase(caseId: string, persona: Persona = "ops-director"): Promise<Json> {
  const res = await api(server.baseUrl, persona, "GET", `/api/cases/${caseId}`);
  expect(res.status).toBe(200);
  return res.body.case;
}

/** A new complaint logged by `persona` from an email received `receivedDaysAgo` days ago. */
async function logCase(options: { persona?: Persona; receivedDaysAgo?: number } = {}): Promise<Json> {
  const res = await postEml(
    server.baseUrl,
    options.persona ?? "staff",
    makeEml({ subject: `Complaint ${crypto.randomUUID()}` }),
    { receivedAt: daysAgo(options.receivedDaysAgo ?? 40), relationship: "learner" },
  );
  expect(res.status).toBe(201);
  return res.body.case;
}

const triageBody = (over: Record<string, unknown> = {}) => ({
  category: "Teaching and assessment",
  nature: "The learner says their assessment was marked late and without feedback.",
  serious: false,
  handlerId: "handler",
  interestConfirmed: true,
  ...over,
});

const outcomeBody = (sentAt: string) => ({
  result: "partly-upheld",
  reasons: "The assessment was marked late; feedback has now been given and marking times are being reviewed.",
  remedy: "An apology and a review of marking times.",
  method: "email",
  rootCause: "resources-or-scheduling",
  lessonsLearned: "Marking needs cover when an assessor is away.",
  sentAt,
});

/** Logged, triaged (to `handler`) and acknowledged: stage investigating. */
async function investigatingCase(options: { serious?: boolean; receivedDaysAgo?: number } = {}): Promise<Json> {
  const c = await logCase({ receivedDaysAgo: options.receivedDaysAgo });
  expect((await post("ops-director", c.id, "triage", triageBody({ serious: options.serious ?? false }))).status).toBe(
    200,
  );
  const ack = await post("handler", c.id, "acknowledge", {
    method: "email",
    sentAt: daysAgo((options.receivedDaysAgo ?? 40) - 1),
  });
  expect(ack.status).toBe(200);
  return ack.body.case;
}

function expectError(res: { status: number; body: Json }, status: number, code: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body).toMatchObject({ error: { code, message: expect.any(String) } });
}

/** Uploads a file to the case as `persona`; answers the new document. */
async function upload(persona: Persona, caseId: string, name: string, kind: string, text: string): Promise<Json> {
  const res = await api(
    server.baseUrl,
    persona,
    "POST",
    `/api/cases/${caseId}/documents?name=${encodeURIComponent(name)}&kind=${kind}`,
    text,
    { contentType: "text/plain" },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.document;
}

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.stop();
});

describe("a complaint from intake to closed", () => {
  let closedCaseId = "";

  test("each step by the persona whose job it is", async () => {
    // Staff log it.
    const logged = await logCase();
    expect(logged.stage).toBe("received");
    expect(logged.view).toBe("status");

    // The Operations Director triages it to a handler.
    const triaged = await post("ops-director", logged.id, "triage", triageBody());
    expect(triaged.status).toBe(200);
    expect(triaged.body.case.stage).toBe("triaged");
    expect(triaged.body.case.triage).toMatchObject({ handlerId: "handler", serious: false });

    // The handler acknowledges it.
    const acknowledged = await post("handler", logged.id, "acknowledge", { method: "email", sentAt: daysAgo(39) });
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.case.stage).toBe("investigating");
    expect(acknowledged.body.case.acknowledgement).toMatchObject({ method: "email", by: "handler" });

    // Agrees an action and completes it.
    const added = await post("handler", logged.id, "actions", {
      description: "Give written feedback on the assessment.",
      dueDate: londonDate(35),
    });
    expect(added.status).toBe(200);
    expect(added.body.case.actions).toHaveLength(1);
    const action = added.body.case.actions[0];
    expect(action).toMatchObject({ ownerId: "handler", completedAt: null });
    const completed = await post("handler", logged.id, `actions/${action.id}/complete`, { note: "Feedback sent." });
    expect(completed.status).toBe(200);
    expect(completed.body.case.actions[0]).toMatchObject({ id: action.id, completedBy: "handler" });
    expect(completed.body.case.actions[0].completedAt).toEqual(expect.any(String));
    // Completing it twice is not a step of the procedure.
    expectError(await post("handler", logged.id, `actions/${action.id}/complete`, {}), 409, "ILLEGAL_TRANSITION");

    // Uploads evidence.
    const notes = "Call with the learner on Tuesday: they confirmed the dates.\n";
    const evidence = await upload("handler", logged.id, "notes.txt", "evidence", notes);
    expect(evidence).toMatchObject({ name: "notes.txt", kind: "evidence", size: Buffer.byteLength(notes) });
    const withEvidence = await getCase(logged.id, "handler");
    const listed = withEvidence.documents.find((d: Json) => d.id === evidence.id);
    expect(listed).toMatchObject({ kind: "evidence", name: "notes.txt" });
    const got = await download(server.baseUrl, "handler", listed.url);
    expect(got.status).toBe(200);
    expect(got.bytes.toString("utf8")).toBe(notes);

    // Records the outcome, sent by email 30 days ago: the appeal window has passed.
    const outcome = await post("handler", logged.id, "outcome", outcomeBody(daysAgo(30)));
    expect(outcome.status).toBe(200);
    expect(outcome.body.case.stage).toBe("outcome-sent");
    expect(outcome.body.case.outcome.appealDeadline < londonDate()).toBe(true);

    // Not closable yet: the Board has not been told and no meeting is recorded. Each unmet guard is named.
    const early = await post("ops-director", logged.id, "close", {});
    expectError(early, 409, "GUARD_NOT_MET");
    expect(early.body.error.details.unmet).toEqual(
      expect.arrayContaining(["board-informed-of-final-outcome", "discussed-at-operations-meeting"]),
    );
    expect(early.body.error.details.unmet).not.toContain("appeal-window-passed-or-appeal-decided");

    // The Operations Director records the Board informed and the meeting, then closes it.
    expect((await post("ops-director", logged.id, "board-informed", {})).status).toBe(200);
    const meeting = await post("ops-director", logged.id, "meeting", {
      meetingDate: londonDate(1),
      notes: "Discussed: marking times to be reviewed.",
    });
    expect(meeting.status).toBe(200);
    expect(meeting.body.case.closeGuardsUnmet).toEqual([]);
    const closed = await post("ops-director", logged.id, "close", { note: "Resolved." });
    expect(closed.status).toBe(200);
    expect(closed.body.case.stage).toBe("closed");
    expect(closed.body.case.closure).toMatchObject({ kind: "resolved", by: "ops-director" });

    // The history records every step, and staff still see only its status.
    const final = await getCase(logged.id);
    const kinds = final.timeline.map((t: Json) => t.kind);
    for (const kind of ["logged", "triaged", "acknowledged", "outcome-sent", "closed"]) expect(kinds).toContain(kind);
    const asStaff = await getCase(logged.id, "staff");
    expect(asStaff).toMatchObject({ stage: "closed", view: "status" });
    expect(asStaff.subject).toBeUndefined();
    closedCaseId = logged.id;
  });

  test("closing is refused while the appeal window is open", async () => {
    const c = await investigatingCase();
    expect((await post("handler", c.id, "outcome", outcomeBody(daysAgo(0)))).status).toBe(200);
    expect((await post("ops-director", c.id, "board-informed", {})).status).toBe(200);
    expect((await post("ops-director", c.id, "meeting", { meetingDate: londonDate(), notes: "Noted." })).status).toBe(
      200,
    );
    const refused = await post("ops-director", c.id, "close", {});
    expectError(refused, 409, "GUARD_NOT_MET");
    expect(refused.body.error.details.unmet).toEqual(["appeal-window-passed-or-appeal-decided"]);
    expect((await getCase(c.id)).stage).toBe("outcome-sent");
  });

  test("a late appeal after closure needs a reason, then reopens the case at stage appeal", async () => {
    expect(closedCaseId).not.toBe("");
    const noReason = await post("ops-director", closedCaseId, "appeal", {
      grounds: "I only saw the outcome letter now.",
      boardMemberId: "board-member",
    });
    expectError(noReason, 422, "VALIDATION_FAILED");
    expect(noReason.body.error.details.issues.map((i: Json) => i.path.join("."))).toContain("lateReason");
    expect((await getCase(closedCaseId)).stage).toBe("closed");

    const late = await post("ops-director", closedCaseId, "appeal", {
      grounds: "I only saw the outcome letter now.",
      boardMemberId: "board-member",
      lateReason: "The complainant was in hospital when the outcome was sent.",
    });
    expect(late.status).toBe(200);
    expect(late.body.case.stage).toBe("appeal");
    expect(late.body.case.appeal).toMatchObject({
      inTime: false,
      reopened: true,
      boardMemberId: "board-member",
      lateReason: "The complainant was in hospital when the outcome was sent.",
    });
    expect(late.body.case.appeal.responseDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(late.body.case.closure).toBeNull();
    // The board member it is assigned to now sees it.
    expect((await getCase(closedCaseId, "board-member")).stage).toBe("appeal");
  });
});

describe("a serious complaint", () => {
  test("the outcome waits for both directors; closing waits for minutes linked to a meeting", async () => {
    const c = await investigatingCase({ serious: true });
    expect(c.triage.serious).toBe(true);

    const none = await post("handler", c.id, "outcome", outcomeBody(daysAgo(30)));
    expectError(none, 409, "GUARD_NOT_MET");
    expect(none.body.error.details.unmet).toContain("directors-consulted");
    expect(none.body.error.details.directorsNotConsulted).toEqual(expect.arrayContaining(["director", "director-2"]));

    const first = await post("director", c.id, "directors-consulted", { response: "Agree with the proposed outcome." });
    expect(first.status).toBe(200);
    expect(first.body.case.consultations.map((r: Json) => r.directorId)).toEqual(["director"]);
    const one = await post("handler", c.id, "outcome", outcomeBody(daysAgo(30)));
    expectError(one, 409, "GUARD_NOT_MET");
    expect(one.body.error.details.directorsNotConsulted).toEqual(["director-2"]);
    // A director may not record another director's response.
    expectError(
      await post("director", c.id, "directors-consulted", { response: "On her behalf.", directorId: "director-2" }),
      403,
      "FORBIDDEN",
    );

    expect((await post("director-2", c.id, "directors-consulted", { response: "Agreed." })).status).toBe(200);
    const sent = await post("handler", c.id, "outcome", outcomeBody(daysAgo(30)));
    expect(sent.status).toBe(200);
    expect(sent.body.case.stage).toBe("outcome-sent");

    expect((await post("ops-director", c.id, "board-informed", {})).status).toBe(200);
    expect(
      (await post("ops-director", c.id, "meeting", { meetingDate: londonDate(2), notes: "Serious case discussed." }))
        .status,
    ).toBe(200);
    const unminuted = await post("ops-director", c.id, "close", {});
    expectError(unminuted, 409, "GUARD_NOT_MET");
    expect(unminuted.body.error.details.unmet).toEqual(["serious-complaint-minuted"]);

    // A meeting may only link a minutes document of this case.
    const evidence = await upload("ops-director", c.id, "call.txt", "evidence", "Not minutes.");
    expectError(
      await post("ops-director", c.id, "meeting", {
        meetingDate: londonDate(1),
        notes: "Full details.",
        minutesDocumentId: evidence.id,
      }),
      422,
      "VALIDATION_FAILED",
    );

    const minutes = await upload("ops-director", c.id, "minutes.txt", "minutes", "Operations Meeting minutes: ...");
    expect(minutes.kind).toBe("minutes");
    const minuted = await post("ops-director", c.id, "meeting", {
      meetingDate: londonDate(1),
      notes: "Full details recorded in the minutes.",
      minutesDocumentId: minutes.id,
    });
    expect(minuted.status).toBe(200);
    const closed = await post("director", c.id, "close", {});
    expect(closed.status).toBe(200);
    expect(closed.body.case.stage).toBe("closed");
  });
});

describe("an appeal in time", () => {
  test("recorded, decided by the board member, the Board informed of the decision, then closed", async () => {
    const c = await investigatingCase();
    expect((await post("handler", c.id, "outcome", outcomeBody(daysAgo(2)))).status).toBe(200);
    expect((await post("ops-director", c.id, "board-informed", {})).status).toBe(200);
    expect((await post("ops-director", c.id, "meeting", { meetingDate: londonDate(), notes: "Noted." })).status).toBe(
      200,
    );

    const appeal = await post("ops-director", c.id, "appeal", {
      grounds: "The remedy does not go far enough.",
      boardMemberId: "board-member",
    });
    expect(appeal.status).toBe(200);
    expect(appeal.body.case.stage).toBe("appeal");
    expect(appeal.body.case.appeal).toMatchObject({ inTime: true, reopened: false, boardMemberId: "board-member" });

    // Only the board member assigned decides it.
    expectError(
      await post("board-member-2", c.id, "appeal-decision", { result: "upheld", reasons: "x", method: "email" }),
      404,
      "NOT_FOUND",
    );
    const decided = await post("board-member", c.id, "appeal-decision", {
      result: "not-upheld",
      reasons: "The remedy offered was proportionate.",
      method: "email",
    });
    expect(decided.status).toBe(200);
    expect(decided.body.case.stage).toBe("appeal-decided");
    expect(decided.body.case.appealDecision).toMatchObject({ result: "not-upheld", by: "board-member" });

    // The Board was told of the outcome, but not yet of the appeal decision: the final outcome.
    const early = await post("ops-director", c.id, "close", {});
    expectError(early, 409, "GUARD_NOT_MET");
    expect(early.body.error.details.unmet).toEqual(["board-informed-of-final-outcome"]);

    const informed = await post("ops-director", c.id, "board-informed", { note: "Appeal decision reported." });
    expect(informed.status).toBe(200);
    expect(informed.body.case.boardInformed.map((b: Json) => b.of)).toEqual(["outcome", "appeal-decision"]);
    const closed = await post("ops-director", c.id, "close", {});
    expect(closed.status).toBe(200);
    expect(closed.body.case.stage).toBe("closed");

    // A decided appeal is not appealed again, even late.
    expectError(
      await post("ops-director", c.id, "appeal", {
        grounds: "Again.",
        boardMemberId: "board-member-2",
        lateReason: "Still unhappy.",
      }),
      409,
      "ILLEGAL_TRANSITION",
    );
  });
});

describe("closing without the full procedure", () => {
  test("redirected as a staff grievance, the case closes", async () => {
    const c = await logCase();
    const res = await post("ops-director", c.id, "redirect", {
      redirectAs: "staff-grievance",
      reason: "This is a grievance between colleagues.",
    });
    expect(res.status).toBe(200);
    expect(res.body.case.stage).toBe("closed");
    expect(res.body.case.closure).toMatchObject({ kind: "redirected", redirectedAs: "staff-grievance" });
  });

  test("withdrawn by the complainant, the case closes", async () => {
    const c = await investigatingCase();
    const res = await post("handler", c.id, "withdraw", { reason: "The learner withdrew it by phone." });
    expect(res.status).toBe(200);
    expect(res.body.case.stage).toBe("closed");
    expect(res.body.case.closure).toMatchObject({ kind: "withdrawn", reason: "The learner withdrew it by phone." });
    expectError(await post("handler", c.id, "withdraw", { reason: "Again." }), 409, "ILLEGAL_TRANSITION");
  });

  test("a signpost to the awarding organisation is recorded on a case with an outcome", async () => {
    const c = await investigatingCase();
    expectError(
      await post("handler", c.id, "signpost", { awardingOrganisation: "City & Guilds" }),
      409,
      "ILLEGAL_TRANSITION",
    );
    expect((await post("handler", c.id, "outcome", outcomeBody(daysAgo(1)))).status).toBe(200);
    const res = await post("handler", c.id, "signpost", {
      awardingOrganisation: "City & Guilds",
      contact: "complaints@example.org",
    });
    expect(res.status).toBe(200);
    expect(res.body.case.signposts).toHaveLength(1);
    expect(res.body.case.stage).toBe("outcome-sent");
  });
});

describe("illegal transitions answer 409 ILLEGAL_TRANSITION", () => {
  test("acknowledge before triage, outcome on triaged, close on investigating, triage twice", async () => {
    const received = await logCase();
    // Before triage no handler is assigned: the handler cannot see the case at all (404, not 409).
    expectError(await post("handler", received.id, "acknowledge", { method: "email" }), 404, "NOT_FOUND");
    expectError(await post("ops-director", received.id, "close", {}), 409, "ILLEGAL_TRANSITION");
    expectError(await post("ops-director", received.id, "board-informed", {}), 409, "ILLEGAL_TRANSITION");

    expect((await post("ops-director", received.id, "triage", triageBody())).status).toBe(200);
    expectError(await post("ops-director", received.id, "triage", triageBody()), 409, "ILLEGAL_TRANSITION");
    const outcome = await post("handler", received.id, "outcome", outcomeBody(daysAgo(1)));
    expectError(outcome, 409, "ILLEGAL_TRANSITION");
    expect(outcome.body.error.details).toMatchObject({ stage: "triaged", action: "outcome" });

    expect((await post("handler", received.id, "acknowledge", { method: "post", sentAt: daysAgo(39) })).status).toBe(
      200,
    );
    expectError(await post("handler", received.id, "acknowledge", { method: "email" }), 409, "ILLEGAL_TRANSITION");
    expectError(await post("ops-director", received.id, "close", {}), 409, "ILLEGAL_TRANSITION");
    expectError(
      await post("board-member", received.id, "appeal-decision", { result: "upheld", reasons: "x", method: "email" }),
      404,
      "NOT_FOUND",
    );
    expect((await getCase(received.id)).stage).toBe("investigating");
  });
});

describe("validation", () => {
  let caseId = "";
  beforeAll(async () => {
    caseId = (await logCase()).id;
  });

  const paths = (body: Json): string[] => body.error.details.issues.map((i: Json) => i.path.join("."));

  test("missing fields are each listed in details.issues", async () => {
    const res = await post("ops-director", caseId, "triage", {});
    expectError(res, 422, "VALIDATION_FAILED");
    expect(paths(res.body)).toEqual(
      expect.arrayContaining(["category", "nature", "serious", "handlerId", "interestConfirmed"]),
    );
    for (const issue of res.body.error.details.issues) expect(issue.message).toEqual(expect.any(String));
  });

  test("an unknown field is refused", async () => {
    const res = await post("ops-director", caseId, "triage", triageBody({ priority: "high" }));
    expectError(res, 422, "VALIDATION_FAILED");
  });

  test("a bad date format is refused", async () => {
    const c = await investigatingCase();
    const res = await post("handler", c.id, "actions", { description: "Call the learner.", dueDate: "25/12/2026" });
    expectError(res, 422, "VALIDATION_FAILED");
    expect(paths(res.body)).toEqual(["dueDate"]);
    const instant = await post("handler", c.id, "outcome", { ...outcomeBody(daysAgo(1)), sentAt: "yesterday" });
    expectError(instant, 422, "VALIDATION_FAILED");
    expect(paths(instant.body)).toEqual(["sentAt"]);
  });

  test("an unknown handler, or someone who is not a handler, is refused", async () => {
    for (const handlerId of ["nobody-at-all", "staff", "board-member"]) {
      const res = await post("ops-director", caseId, "triage", triageBody({ handlerId }));
      expectError(res, 422, "VALIDATION_FAILED");
      expect(paths(res.body)).toEqual(["handlerId"]);
    }
    expect((await getCase(caseId)).stage).toBe("received");
  });

  test("an outcome sent before the complaint was received is refused", async () => {
    const c = await investigatingCase({ receivedDaysAgo: 10 });
    const res = await post("handler", c.id, "outcome", outcomeBody(daysAgo(20)));
    expectError(res, 422, "VALIDATION_FAILED");
    expect(paths(res.body)).toEqual(["sentAt"]);
  });

  test("conflicts of interest: the handler named in the complaint, or its logger named in it", async () => {
    const about = await post("ops-director", caseId, "triage", triageBody({ aboutPersonIds: ["handler"] }));
    expectError(about, 422, "CONFLICT_OF_INTEREST");

    const loggedByHandler = await logCase({ persona: "handler-2" });
    const named = await post(
      "ops-director",
      loggedByHandler.id,
      "triage",
      triageBody({ handlerId: "handler-2", loggerNamedInComplaint: true }),
    );
    expectError(named, 422, "CONFLICT_OF_INTEREST");
    // Not named: they may handle what they logged.
    expect(
      (await post("ops-director", loggedByHandler.id, "triage", triageBody({ handlerId: "handler-2" }))).status,
    ).toBe(200);
  });

  test("the handler cannot decide the appeal", async () => {
    const c = await investigatingCase();
    expect((await post("handler", c.id, "outcome", outcomeBody(daysAgo(1)))).status).toBe(200);
    // No persona is both handler and board member, so the handler is refused for not being a board member; a person
    // holding both roles would get CONFLICT_OF_INTEREST (checked in the domain's unit tests).
    const res = await post("ops-director", c.id, "appeal", { grounds: "Unfair.", boardMemberId: "handler" });
    expect(res.status).toBe(422);
    expect(["CONFLICT_OF_INTEREST", "VALIDATION_FAILED"]).toContain(res.body.error.code);
    expect((await getCase(c.id)).stage).toBe("outcome-sent");
  });
});

describe("bodies that are not JSON objects", () => {
  test("malformed JSON → 400 MALFORMED_REQUEST", async () => {
    const c = await logCase();
    const res = await api(server.baseUrl, "ops-director", "POST", `/api/cases/${c.id}/triage`, '{"category": "x",', {
      contentType: "application/json",
    });
    expectError(res, 400, "MALFORMED_REQUEST");
  });

  test("a text/plain body on a JSON action → 415 UNSUPPORTED_MEDIA_TYPE", async () => {
    const c = await logCase();
    const res = await api(
      server.baseUrl,
      "ops-director",
      "POST",
      `/api/cases/${c.id}/triage`,
      JSON.stringify(triageBody()),
      { contentType: "text/plain" },
    );
    expectError(res, 415, "UNSUPPORTED_MEDIA_TYPE");
    expect((await getCase(c.id)).stage).toBe("received");
  });

  test("a JSON array body → 422", async () => {
    const c = await logCase();
    const res = await api(server.baseUrl, "ops-director", "POST", `/api/cases/${c.id}/redirect`, "[]", {
      contentType: "application/json",
    });
    expectError(res, 422, "VALIDATION_FAILED");
  });

  test("a document sent as JSON → 415", async () => {
    const c = await logCase();
    for (const body of ['{"a": 1}', "{not json"]) {
      const res = await api(
        server.baseUrl,
        "ops-director",
        "POST",
        `/api/cases/${c.id}/documents?name=a.json&kind=evidence`,
        body,
        { contentType: "application/json" },
      );
      expectError(res, 415, "UNSUPPORTED_MEDIA_TYPE");
    }
  });

  test("no token on a transition → 401", async () => {
    const c = await logCase();
    expectError(await api(server.baseUrl, null, "POST", `/api/cases/${c.id}/close`, {}), 401, "UNAUTHENTICATED");
  });
});
