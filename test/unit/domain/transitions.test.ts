import { describe, expect, it } from "vitest";
import { AppError } from "../../../src/server/domain/app-error.js";
import type { ComplaintCase } from "../../../src/server/domain/case.js";
import { decideAppeal, recordAppeal } from "../../../src/server/domain/procedure/appeal.js";
import {
  closeCase,
  recordBoardInformed,
  recordMeeting,
  recordSignpost,
  withdrawCase,
} from "../../../src/server/domain/procedure/closing.js";
import { addDocument } from "../../../src/server/domain/procedure/documents.js";
import {
  acknowledgeCase,
  addAction,
  completeAction,
  recordDirectorConsulted,
  recordOutcome,
} from "../../../src/server/domain/procedure/handling.js";
import {
  ALLOWED_STAGES,
  CASE_ACTIONS,
  type CaseAction,
  type Transition,
  type TransitionContext,
} from "../../../src/server/domain/procedure/transition.js";
import { redirectCase, triageCase } from "../../../src/server/domain/procedure/triage.js";
import { STAGES, type Stage } from "../../../src/server/domain/stages.js";
import {
  appealCase,
  appealDecidedCase,
  appealDecisionInput,
  appealInput,
  closedAfterAppealCase,
  closedCase,
  ctxAt,
  DIRECTORS,
  expectAppError,
  investigatingCase,
  outcomeInput,
  outcomeSentCase,
  PEOPLE,
  receivedCase,
  redirectedCase,
  triagedCase,
  triageInput,
  withdrawnCase,
} from "./builders.js";

/** Long after every event of the story: no input below is in the future or before its case's events. */
const LATER = "2027-01-15T12:00:00Z";
const LATER_DATE = "2027-01-14";

const OPEN_ACTION_ID = "open-action";

/** The case with one action not yet done (so completing it is valid at any stage). */
const withOpenAction = (c: ComplaintCase): ComplaintCase => ({
  ...c,
  actions: [
    {
      id: OPEN_ACTION_ID,
      description: "Book a new assessor",
      ownerId: PEOPLE.handler,
      dueDate: "2026-11-20",
      createdAt: "2026-11-02T15:00:00.000Z",
      createdBy: PEOPLE.handler,
      completedAt: null,
      completedBy: null,
      completionNote: null,
    },
  ],
});

/** Each action's domain function, with inputs that are valid for a case of any stage. */
const INVOKE: Record<CaseAction, (c: ComplaintCase, ctx: TransitionContext) => Transition> = {
  triage: (c, ctx) => triageCase(c, triageInput(), ctx),
  redirect: (c, ctx) => redirectCase(c, { redirectAs: "not-a-complaint", reason: "A request for information." }, ctx),
  acknowledge: (c, ctx) => acknowledgeCase(c, { method: "email" }, ctx),
  "add-action": (c, ctx) =>
    addAction(c, { description: "Call the learner", ownerId: PEOPLE.handler, dueDate: "2027-01-20" }, ctx),
  "complete-action": (c, ctx) => completeAction(withOpenAction(c), { actionId: OPEN_ACTION_ID, note: "Done" }, ctx),
  "add-document": (c, ctx) => addDocument(c, { name: "letter.pdf", kind: "letter" }, ctx),
  outcome: (c, ctx) => recordOutcome(c, outcomeInput({ sentAt: ctx.now }), ctx),
  "directors-consulted": (c, ctx) =>
    recordDirectorConsulted(c, { directorId: PEOPLE.directorA, response: "Agreed." }, ctx),
  "board-informed": (c, ctx) => recordBoardInformed(c, { note: "Reported at the board." }, ctx),
  meeting: (c, ctx) =>
    recordMeeting(c, { meetingDate: LATER_DATE, notes: "Discussed.", minutesDocumentId: "doc-1" }, ctx),
  appeal: (c, ctx) => recordAppeal(c, appealInput({ receivedAt: ctx.now, lateReason: "Accepted late: illness." }), ctx),
  "appeal-decision": (c, ctx) => decideAppeal(c, appealDecisionInput({ sentAt: ctx.now }), ctx),
  signpost: (c, ctx) => recordSignpost(c, { awardingOrganisation: "City & Guilds", contact: "complaints@cg" }, ctx),
  withdraw: (c, ctx) => withdrawCase(c, { reason: "The complainant withdrew it." }, ctx),
  close: (c, ctx) => closeCase(c, { note: "Closed." }, ctx),
};

/** One real case per stage (walked through the procedure), used where the action is allowed. */
const CASE_AT: Record<Stage, () => ComplaintCase> = {
  received: receivedCase,
  triaged: () => triagedCase(),
  investigating: () => investigatingCase(),
  "outcome-sent": () => outcomeSentCase(),
  appeal: () => appealCase(),
  "appeal-decided": () => appealDecidedCase(),
  closed: closedCase,
};

