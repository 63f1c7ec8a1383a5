/**
 * Policy 2.1 "Inform the Board of the final outcome": when the outcome or appeal-decision card reaches the board
 * channel the case records it — by the system, once, in the transaction that completes the job — and the closing
 * guard that asked for it is met. Real SQLite store and outbox worker; the channel is a recording fake.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { FixedClock } from "../../../src/server/adapters/fakes/fixed-clock.js";
import { PersonaDirectory } from "../../../src/server/adapters/identity/personas.js";
import { OutboxWorker } from "../../../src/server/adapters/outbox/outbox-worker.js";
import type { KyselyCaseStore } from "../../../src/server/adapters/sql/kysely-case-store.js";
import { openSqliteCaseStore } from "../../../src/server/adapters/sql/sqlite-case-store.js";
import type { DeliveryDeps } from "../../../src/server/app/delivery-deps.js";
import type { AppDeps } from "../../../src/server/app/deps.js";
import { postBoardCard } from "../../../src/server/app/post-board-card.js";
import type { ComplaintCase } from "../../../src/server/domain/case.js";
import { DEFAULT_POLICY } from "../../../src/server/domain/policy.js";
import { unmetCloseGuards } from "../../../src/server/domain/procedure/closing.js";
import type { BoardPost } from "../../../src/server/ports/board-notifier.js";
import { DeliveryError, OUTCOME_UNKNOWN } from "../../../src/server/ports/delivery-error.js";
import { AT, appealDecidedCase, outcomeSentCase, triagedCase } from "../domain/builders.js";

let store: KyselyCaseStore;
let clock: FixedClock;
let deps: AppDeps;
let posts: BoardPost[];
/** What the fake channel does next: post, or take the post and lose the answer. */
let loseNextAnswer: boolean;

beforeEach(async () => {
  store = await openSqliteCaseStore({ file: ":memory:" });
  clock = new FixedClock("2026-11-13T15:00:00.000Z"); // an hour after the story's outcome was sent
  posts = [];
  loseNextAnswer = false;
  deps = {
    store,
    blobs: null as never,
    documents: null as never,
    clock,
    directory: new PersonaDirectory(),
    policy: { current: async () => DEFAULT_POLICY },
    outbox: { notify: () => {} },
    newId: randomUUID,
    parseEmail: null as never,
    emailEnvelope: null as never,
    letters: null as never,
  };
});
afterEach(async () => {
  await store.close();
});

const delivery = (): DeliveryDeps => ({
  board: {
    post: async (post) => {
      posts.push(post);
      if (loseNextAnswer) {
        loseNextAnswer = false;
        throw new DeliveryError("Board channel post: connection lost after sending", {
          permanent: false,
          outcomeUnknown: true,
          retryAfterMs: 1000,
        });
      }
    },
    findPosted: async (marker) => posts.some((p) => p.marker === marker),
  },
  mailer: null as never,
  activity: null as never,
  caseUrl: (id) => `https://redress.example.org/tab?case=${id}`,
  acceptanceStartsAppealWindow: true,
  postedCardInformsBoard: true,
});

async function withCardJob(c: ComplaintCase, event: string): Promise<{ caseId: string; jobId: string }> {
  const caseId = randomUUID();
  const jobId = randomUUID();
  await store.transaction(async (tx) => {
    await tx.insertCase({ ...c, id: caseId, reference: "CMP-2026-0042" });
    await tx.enqueue({
      id: jobId,
      kind: "post-board-card",
      caseId,
      payload: { event },
      createdAt: clock.now().toISOString(),
    });
  });
  return { caseId, jobId };
}

async function runWorker(overrides: Partial<DeliveryDeps> = {}): Promise<void> {
  const d = { ...delivery(), ...overrides };
  const worker = new OutboxWorker({
    store,
    clock,
    pollMs: 1e9,
    handlers: { "post-board-card": (job) => postBoardCard({ deps, delivery: d, job }) },
  });
  worker.start();
  await worker.idle();
  await worker.stop();
}

