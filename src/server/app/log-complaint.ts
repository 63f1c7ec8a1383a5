import { AppError } from "../domain/app-error.js";
import type { Channel, Complainant, ComplaintCase } from "../domain/case.js";
import { receiveComplaint } from "../domain/procedure/receive.js";
import { type Actor, hasRole } from "../domain/roles.js";
import type { OutboxJob } from "../ports/case-store.js";
import { calendarFor } from "./case-calendar.js";
import { enqueueJobs } from "./case-documents.js";
import type { AppDeps } from "./deps.js";

export interface LogComplaintOptions {
  deps: AppDeps;
  actor: Actor;
  input: {
    channel: Exclude<Channel, "email">;
    subject: string;
    summary?: string | null;
    complainant: Complainant;
    /** When the letter (or form) arrived; defaults to now. */
    receivedAt?: Date;
  };
  /** Deliveries that belong to the logging (the web form's confirmation email), written in the same transaction. */
  effects?: ReadonlyArray<Pick<OutboxJob, "kind" | "payload">>;
}

/** Policy 1.1: a complaint "in writing" — a letter typed in (its scan uploaded as a document) or the web form. */
export async function logComplaint({ deps, actor, input, effects = [] }: LogComplaintOptions): Promise<ComplaintCase> {
  if (!hasRole(actor, "Complaints.Log"))
    throw new AppError("FORBIDDEN", "Your role does not allow logging complaints.");
  const now = deps.clock.now();
  const receivedAt = input.receivedAt ?? now;
  if (receivedAt.getTime() > now.getTime() + 60_000) {
    const message = "The date received is in the future.";
    throw new AppError("VALIDATION_FAILED", message, { issues: [{ path: ["receivedAt"], message }] });
  }
  const policy = await deps.policy.current();
  const logged = await deps.store.transaction(async (tx) => {
    const at = now.toISOString();
    const created = receiveComplaint({
      id: deps.newId(),
      reference: await tx.nextReference(Number(at.slice(0, 4))),
      channel: input.channel,
      subject: input.subject.trim(),
      summary: input.summary?.trim() || null,
      complainant: input.complainant,
      source: { messageId: null, conversationId: null },
      receivedAt,
      loggedBy: actor.id,
      loggedAt: now,
      policy,
      calendar: calendarFor(policy),
    });
    await tx.insertCase(created);
    await tx.appendTimeline({
      id: deps.newId(),
      caseId: created.id,
      at,
      actorId: actor.id,
      kind: "logged",
      summary: `Logged from ${input.channel === "post" ? "a letter" : "the web form"}; response due ${created.responseDueDate}.`,
      data: { channel: input.channel },
    });
    await enqueueJobs({ tx, caseId: created.id, jobs: effects, at, newId: deps.newId });
    return created;
  });
  if (effects.length > 0) deps.outbox.notify();
  return logged;
}
