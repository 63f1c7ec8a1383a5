import { londonDateTime } from "../domain/calendar/plain-date.js";
import { currentDeadline } from "../domain/deadlines.js";
import { calendarFor } from "./case-calendar.js";
import type { AppDeps } from "./deps.js";

/** How many working days ahead a handler is told a case falls due. */
const DUE_SOON_WORKING_DAYS = 2;

/**
 * Run every few minutes: in office hours on a working day, queues the day's overdue digest for the board channel
 * and a "due soon" notice for each handler whose case falls due within two working days. Job ids are fixed by
 * day and case, so however often it runs (and however many servers run it) each is queued once.
 */
export async function queueDailyNotices(options: { deps: AppDeps }): Promise<number> {
  const { deps } = options;
  const now = deps.clock.now();
  const policy = await deps.policy.current();
  const calendar = calendarFor(policy);
  const { date, minutes } = londonDateTime(now);
  const [openH = 9, openM = 0] = policy.officeOpens.split(":").map(Number);
  const [closeH = 17, closeM = 0] = policy.officeCloses.split(":").map(Number);
  if (!calendar.isWorkingDay(date) || minutes < openH * 60 + openM || minutes >= closeH * 60 + closeM) return 0;
  const at = now.toISOString();
  const queued: Array<{ id: string; kind: string; caseId: string | null; payload: Record<string, unknown> }> = [
    { id: `digest-${date}`, kind: "post-board-card", caseId: null, payload: { event: "overdue-digest", date } },
  ];
  const horizon = calendar.addWorkingDays(date, DUE_SOON_WORKING_DAYS);
  let cursor: string | undefined;
  do {
    const page = await deps.store.listCases({
      scope: { all: true },
      today: date,
      limit: 200,
      ...(cursor ? { cursor } : {}),
    });
    for (const c of page.cases) {
      const due = currentDeadline(c);
      const person = c.stage === "appeal" ? c.appeal?.boardMemberId : c.triage?.handlerId;
      if (!due || !person || due < date || due > horizon) continue;
      queued.push({
        id: `due-soon-${c.id}-${due}`,
        kind: "notify-person",
        caseId: c.id,
        payload: { userId: person, activity: "caseDueSoon" },
      });
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  let added = 0;
  for (const job of queued) {
    if (await deps.store.getJob(job.id)) continue;
    try {
      await deps.store.transaction((tx) => tx.enqueue({ ...job, createdAt: at }));
      added += 1;
    } catch {
      // Another server queued it first: the fixed id keeps one.
    }
  }
  if (added > 0) deps.outbox.notify();
  return added;
}