/** Every way a case reaches each stage: an illegal action must be refused on each of them. */
const VARIANTS_AT: Record<Stage, [string, () => ComplaintCase][]> = {
  received: [["received", receivedCase]],
  triaged: [
    ["triaged", () => triagedCase()],
    ["triaged serious", () => triagedCase({ serious: true })],
  ],
  investigating: [["investigating", () => investigatingCase()]],
  "outcome-sent": [["outcome sent", () => outcomeSentCase()]],
  appeal: [["appeal", () => appealCase()]],
  "appeal-decided": [["appeal decided", () => appealDecidedCase()]],
  closed: [
    ["closed (resolved)", closedCase],
    ["closed (after an appeal)", closedAfterAppealCase],
    ["closed (redirected)", redirectedCase],
    ["closed (withdrawn)", () => withdrawnCase()],
  ],
};

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

const illegal = CASE_ACTIONS.flatMap((action) =>
  STAGES.filter((stage) => !ALLOWED_STAGES[action].includes(stage)).flatMap((stage) =>
    VARIANTS_AT[stage].map(([variant, make]) => ({ action, stage, variant, make })),
  ),
);

const allowed = CASE_ACTIONS.flatMap((action) => ALLOWED_STAGES[action].map((stage) => ({ action, stage })));

describe("the stage fixtures", () => {
  it.each(STAGES)("every case built for stage %s is at that stage", (stage) => {
    expect(CASE_AT[stage]().stage).toBe(stage);
    for (const [, make] of VARIANTS_AT[stage]) expect(make().stage).toBe(stage);
  });

  it("maps every action to a domain function, and nothing else", () => {
    expect(Object.keys(INVOKE).sort()).toEqual([...CASE_ACTIONS].sort());
    expect(Object.keys(ALLOWED_STAGES).sort()).toEqual([...CASE_ACTIONS].sort());
  });

  it("covers every (action, stage) pair exactly once between the allowed and the illegal tables", () => {
    const illegalPairs = new Set(illegal.map((t) => `${t.action}@${t.stage}`));
    expect(illegalPairs.size + allowed.length).toBe(CASE_ACTIONS.length * STAGES.length);
  });
});

describe("the table of legal transitions", () => {
  it("is the procedure of DESIGN.md §2, written out independently", () => {
    const OPEN = ["received", "triaged", "investigating", "outcome-sent", "appeal", "appeal-decided"];
    const AFTER_TRIAGE = ["triaged", "investigating", "outcome-sent", "appeal", "appeal-decided"];
    expect(ALLOWED_STAGES).toEqual({
      triage: ["received"],
      // The diagram draws redirect from received; the code also lets triage's decision be revisited at triaged.
      redirect: ["received", "triaged"],
      acknowledge: ["triaged"],
      "add-action": AFTER_TRIAGE,
      "complete-action": [...AFTER_TRIAGE, "closed"],
      "add-document": [...OPEN, "closed"],
      outcome: ["investigating"],
      "directors-consulted": ["triaged", "investigating"],
      "board-informed": ["outcome-sent", "appeal-decided"],
      meeting: AFTER_TRIAGE,
      appeal: ["outcome-sent", "closed"],
      "appeal-decision": ["appeal"],
      signpost: ["outcome-sent", "appeal-decided", "closed"],
      withdraw: OPEN,
      close: ["outcome-sent", "appeal-decided"],
    });
  });
});

describe("illegal transitions are refused with ILLEGAL_TRANSITION", () => {
  it.each(illegal)("$action on a case at $stage ($variant)", ({ action, stage, make }) => {
    const c = deepFreeze(make());
    const error = expectAppError(() => INVOKE[action](c, ctxAt(LATER)), "ILLEGAL_TRANSITION");
    // The details name the very action, which proves the function is guarded by its own action's row.
    expect(error.details).toEqual({ stage, action, allowedStages: ALLOWED_STAGES[action] });
    expect(error.userMessage).toContain(c.reference);
    expect(error.userMessage).toContain(`"${stage}"`);
  });
});

