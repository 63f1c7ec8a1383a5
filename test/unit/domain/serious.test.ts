import { describe, expect, it } from "vitest";
import type { ComplaintCase } from "../../../src/server/domain/case.js";
import {
  closeCase,
  recordBoardInformed,
  recordMeeting,
  unmetCloseGuards,
} from "../../../src/server/domain/procedure/closing.js";
import { recordDirectorConsulted, recordOutcome } from "../../../src/server/domain/procedure/handling.js";
import {
  AT,
  consultAll,
  ctxAt,
  DIRECTORS,
  expectAppError,
  fieldsOf,
  investigatingCase,
  outcomeInput,
  outcomeSentCase,
  PEOPLE,
  triagedCase,
} from "./builders.js";

const consult = (c: ComplaintCase, directorId: string) =>
  recordDirectorConsulted(c, { directorId, response: "Agreed." }, ctxAt(AT.consulted, PEOPLE.opsDirector)).next;

const sendOutcome = (c: ComplaintCase, directorIds: readonly string[] = DIRECTORS) =>
  recordOutcome(c, outcomeInput({ directorIds }), ctxAt(AT.outcome, PEOPLE.handler));

describe("serious complaints: the directors are consulted before the outcome", () => {
  it("refuses the outcome while no director has been consulted", () => {
    const error = expectAppError(() => sendOutcome(investigatingCase({ serious: true })), "GUARD_NOT_MET");
    expect(error.details).toEqual({ unmet: ["directors-consulted"], directorsNotConsulted: DIRECTORS });
  });

  it("lists only the directors still missing", () => {
    const c = consult(investigatingCase({ serious: true }), PEOPLE.directorA);
    const error = expectAppError(() => sendOutcome(c), "GUARD_NOT_MET");
    const details = error.details as { unmet: string[]; directorsNotConsulted: string[] };
    expect(details.unmet).toContain("directors-consulted");
    expect(details.directorsNotConsulted).toEqual([PEOPLE.directorB]);
  });

  it("directors consulted while the case is still at triaged count", () => {
    const consultedAtTriage = consultAll(triagedCase({ serious: true }));
    expect(consultedAtTriage.stage).toBe("triaged");
    const c = investigatingCase({}, {}, consultedAtTriage);
    expect(sendOutcome(c).next.stage).toBe("outcome-sent");
  });

  it("sends the outcome once every director passed has responded", () => {
    const c = consult(consult(investigatingCase({ serious: true }), PEOPLE.directorA), PEOPLE.directorB);
    const { next } = sendOutcome(c);
    expect(next.stage).toBe("outcome-sent");
    expect(next.consultations.map((r) => r.directorId).sort()).toEqual([...DIRECTORS].sort());
  });

  it("a new director (not yet consulted) blocks the outcome again", () => {
    const c = consultAll(investigatingCase({ serious: true }));
    const error = expectAppError(() => sendOutcome(c, [...DIRECTORS, "director-c"]), "GUARD_NOT_MET");
    expect((error.details as { directorsNotConsulted: string[] }).directorsNotConsulted).toEqual(["director-c"]);
  });

  it("with no directors known at all, a serious outcome is refused", () => {
    const error = expectAppError(() => sendOutcome(investigatingCase({ serious: true }), []), "GUARD_NOT_MET");
    expect((error.details as { unmet: string[] }).unmet).toEqual(["directors-consulted"]);
  });

  it("a complaint that is not serious needs no consultation", () => {
    expect(sendOutcome(investigatingCase({ serious: false })).next.stage).toBe("outcome-sent");
  });

  it("a director's response must not be empty", () => {
    const error = expectAppError(
      () =>
        recordDirectorConsulted(
          investigatingCase({ serious: true }),
          { directorId: PEOPLE.directorA, response: " " },
          ctxAt(AT.consulted),
        ),
      "VALIDATION_FAILED",
    );
    expect(fieldsOf(error)).toEqual(["response"]);
  });
});

describe("serious complaints: full details in the meeting minutes before closing", () => {
  const AFTER_WINDOW = "2026-11-30T10:00:00Z";

  /** Serious, outcome sent, Board informed, discussed at a meeting — with or without minutes. */
  function seriousReported(minutesDocumentId: string | null): ComplaintCase {
    const ctx = ctxAt("2026-11-16T10:00:00Z");
    let c = outcomeSentCase({}, { serious: true });
    c = recordBoardInformed(c, {}, ctx).next;
    return recordMeeting(c, { meetingDate: "2026-11-16", notes: "Discussed in full.", minutesDocumentId }, ctx).next;
  }

  it("close is refused while no meeting has minutes attached", () => {
    const c = seriousReported(null);
    expect(unmetCloseGuards(c, "2026-11-30")).toEqual(["serious-complaint-minuted"]);
    const error = expectAppError(() => closeCase(c, {}, ctxAt(AFTER_WINDOW)), "GUARD_NOT_MET");
    expect(error.details).toEqual({ unmet: ["serious-complaint-minuted"] });
    expect(error.userMessage).toContain("this serious complaint is not yet recorded in full in meeting minutes");
  });

  it("a later meeting with minutes satisfies it", () => {
    const c = recordMeeting(
      seriousReported(null),
      { meetingDate: "2026-11-23", notes: "Minuted in full.", minutesDocumentId: "doc-minutes-1" },
      ctxAt("2026-11-23T12:00:00Z"),
    ).next;
    expect(unmetCloseGuards(c, "2026-11-30")).toEqual([]);
    expect(closeCase(c, {}, ctxAt(AFTER_WINDOW)).next.stage).toBe("closed");
  });

  it("closes when minuted from the start", () => {
    expect(closeCase(seriousReported("doc-minutes-1"), {}, ctxAt(AFTER_WINDOW)).next.stage).toBe("closed");
  });

  it("a complaint that is not serious closes without minutes", () => {
    const ctx = ctxAt("2026-11-16T10:00:00Z");
    let c = outcomeSentCase();
    c = recordBoardInformed(c, {}, ctx).next;
    c = recordMeeting(c, { meetingDate: "2026-11-16", notes: "Discussed." }, ctx).next;
    expect(c.meetings[0]?.minutesDocumentId).toBeNull();
    expect(closeCase(c, {}, ctxAt(AFTER_WINDOW)).next.stage).toBe("closed");
  });
});