describe("the Board is informed when the outcome's card is posted", () => {
  test("the outcome card records 'Board informed' by the system on the timeline, and the closing guard is met", async () => {
    const before = outcomeSentCase();
    expect(unmetCloseGuards(before, "2026-11-30")).toContain("board-informed-of-final-outcome");
    const { caseId, jobId } = await withCardJob(before, "outcome-sent");
    await runWorker();

    expect(posts).toHaveLength(1);
    const after = (await store.getCase(caseId)) as ComplaintCase;
    expect(after.boardInformed).toEqual([
      expect.objectContaining({ of: "outcome", on: "2026-11-13", by: "redress", at: clock.now().toISOString() }),
    ]);
    expect(after.version).toBe(before.version + 1);
    expect(unmetCloseGuards(after, "2026-11-30")).not.toContain("board-informed-of-final-outcome");
    const entry = (await store.listTimeline(caseId)).find((t) => t.kind === "board-informed");
    expect(entry).toMatchObject({ actorId: "redress", data: { of: "outcome", jobId } });
    expect(entry?.summary).toContain("posted in the board channel");
    expect((await store.getJob(jobId))?.status).toBe("done");
  });

  test("a card whose answer was lost is found in the channel on the retry: not posted again, recorded once", async () => {
    const { caseId, jobId } = await withCardJob(outcomeSentCase(), "outcome-sent");
    loseNextAnswer = true;
    await runWorker();
    expect((await store.getJob(jobId))?.lastError).toContain(OUTCOME_UNKNOWN);
    expect((await store.getCase(caseId))?.boardInformed).toEqual([]); // not known yet: nothing claimed

    clock.advance(60_000);
    await runWorker();
    expect(posts).toHaveLength(1);
    expect((await store.getCase(caseId))?.boardInformed).toHaveLength(1);
    expect((await store.listTimeline(caseId)).filter((t) => t.kind === "board-informed")).toHaveLength(1);
    expect((await store.getJob(jobId))?.status).toBe("done");
  });

  test("already recorded by a person: the card is posted, nothing is recorded twice", async () => {
    const c = outcomeSentCase();
    const byHand: ComplaintCase = {
      ...c,
      boardInformed: [
        { of: "outcome", on: "2026-11-13", note: null, at: "2026-11-13T14:30:00.000Z", by: "ops-director" },
      ],
    };
    const { caseId } = await withCardJob(byHand, "outcome-sent");
    await runWorker();
    expect(posts).toHaveLength(1);
    expect((await store.getCase(caseId))?.boardInformed).toHaveLength(1);
    expect((await store.listTimeline(caseId)).some((t) => t.kind === "board-informed")).toBe(false);
  });

  test("the appeal decision's card informs the Board of the appeal decision, which is the final outcome", async () => {
    clock.set("2026-12-01T13:00:00.000Z");
    const { caseId } = await withCardJob(appealDecidedCase(), "appeal-decided");
    await runWorker();
    const after = (await store.getCase(caseId)) as ComplaintCase;
    expect(after.boardInformed.map((b) => b.of)).toEqual(["appeal-decision"]);
    expect(unmetCloseGuards(after, "2026-12-10")).not.toContain("board-informed-of-final-outcome");
  });

  test("embedded mode: the card only reaches the local outbox page, so nothing is claimed", async () => {
    const { caseId } = await withCardJob(outcomeSentCase(), "outcome-sent");
    await runWorker({ postedCardInformsBoard: false });
    expect(posts).toHaveLength(1);
    expect((await store.getCase(caseId))?.boardInformed).toEqual([]);
  });

  test("other cards (a serious complaint received) inform the Board of no outcome", async () => {
    clock.set(AT.triaged);
    const { caseId } = await withCardJob(triagedCase({ serious: true }), "serious-received");
    await runWorker();
    expect(posts).toHaveLength(1);
    expect((await store.getCase(caseId))?.boardInformed).toEqual([]);
    expect((await store.listTimeline(caseId)).map((t) => t.kind)).toEqual(["board-card-posted"]);
  });
});