describe("allowed stages pass the stage guard", () => {
  it.each(allowed)("$action on a case at $stage is not refused as illegal", ({ action, stage }) => {
    const c = deepFreeze(CASE_AT[stage]());
    let result: Transition | undefined;
    try {
      result = INVOKE[action](c, ctxAt(LATER));
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code, (error as AppError).message).not.toBe("ILLEGAL_TRANSITION");
      return;
    }
    expect(result.event.kind).toBeTruthy();
    expect(result.event.summary).toMatch(/\.|:/);
  });

  it("every allowed pair succeeds outright, except close while its guards are unmet", () => {
    const refused: string[] = [];
    for (const { action, stage } of allowed) {
      try {
        INVOKE[action](CASE_AT[stage](), ctxAt(LATER));
      } catch (error) {
        refused.push(`${action}@${stage}:${(error as AppError).code}`);
      }
    }
    // Outcome-sent: Board not informed, no meeting. Appeal-decided: the Board not told of the decision, no meeting.
    expect(refused).toEqual(["close@outcome-sent:GUARD_NOT_MET", "close@appeal-decided:GUARD_NOT_MET"]);
  });
});

describe("the stage changes of the procedure", () => {
  const ctx = () => ctxAt(LATER);
  it.each<[CaseAction, Stage, Stage]>([
    ["triage", "received", "triaged"],
    ["redirect", "received", "closed"],
    ["redirect", "triaged", "closed"],
    ["acknowledge", "triaged", "investigating"],
    ["outcome", "investigating", "outcome-sent"],
    ["appeal", "outcome-sent", "appeal"],
    ["appeal", "closed", "appeal"],
    ["appeal-decision", "appeal", "appeal-decided"],
    ["withdraw", "received", "closed"],
    ["withdraw", "investigating", "closed"],
    ["withdraw", "appeal", "closed"],
  ])("%s moves a case from %s to %s", (action, from, to) => {
    const c = CASE_AT[from]();
    const { next } = INVOKE[action](c, ctx());
    expect(next.stage).toBe(to);
  });

  it.each<CaseAction>([
    "add-action",
    "complete-action",
    "add-document",
    "directors-consulted",
    "board-informed",
    "meeting",
    "signpost",
  ])("%s records without changing the stage", (action) => {
    for (const stage of ALLOWED_STAGES[action]) {
      const { next } = INVOKE[action](CASE_AT[stage](), ctx());
      expect(next.stage).toBe(stage);
    }
  });

  it("appeal on a closed case that never had an outcome (redirected) is illegal", () => {
    const error = expectAppError(() => INVOKE.appeal(redirectedCase(), ctxAt(LATER)), "ILLEGAL_TRANSITION");
    expect(error.userMessage).toMatch(/no outcome/);
  });

  it("appeal on a closed case whose appeal was decided is illegal", () => {
    const error = expectAppError(() => INVOKE.appeal(closedAfterAppealCase(), ctxAt(LATER)), "ILLEGAL_TRANSITION");
    expect(error.userMessage).toMatch(/awarding organisation/);
  });

  it("completing an action twice is refused", () => {
    const once = INVOKE["complete-action"](investigatingCase(), ctxAt(LATER)).next;
    expect(once.actions[0]?.completedAt).toBe(new Date(LATER).toISOString());
    expectAppError(() => completeAction(once, { actionId: OPEN_ACTION_ID }, ctxAt(LATER)), "ILLEGAL_TRANSITION");
  });

  it("completing an unknown action is NOT_FOUND", () => {
    expectAppError(() => completeAction(investigatingCase(), { actionId: "nope" }, ctxAt(LATER)), "NOT_FOUND");
  });

  it("adding an action records it with an id from the context, open", () => {
    const { next, event } = INVOKE["add-action"](triagedCase(), ctxAt(LATER, PEOPLE.handler));
    expect(next.actions).toHaveLength(1);
    expect(next.actions[0]).toMatchObject({
      description: "Call the learner",
      ownerId: PEOPLE.handler,
      dueDate: "2027-01-20",
      createdBy: PEOPLE.handler,
      completedAt: null,
    });
    expect(next.actions[0]?.id).toMatch(/^id-\d+$/);
    expect(event.data).toEqual({ actionId: next.actions[0]?.id });
  });

  it("an empty action description is VALIDATION_FAILED", () => {
    expectAppError(
      () =>
        addAction(triagedCase(), { description: "  ", ownerId: PEOPLE.handler, dueDate: "2027-01-20" }, ctxAt(LATER)),
      "VALIDATION_FAILED",
    );
  });

  it("records a director's response once per director (a second replaces the first)", () => {
    let c = investigatingCase({ serious: true });
    c = recordDirectorConsulted(c, { directorId: PEOPLE.directorA, response: "First." }, ctxAt(LATER)).next;
    c = recordDirectorConsulted(c, { directorId: PEOPLE.directorA, response: "Second." }, ctxAt(LATER)).next;
    expect(c.consultations).toHaveLength(1);
    expect(c.consultations[0]?.response).toBe("Second.");
    expect(DIRECTORS).toContain(c.consultations[0]?.directorId);
  });
});
