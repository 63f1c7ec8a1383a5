/**
 * Seeds a data folder with cases for the listing benchmark, before the server starts, straight through the store
 * and the procedure's own transitions (so each case's JSON is what the product would have written), in one
 * transaction. Stages cycle received → triaged → investigating → outcome-sent → closed, so each holds a fifth.
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { openSqliteCaseStore } from "../src/server/adapters/sql/sqlite-case-store.js";
import { calendarFor } from "../src/server/app/case-calendar.js";
import { loadConfig } from "../src/server/config/config.js";
import type { ComplaintCase } from "../src/server/domain/case.js";
import { DEFAULT_POLICY } from "../src/server/domain/policy.js";
import { withdrawCase } from "../src/server/domain/procedure/closing.js";
import { acknowledgeCase, recordOutcome } from "../src/server/domain/procedure/handling.js";
import { receiveComplaint } from "../src/server/domain/procedure/receive.js";
import type { Transition, TransitionContext } from "../src/server/domain/procedure/transition.js";
import { triageCase } from "../src/server/domain/procedure/triage.js";
import type { Stage } from "../src/server/domain/stages.js";
import type { CaseStoreTransaction } from "../src/server/ports/case-store.js";

export const SEEDED_STAGES = [
  "received",
  "triaged",
  "investigating",
  "outcome-sent",
  "closed",
] as const satisfies Stage[];

const HOUR = 3_600_000;
const LOGGERS = ["staff", "staff-2"];
const HANDLERS = ["handler", "handler-2"];

export async function seedCases(options: { dataDir: string; count: number }): Promise<{ ms: number }> {
  const t0 = performance.now();
  const config = loadConfig({ DATA_DIR: options.dataDir });
  const store = await openSqliteCaseStore({ file: config.databaseFile });
  const calendar = calendarFor(DEFAULT_POLICY);
  const realNow = Date.now();
  // Newest first is the listing order; spread receipt over the past year or so.
  const spacing = (400 * 24 * HOUR) / options.count;
  try {
    await store.transaction(async (tx) => {
      for (let i = 0; i < options.count; i++) {
        const stage = SEEDED_STAGES[i % SEEDED_STAGES.length] ?? "received";
        const receivedAt = new Date(realNow - (options.count - i) * spacing - HOUR);
        await insertCase(tx, { i, stage, receivedAt, realNow, calendar });
      }
    });
  } finally {
    await store.close();
  }
  return { ms: Math.round(performance.now() - t0) };
}

async function insertCase(
  tx: CaseStoreTransaction,
  options: {
    i: number;
    stage: (typeof SEEDED_STAGES)[number];
    receivedAt: Date;
    realNow: number;
    calendar: TransitionContext["calendar"];
  },
): Promise<void> {
  const { i, stage, receivedAt, realNow, calendar } = options;
  const loggedBy = LOGGERS[i % LOGGERS.length] ?? "staff";
  const handlerId = HANDLERS[i % HANDLERS.length] ?? "handler";
  const at = (hoursAfterReceipt: number) =>
    new Date(Math.min(realNow, receivedAt.getTime() + hoursAfterReceipt * HOUR));
  const ctx = (hoursAfterReceipt: number, actorId: string): TransitionContext => ({
    now: at(hoursAfterReceipt),
    actorId,
    calendar,
    newId: randomUUID,
  });

  let current: ComplaintCase = receiveComplaint({
    id: randomUUID(),
    reference: await tx.nextReference(receivedAt.getUTCFullYear()),
    channel: i % 3 === 0 ? "post" : "web",
    subject: `Complaint ${i}: my assessment was marked late and the feedback did not match the criteria`,
    summary:
      "I submitted my portfolio on time but it was marked as late, and the feedback I received does not match the assessment criteria for the unit. I would like this looked into.",
    complainant: { name: `Learner ${i}`, email: `learner${i}@example.org`, relationship: "learner" },
    source: { messageId: null, conversationId: null },
    receivedAt,
    loggedBy,
    loggedAt: receivedAt,
    policy: DEFAULT_POLICY,
    calendar,
  });
  const events: Array<{ at: Date; actorId: string; event: Transition["event"] }> = [
    {
      at: receivedAt,
      actorId: loggedBy,
      event: { kind: "logged", summary: `Logged from a letter; response due ${current.responseDueDate}.` },
    },
  ];
  const apply = (hours: number, actorId: string, step: (c: ComplaintCase, ctx: TransitionContext) => Transition) => {
    const context = ctx(hours, actorId);
    const { next, event } = step(current, context);
    current = { ...next, version: current.version + 1 };
    events.push({ at: context.now, actorId, event });
  };

  if (stage !== "received") {
    apply(2, "ops-director", (c, x) =>
      triageCase(
        c,
        {
          category: "assessment",
          nature: "Assessment marked late; feedback does not match the criteria.",
          serious: false,
          handlerId,
          aboutPersonIds: [],
          loggerNamedInComplaint: false,
          interestConfirmed: true,
        },
        x,
      ),
    );
  }
  if (stage === "investigating" || stage === "outcome-sent" || stage === "closed") {
    apply(20, handlerId, (c, x) => acknowledgeCase(c, { method: "email" }, x));
  }
  if (stage === "outcome-sent") {
    apply(24 * 7, handlerId, (c, x) =>
      recordOutcome(
        c,
        {
          result: "partly-upheld",
          reasons: "The submission was on time; the feedback was reviewed and re-issued.",
          remedy: "Feedback re-issued against the criteria.",
          method: "email",
          directorIds: [],
          rootCause: "communication",
          lessonsLearned: "Feedback must cite the criteria.",
        },
        x,
      ),
    );
  }
  if (stage === "closed") {
    apply(24 * 3, handlerId, (c, x) => withdrawCase(c, { reason: "The learner withdrew the complaint." }, x));
  }

  await tx.insertCase(current);
  for (const { at: when, actorId, event } of events) {
    await tx.appendTimeline({
      id: randomUUID(),
      caseId: current.id,
      at: when.toISOString(),
      actorId,
      kind: event.kind,
      summary: event.summary,
      data: event.data ?? {},
    });
  }
}
