import { describe, expect, it } from "vitest";
import { type CaseView, caseView, mayEverTake, mayTakeOnCase } from "../../../src/server/domain/access.js";
import type { ComplaintCase } from "../../../src/server/domain/case.js";
import { CASE_ACTIONS, type CaseAction } from "../../../src/server/domain/procedure/transition.js";
import type { Actor, Role } from "../../../src/server/domain/roles.js";
import {
  appealCase,
  appealDecidedCase,
  closedAfterAppealCase,
  investigatingCase,
  outcomeSentCase,
  PEOPLE,
  receivedCase,
  triagedCase,
} from "./builders.js";

const actor = (id: string, ...roles: Role[]): Actor => ({ id, name: id, roles });

const A = {
  director: actor(PEOPLE.directorA, "Complaints.Direct"),
  opsDirector: actor(PEOPLE.opsDirector, "Complaints.Triage"),
  handler: actor(PEOPLE.handler, "Complaints.Handle"),
  otherHandler: actor(PEOPLE.otherHandler, "Complaints.Handle"),
  boardMember: actor(PEOPLE.boardMember, "Complaints.Board"),
  otherBoardMember: actor(PEOPLE.otherBoardMember, "Complaints.Board"),
  logger: actor(PEOPLE.logger, "Complaints.Log"),
  otherStaff: actor("someone-else", "Complaints.Log"),
  admin: actor("it-admin", "Complaints.Admin"),
  nobody: actor("no-roles"),
} as const;

type Who = keyof typeof A;

const CASES: Record<string, () => ComplaintCase> = {
  received: receivedCase,
  triaged: () => triagedCase(),
  investigating: () => investigatingCase(),
  "outcome-sent": () => outcomeSentCase(),
  appeal: () => appealCase(),
  "appeal-decided": () => appealDecidedCase(),
  "closed after appeal": closedAfterAppealCase,
};

/** The view each person has of each case (rows: people; columns: the cases above). */
const EXPECTED_VIEW: Record<Who, Record<keyof typeof CASES, CaseView>> = {
  director: allOf("full"),
  opsDirector: allOf("full"),
  handler: { ...allOf("full"), received: "none" },
  otherHandler: allOf("none"),
  boardMember: {
    ...allOf("none"),
    appeal: "full",
    "appeal-decided": "full",
    "closed after appeal": "full",
  },
  otherBoardMember: allOf("none"),
  logger: allOf("status"),
  otherStaff: allOf("none"),
  admin: allOf("none"),
  nobody: allOf("none"),
};

function allOf(view: CaseView): Record<keyof typeof CASES, CaseView> {
  return Object.fromEntries(Object.keys(CASES).map((k) => [k, view]));
}

describe("caseView: need to know", () => {
  const rows = (Object.keys(A) as Who[]).flatMap((who) =>
    Object.keys(CASES).map((stage) => ({ who, stage, view: EXPECTED_VIEW[who][stage] })),
  );
  it.each(rows)("$who sees a $stage case as $view", ({ who, stage, view }) => {
    expect(caseView(A[who], CASES[stage]!())).toBe(view);
  });

  it("a handler who logged a case sees only its status until it is assigned to them", () => {
    const handlerLogged = receivedCase({ loggedBy: PEOPLE.handler });
    expect(caseView(A.handler, handlerLogged)).toBe("status");
    expect(caseView(A.handler, triagedCase({}, handlerLogged))).toBe("full");
    expect(caseView(A.handler, triagedCase({ handlerId: PEOPLE.otherHandler }, handlerLogged))).toBe("status");
  });

  it("being the assigned handler or board member without the role gives no more than status", () => {
    const c = appealCase();
    expect(caseView(actor(PEOPLE.handler, "Complaints.Log"), c)).toBe("none");
    expect(caseView(actor(PEOPLE.boardMember, "Complaints.Handle"), c)).toBe("none");
  });
});

