/**
 * Builders for the procedure's unit tests: a plain case, a TransitionContext at a given instant, and helpers that walk
 * a case through the procedure the way people would (so each stage's case is a real one, not a hand-made shape).
 *
 * The default story (England and Wales, GMT):
 * - received Monday 2 November 2026 10:00 → deemed 2 Nov, acknowledgement due 4 Nov, response due 16 Nov;
 * - triaged the same afternoon, acknowledged Tuesday 3 Nov;
 * - outcome sent by email Friday 13 Nov → appeal deadline Friday 27 Nov;
 * - appeal received Friday 20 Nov → decision due Friday 4 Dec; decided Tuesday 1 Dec.
 */
import { expect } from "vitest";
import type { TErrorCode } from "../../../src/contracts/error-codes.js";
import { AppError } from "../../../src/server/domain/app-error.js";
import { WorkingDayCalendar } from "../../../src/server/domain/calendar/index.js";
import type { ComplaintCase } from "../../../src/server/domain/case.js";
import { DEFAULT_POLICY, type PolicySettings } from "../../../src/server/domain/policy.js";
import {
  type AppealDecisionInput,
  type AppealInput,
  decideAppeal,
  recordAppeal,
} from "../../../src/server/domain/procedure/appeal.js";
import {
  closeCase,
  recordBoardInformed,
  recordMeeting,
  withdrawCase,
} from "../../../src/server/domain/procedure/closing.js";
import {
  type AcknowledgeInput,
  acknowledgeCase,
  type OutcomeInput,
  recordDirectorConsulted,
  recordOutcome,
} from "../../../src/server/domain/procedure/handling.js";
import { type ReceiveComplaintInput, receiveComplaint } from "../../../src/server/domain/procedure/receive.js";
import type { Transition, TransitionContext } from "../../../src/server/domain/procedure/transition.js";
import { redirectCase, type TriageInput, triageCase } from "../../../src/server/domain/procedure/triage.js";

/** The people of the tests. */
export const PEOPLE = {
  logger: "staff-logger",
  opsDirector: "ops-director",
  handler: "handler-1",
  otherHandler: "handler-2",
  boardMember: "board-1",
  otherBoardMember: "board-2",
  directorA: "director-a",
  directorB: "director-b",
  subject: "person-complained-about",
} as const;

export const DIRECTORS: readonly string[] = [PEOPLE.directorA, PEOPLE.directorB];

/** The instants of the default story. */
export const AT = {
  received: "2026-11-02T10:00:00Z",
  triaged: "2026-11-02T14:00:00Z",
  acknowledged: "2026-11-03T10:00:00Z",
  consulted: "2026-11-10T10:00:00Z",
  outcome: "2026-11-13T14:00:00Z",
  appeal: "2026-11-20T11:00:00Z",
  decision: "2026-12-01T12:00:00Z",
} as const;

let counter = 0;
/** A deterministic id source: "id-1", "id-2", … */
export const newId = (): string => {
  counter += 1;
  return `id-${counter}`;
};

const calendars = new Map<PolicySettings, WorkingDayCalendar>();
export function calendarFor(policy: PolicySettings = DEFAULT_POLICY): WorkingDayCalendar {
  let calendar = calendars.get(policy);
  if (!calendar) {
    calendar = new WorkingDayCalendar(policy);
    calendars.set(policy, calendar);
  }
  return calendar;
}

/** A TransitionContext at an instant, for an actor, with the calendar of the given settings. */
export function ctxAt(
  isoInstant: string,
  actorId: string = PEOPLE.opsDirector,
  policy: PolicySettings = DEFAULT_POLICY,
): TransitionContext {
  return { now: new Date(isoInstant), actorId, calendar: calendarFor(policy), newId };
}

/** The settings with some changed. */
export const policyWith = (overrides: Partial<PolicySettings>): PolicySettings => ({ ...DEFAULT_POLICY, ...overrides });

/** Receive a complaint at an instant (default: the story's receipt) under some settings (default: DEFAULT_POLICY). */
export function receivedCase(
  overrides: Partial<Omit<ReceiveComplaintInput, "receivedAt">> & { receivedAt?: string } = {},
) {
  const policy = overrides.policy ?? DEFAULT_POLICY;
  const receivedAt = new Date(overrides.receivedAt ?? AT.received);
  const id = newId();
  return receiveComplaint({
    id,
    reference: `CMS-2026-${id}`,
    channel: "email",
    subject: "Assessment visit cancelled twice",
    summary: "The assessor cancelled twice without notice.",
    complainant: { name: "Sam Learner", email: "sam@example.org", relationship: "learner" },
    source: { messageId: `<${id}@example.org>`, conversationId: null },
    loggedBy: PEOPLE.logger,
    loggedAt: receivedAt,
    calendar: calendarFor(policy),
    ...overrides,
    policy,
    receivedAt,
  });
}

/** A case with every field present; `stage` and anything else may be overridden (no procedure is run). */
export function buildCase(overrides: Partial<ComplaintCase> = {}): ComplaintCase {
  return { ...receivedCase(), ...overrides };
}

export const triageInput = (overrides: Partial<TriageInput> = {}): TriageInput => ({
  category: "Assessment",
  nature: "Missed assessment visits",
  serious: false,
  handlerId: PEOPLE.handler,
  aboutPersonIds: [PEOPLE.subject],
  loggerNamedInComplaint: false,
  interestConfirmed: true,
  ...overrides,
});

export const outcomeInput = (overrides: Partial<OutcomeInput> = {}): OutcomeInput => ({
  result: "partly-upheld",
  reasons: "The visits were cancelled; a new assessor has been assigned.",
  remedy: "Priority booking for the next visit.",
  method: "email",
  sentAt: new Date(AT.outcome),
  directorIds: DIRECTORS,
  rootCause: "resources-or-scheduling",
  lessonsLearned: "Book a stand-in assessor whenever a visit is cancelled.",
  ...overrides,
});

