import type { ComplaintCase } from "../domain/case.js";
import type { CaseAction } from "../domain/procedure/transition.js";
import type { OutboxJob } from "../ports/case-store.js";

export type BoardEvent = "serious-received" | "appeal-received" | "outcome-sent" | "appeal-decided" | "overdue-digest";
export type LetterPurpose = "acknowledgement" | "outcome" | "appeal-decision";
type Job = Pick<OutboxJob, "kind" | "payload">;

/**
 * The Microsoft 365 effects of a change to a case, written as outbox jobs in the change's own transaction (so they
 * exist exactly when the change does): notices, board-channel cards and letters by email. `written` are the jobs the
 * step already wrote (the letter's `file-document` job names the letter to attach).
 */
export function caseEffects(action: CaseAction, next: ComplaintCase, written: readonly Job[]): Job[] {
  const letterId = written.find((j) => j.kind === "file-document")?.payload.documentId;
  const email = (purpose: LetterPurpose): Job[] =>
    typeof letterId === "string" && next.complainant.email
      ? [{ kind: "send-email", payload: { purpose, letterDocumentId: letterId } }]
      : [];
  const board = (event: BoardEvent): Job => ({ kind: "post-board-card", payload: { event } });
  switch (action) {
    case "triage": {
      const jobs: Job[] = [];
      if (next.triage) {
        jobs.push({ kind: "notify-person", payload: { userId: next.triage.handlerId, activity: "caseAssigned" } });
        if (next.triage.serious) jobs.push(board("serious-received"));
      }
      return jobs;
    }
    case "acknowledge":
      return next.acknowledgement?.method === "email" ? email("acknowledgement") : [];
    case "outcome":
      return [...(next.outcome?.method === "email" ? email("outcome") : []), board("outcome-sent")];
    case "appeal":
      return [
        board("appeal-received"),
        ...(next.appeal
          ? [{ kind: "notify-person", payload: { userId: next.appeal.boardMemberId, activity: "caseAssigned" } }]
          : []),
      ];
    case "appeal-decision":
      return [...(next.appealDecision?.method === "email" ? email("appeal-decision") : []), board("appeal-decided")];
    default:
      return [];
  }
}
