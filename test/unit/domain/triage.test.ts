import { describe, expect, it } from "vitest";
import { redirectCase, triageCase } from "../../../src/server/domain/procedure/triage.js";
import { AT, ctxAt, expectAppError, fieldsOf, PEOPLE, receivedCase, triagedCase, triageInput } from "./builders.js";

const ctx = () => ctxAt(AT.triaged, PEOPLE.opsDirector);

describe("triage", () => {
  it("records the course of action and moves the case to triaged", () => {
    const c = receivedCase();
    const { next, event } = triageCase(
      c,
      triageInput({
        category: "  Assessment ",
        nature: " Missed visits ",
        serious: true,
        aboutPersonIds: [PEOPLE.subject, PEOPLE.subject],
        relationship: "employer",
        awardingOrganisation: "  ",
        notes: " Check the diary. ",
      }),
      ctx(),
    );
    expect(next.stage).toBe("triaged");
    expect(next.complainant.relationship).toBe("employer");
    expect(next.triage).toEqual({
      category: "Assessment",
      nature: "Missed visits",
      serious: true,
      handlerId: PEOPLE.handler,
      aboutPersonIds: [PEOPLE.subject],
      loggerNamedInComplaint: false,
      interestConfirmed: true,
      awardingOrganisation: null,
      notes: "Check the diary.",
      at: new Date(AT.triaged).toISOString(),
      by: PEOPLE.opsDirector,
    });
    expect(event).toMatchObject({ kind: "triaged", data: { serious: true, handlerId: PEOPLE.handler } });
    expect(event.summary).toContain("serious");
    // Pure: the input case is untouched.
    expect(c.stage).toBe("received");
    expect(c.triage).toBeNull();
  });

  it("keeps the complainant's relationship when triage does not change it", () => {
    expect(triagedCase().complainant.relationship).toBe("learner");
  });

  it("refuses a handler the complaint is about", () => {
    const error = expectAppError(
      () => triageCase(receivedCase(), triageInput({ aboutPersonIds: [PEOPLE.subject, PEOPLE.handler] }), ctx()),
      "CONFLICT_OF_INTEREST",
    );
    expect(error.details).toEqual({ field: "handlerId" });
  });

  it("refuses the logger as handler when they are named in the complaint", () => {
    const error = expectAppError(
      () =>
        triageCase(
          receivedCase(),
          triageInput({ handlerId: PEOPLE.logger, loggerNamedInComplaint: true, aboutPersonIds: [] }),
          ctx(),
        ),
      "CONFLICT_OF_INTEREST",
    );
    expect(error.details).toEqual({ field: "handlerId" });
    expect(error.userMessage).toMatch(/logged/);
  });

  it("allows the logger as handler when they are not named in it", () => {
    const { next } = triageCase(
      receivedCase(),
      triageInput({ handlerId: PEOPLE.logger, loggerNamedInComplaint: false, aboutPersonIds: [] }),
      ctx(),
    );
    expect(next.triage?.handlerId).toBe(PEOPLE.logger);
  });

  it("allows another handler when the logger is named in it", () => {
    const { next } = triageCase(receivedCase(), triageInput({ loggerNamedInComplaint: true }), ctx());
    expect(next.triage?.loggerNamedInComplaint).toBe(true);
  });

  it("requires the complainant's legitimate interest to be confirmed", () => {
    const error = expectAppError(
      () => triageCase(receivedCase(), triageInput({ interestConfirmed: false }), ctx()),
      "VALIDATION_FAILED",
    );
    expect(fieldsOf(error)).toEqual(["interestConfirmed"]);
    expect(error.userMessage).toMatch(/redirect/);
  });
});

describe("redirect", () => {
  it.each(["not-a-complaint", "staff-grievance"] as const)(
    "closes as %s with the reason, skipping the guards",
    (as) => {
      for (const from of [receivedCase(), triagedCase()]) {
        const { next, event } = redirectCase(from, { redirectAs: as, reason: "  Because.  " }, ctx());
        expect(next.stage).toBe("closed");
        expect(next.closure).toEqual({
          kind: "redirected",
          redirectedAs: as,
          reason: "Because.",
          at: new Date(AT.triaged).toISOString(),
          by: PEOPLE.opsDirector,
        });
        expect(next.outcome).toBeNull();
        expect(event).toMatchObject({ kind: "redirected", data: { redirectAs: as } });
      }
    },
  );

  it("a staff grievance is sent to the Discipline and Grievance policy", () => {
    const { event } = redirectCase(receivedCase(), { redirectAs: "staff-grievance", reason: "Staff." }, ctx());
    expect(event.summary).toContain("Discipline and Grievance");
  });

  it("needs a reason", () => {
    const error = expectAppError(
      () => redirectCase(receivedCase(), { redirectAs: "not-a-complaint", reason: "   " }, ctx()),
      "VALIDATION_FAILED",
    );
    expect(fieldsOf(error)).toEqual(["reason"]);
  });
});
