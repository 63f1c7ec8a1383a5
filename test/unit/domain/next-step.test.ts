import { describe, expect, it } from "vitest";
import type { ComplaintCase } from "../../../src/server/domain/case.js";
import { nextStep } from "../../../src/server/domain/next-step.js";
import type { Stage } from "../../../src/server/domain/stages.js";
import { STAGES } from "../../../src/server/domain/stages.js";
import {
  appealCase,
  appealDecidedCase,
  closedCase,
  consultAll,
  investigatingCase,
  outcomeSentCase,
  PEOPLE,
  receivedCase,
  redirectedCase,
  triagedCase,
} from "./builders.js";

const EXPECTED: Record<Stage, [() => ComplaintCase, ReturnType<typeof nextStep>["who"], RegExp]> = {
  received: [receivedCase, { role: "Complaints.Triage" }, /Operations Director.*4 November 2026/],
  triaged: [() => triagedCase(), { personId: PEOPLE.handler }, /acknowledges.*16 November 2026/],
  investigating: [() => investigatingCase(), { personId: PEOPLE.handler }, /outcome in writing by 16 November 2026/],
  "outcome-sent": [() => outcomeSentCase(), { role: "Complaints.Triage" }, /informs the Board.*27 November 2026/],
  appeal: [() => appealCase(), { personId: PEOPLE.boardMember }, /board member.*4 December 2026/],
  "appeal-decided": [
    () => appealDecidedCase(),
    { role: "Complaints.Triage" },
    /appeal decision.*awarding organisation/,
  ],
  closed: [closedCase, null, /closed/],
};

describe("nextStep says what happens next and who does it", () => {
  it.each(STAGES)("at %s", (stage) => {
    const [make, who, what] = EXPECTED[stage];
    const c = make();
    expect(c.stage).toBe(stage);
    const step = nextStep(c);
    expect(step.who).toEqual(who);
    expect(step.what).toMatch(what);
  });

  it("names the handler actually assigned", () => {
    expect(nextStep(triagedCase({ handlerId: PEOPLE.otherHandler })).who).toEqual({ personId: PEOPLE.otherHandler });
  });

  it("names the board member actually assigned", () => {
    expect(nextStep(appealCase({ boardMemberId: PEOPLE.otherBoardMember })).who).toEqual({
      personId: PEOPLE.otherBoardMember,
    });
  });

  it("reminds the handler of a serious complaint to consult the directors, until they have been", () => {
    const serious = investigatingCase({ serious: true });
    expect(nextStep(serious).what).toMatch(/directors must be consulted/);
    expect(nextStep(consultAll(serious)).what).not.toMatch(/directors must be consulted/);
  });

  it("a redirected case needs nothing more", () => {
    expect(nextStep(redirectedCase())).toEqual({ what: "Nothing: the case is closed.", who: null });
  });
});