describe("mayEverTake: by role alone", () => {
  it.each<[Who, CaseAction[]]>([
    ["opsDirector", [...CASE_ACTIONS].filter((a) => !["acknowledge", "outcome", "appeal-decision"].includes(a))],
    [
      "director",
      [
        "complete-action",
        "add-document",
        "directors-consulted",
        "board-informed",
        "meeting",
        "appeal",
        "signpost",
        "close",
      ],
    ],
    ["handler", ["acknowledge", "add-action", "complete-action", "add-document", "outcome", "signpost", "withdraw"]],
    ["boardMember", ["add-document", "appeal-decision", "signpost"]],
    ["logger", []],
    ["admin", []],
    ["nobody", []],
  ])("%s may take exactly the listed actions", (who, actions) => {
    const allowed = CASE_ACTIONS.filter((action) => mayEverTake(A[who], action));
    expect(allowed).toEqual(actions);
  });
});

describe("mayTakeOnCase: the case matters too", () => {
  it("only the assigned handler acknowledges and sends the outcome", () => {
    const triaged = triagedCase();
    const investigating = investigatingCase();
    expect(mayTakeOnCase(A.handler, "acknowledge", triaged)).toBe(true);
    expect(mayTakeOnCase(A.otherHandler, "acknowledge", triaged)).toBe(false);
    expect(mayTakeOnCase(A.handler, "outcome", investigating)).toBe(true);
    expect(mayTakeOnCase(A.otherHandler, "outcome", investigating)).toBe(false);
    expect(mayTakeOnCase(A.otherHandler, "withdraw", investigating)).toBe(false);
    // Nobody is assigned before triage.
    expect(mayTakeOnCase(A.handler, "add-document", receivedCase())).toBe(false);
  });

  it("the Operations Director and directors act on any case within their roles", () => {
    const c = investigatingCase();
    expect(mayTakeOnCase(A.opsDirector, "triage", receivedCase())).toBe(true);
    expect(mayTakeOnCase(A.opsDirector, "add-action", c)).toBe(true);
    expect(mayTakeOnCase(A.director, "close", outcomeSentCase())).toBe(true);
    expect(mayTakeOnCase(A.director, "outcome", c)).toBe(false);
    expect(mayTakeOnCase(A.opsDirector, "appeal-decision", appealCase())).toBe(false);
  });

  it("a board member decides only the appeal assigned to them", () => {
    const appeal = appealCase();
    expect(mayTakeOnCase(A.boardMember, "appeal-decision", appeal)).toBe(true);
    expect(mayTakeOnCase(A.otherBoardMember, "appeal-decision", appeal)).toBe(false);
    expect(mayTakeOnCase(A.boardMember, "appeal-decision", outcomeSentCase())).toBe(false);
    expect(mayTakeOnCase(A.boardMember, "signpost", appealDecidedCase())).toBe(true);
    expect(mayTakeOnCase(A.otherBoardMember, "signpost", appealDecidedCase())).toBe(false);
  });

  it("a handler who is also Operations Director acts through the wider role", () => {
    const both = actor(PEOPLE.otherHandler, "Complaints.Handle", "Complaints.Triage");
    const c = investigatingCase();
    expect(mayTakeOnCase(both, "add-action", c)).toBe(true);
    expect(mayTakeOnCase(both, "withdraw", c)).toBe(true);
    // Acknowledge and outcome are the handler's alone: not assigned, so no.
    expect(mayTakeOnCase(both, "outcome", c)).toBe(false);
  });

  it("staff who logged a case may take no action on it", () => {
    const c = investigatingCase();
    for (const action of CASE_ACTIONS) expect(mayTakeOnCase(A.logger, action, c)).toBe(false);
  });

  it("never allows on a case what the role never allows", () => {
    for (const who of Object.keys(A) as Who[]) {
      for (const make of Object.values(CASES)) {
        const c = make();
        for (const action of CASE_ACTIONS) {
          if (mayTakeOnCase(A[who], action, c)) expect(mayEverTake(A[who], action)).toBe(true);
        }
      }
    }
  });
});