export const appealInput = (overrides: Partial<AppealInput> = {}): AppealInput => ({
  receivedAt: new Date(AT.appeal),
  grounds: "The remedy does not make up for the lost months.",
  boardMemberId: PEOPLE.boardMember,
  ...overrides,
});

export const appealDecisionInput = (overrides: Partial<AppealDecisionInput> = {}): AppealDecisionInput => ({
  result: "not-upheld",
  reasons: "The remedy offered was fair.",
  method: "email",
  sentAt: new Date(AT.decision),
  ...overrides,
});

/** The case a transition produced. */
const next = (t: Transition): ComplaintCase => t.next;

export function triagedCase(triage: Partial<TriageInput> = {}, from: ComplaintCase = receivedCase()): ComplaintCase {
  return next(triageCase(from, triageInput(triage), ctxAt(AT.triaged, PEOPLE.opsDirector, from.policy)));
}

export function investigatingCase(
  triage: Partial<TriageInput> = {},
  ack: Partial<AcknowledgeInput> = {},
  from: ComplaintCase = triagedCase(triage),
): ComplaintCase {
  return next(acknowledgeCase(from, { method: "email", ...ack }, ctxAt(AT.acknowledged, PEOPLE.handler, from.policy)));
}

/** Record each director's response (serious complaints). */
export function consultAll(c: ComplaintCase, directorIds: readonly string[] = DIRECTORS): ComplaintCase {
  return directorIds.reduce(
    (acc, directorId) =>
      next(
        recordDirectorConsulted(
          acc,
          { directorId, response: `${directorId} agrees with the proposed outcome.` },
          ctxAt(AT.consulted, PEOPLE.opsDirector, acc.policy),
        ),
      ),
    c,
  );
}

/** Outcome sent (by default by email on Friday 13 November 2026; the story's "now" is that afternoon). */
export function outcomeSentCase(
  outcome: Partial<OutcomeInput> = {},
  triage: Partial<TriageInput> = {},
  from?: ComplaintCase,
): ComplaintCase {
  let c = from ?? investigatingCase(triage);
  if (c.triage?.serious) c = consultAll(c);
  const input = outcomeInput(outcome);
  const now = input.sentAt ? input.sentAt.toISOString() : AT.outcome;
  return next(recordOutcome(c, input, ctxAt(now, PEOPLE.handler, c.policy)));
}

export function appealCase(appeal: Partial<AppealInput> = {}, from: ComplaintCase = outcomeSentCase()): ComplaintCase {
  const input = appealInput(appeal);
  return next(recordAppeal(from, input, ctxAt(input.receivedAt.toISOString(), PEOPLE.opsDirector, from.policy)));
}

export function appealDecidedCase(
  decision: Partial<AppealDecisionInput> = {},
  from: ComplaintCase = appealCase(),
): ComplaintCase {
  const input = appealDecisionInput(decision);
  const now = input.sentAt ? input.sentAt.toISOString() : AT.decision;
  return next(decideAppeal(from, input, ctxAt(now, from.appeal?.boardMemberId ?? PEOPLE.boardMember, from.policy)));
}

/** Board informed and Operations Meeting recorded at `at` (a London working day after the outcome). */
export function reportedCase(c: ComplaintCase, at: string, minutesDocumentId: string | null = null): ComplaintCase {
  const ctx = ctxAt(at, PEOPLE.opsDirector, c.policy);
  const informed = next(recordBoardInformed(c, {}, ctx));
  const meetingDate = at.slice(0, 10);
  return next(recordMeeting(informed, { meetingDate, notes: "Discussed; no further action.", minutesDocumentId }, ctx));
}

/** Resolved: outcome sent, Board informed and meeting recorded on 16 Nov, closed Monday 30 Nov (window passed). */
export function closedCase(): ComplaintCase {
  const reported = reportedCase(outcomeSentCase(), "2026-11-16T10:00:00Z");
  return next(closeCase(reported, { note: "All done." }, ctxAt("2026-11-30T10:00:00Z", PEOPLE.opsDirector)));
}

/** Resolved after an appeal: decided 1 Dec, Board informed and meeting on 2 Dec, closed 3 Dec. */
export function closedAfterAppealCase(): ComplaintCase {
  const reported = reportedCase(appealDecidedCase(), "2026-12-02T10:00:00Z");
  return next(closeCase(reported, {}, ctxAt("2026-12-03T10:00:00Z", PEOPLE.opsDirector)));
}

export function redirectedCase(): ComplaintCase {
  return next(
    redirectCase(
      receivedCase(),
      { redirectAs: "staff-grievance", reason: "From a member of staff: Discipline and Grievance policy." },
      ctxAt(AT.triaged, PEOPLE.opsDirector),
    ),
  );
}

export function withdrawnCase(from: ComplaintCase = investigatingCase()): ComplaintCase {
  return next(withdrawCase(from, { reason: "The complainant wrote to withdraw it." }, ctxAt("2026-11-05T10:00:00Z")));
}

/** Runs `fn`, expects an AppError with `code`, and returns it for further checks. */
export function expectAppError(fn: () => unknown, code: TErrorCode): AppError {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `expected AppError ${code} but nothing was thrown`).toBeInstanceOf(AppError);
  const error = thrown as AppError;
  expect(error.code, error.message).toBe(code);
  return error;
}

/** The field paths of a VALIDATION_FAILED error. */
export function fieldsOf(error: AppError): string[] {
  const details = error.details as { issues?: { path: string[] }[] } | undefined;
  return (details?.issues ?? []).map((issue) => issue.path.join("."));
}
