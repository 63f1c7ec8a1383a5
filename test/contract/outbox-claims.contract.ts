/**
 * What every CaseStore must do so several servers can share one outbox (port OutboxClaims): each job claimed by
 * one worker at a time, a case's jobs in order, leases that run out when a worker dies, and a rate limit per kind
 * that every server shares. Each adapter's test file calls `outboxClaimsContract` with a factory for fresh stores.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CaseStore, OutboxJob } from "../../src/server/ports/case-store.js";
import { OUTCOME_UNKNOWN } from "../../src/server/ports/delivery-error.js";

export interface OpenedClaimsStore {
  store: CaseStore;
  /** Another store on the same database, as a second server would open it. */
  openAnother(): Promise<CaseStore>;
  cleanup(): Promise<void>;
}

const T0 = "2026-03-02T10:00:00.000Z";
const at = (seconds: number): string => new Date(Date.parse(T0) + seconds * 1000).toISOString();

export function outboxClaimsContract(name: string, open: () => Promise<OpenedClaimsStore>): void {
  describe(`OutboxClaims contract: ${name}`, () => {
    let store: CaseStore;
    let opened: OpenedClaimsStore;

    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(async () => {
      await opened.cleanup();
    });

    /** Jobs written in order, one second apart; `caseId` null for jobs of no case. */
    async function enqueue(caseId: string | null, count: number, kind = "send-email", from = 0): Promise<string[]> {
      const ids: string[] = [];
      await store.transaction(async (tx) => {
        for (let n = 0; n < count; n += 1) {
          const id = randomUUID();
          ids.push(id);
          await tx.enqueue({ id, kind, caseId, payload: { n }, createdAt: at(from + n) });
        }
      });
      return ids;
    }

    const claim = (s: CaseStore, workerId: string, options: { now?: string; limit?: number; kinds?: string[] } = {}) =>
      s.claimJobs({
        workerId,
        now: options.now ?? at(3600),
        leaseUntil: at(3660),
        limit: options.limit ?? 50,
        ...(options.kinds ? { skipKinds: options.kinds } : {}),
      });
    const idsOf = (jobs: OutboxJob[]) => jobs.map((j) => j.id);

    it("claims a case's due jobs together, in order, and none of a case while another worker holds one of it", async () => {
      const a = await enqueue("case-a", 3);
      const b = await enqueue("case-b", 2, "send-email", 10);
      expect(idsOf(await claim(store, "w1", { limit: 1 }))).toEqual(a); // `limit` counts cases
      expect(idsOf(await claim(store, "w2"))).toEqual(b);
      const [later] = (await enqueue("case-a", 1, "send-email", 20)) as [string];
      expect(await claim(store, "w3")).toEqual([]); // case-a's earlier jobs are held by w1
      for (const id of a) await store.transaction((tx) => tx.completeJob(id, at(3600)));
      expect(idsOf(await claim(store, "w3"))).toEqual([later]);
    });

    it("holds a case up behind a job told to wait, but not behind one backing off after a failure", async () => {
      const [post, mail] = (await enqueue("case-c", 1, "post-board-card")).concat(
        await enqueue("case-c", 1, "send-email", 5),
      ) as [string, string];
      // Retry-After on channel posts: the post is skipped and the email after it waits.
      expect(await claim(store, "w1", { kinds: ["post-board-card"] })).toEqual([]);
      // The post failed and backs off for an hour: the email need not wait that long.
      await store.transaction((tx) => tx.failJob(post, "Graph answered 503", at(7200), false));
      expect(idsOf(await claim(store, "w1"))).toEqual([mail]);
      await store.transaction((tx) => tx.completeJob(mail, at(3600)));
      expect(idsOf(await claim(store, "w2", { now: at(7200) }))).toEqual([post]);
    });

    it("records who holds a claim and clears it on completion, failure and a person's retry", async () => {
      const [id] = (await enqueue(null, 1)) as [string];
      const [claimed] = await claim(store, "w1");
      expect(claimed).toMatchObject({ id, status: "pending", attempts: 0, lastError: null });
      await store.transaction((tx) => tx.failJob(id, "Graph answered 503", at(3700), false));
      // Failing cleared the claim: the job is claimable at its next attempt and was not cut short.
      expect(await store.reclaimExpired(at(9999), at(9999))).toBe(0);
      const [again] = await claim(store, "w2", { now: at(3700) });
      expect(again).toMatchObject({ id, attempts: 1, lastError: "Graph answered 503" });
      await store.transaction((tx) => tx.failJob(id, "Graph answered 404", at(3800), true));
      await store.transaction((tx) => tx.reviveJob(id, at(3900)));
      expect(idsOf(await claim(store, "w3", { now: at(3900) }))).toEqual([id]);
      await store.transaction((tx) => tx.completeJob(id, at(3901)));
      expect(await store.reclaimExpired(at(99999), at(99999))).toBe(0);
      expect((await store.getJob(id))?.status).toBe("done");
    });

    it("leaves kinds told to wait unclaimed", async () => {
      const [post] = (await enqueue(null, 1, "post-board-card")) as [string];
      const [mail] = (await enqueue(null, 1, "send-email", 5)) as [string];
      expect(idsOf(await claim(store, "w1", { kinds: ["post-board-card"] }))).toEqual([mail]);
      expect(idsOf(await claim(store, "w1"))).toEqual([post]);
    });

    it("frees a dead worker's jobs once their lease runs out, marked outcome-unknown and due after the wait", async () => {
      const ids = await enqueue(null, 3);
      await store.claimJobs({ workerId: "dead", now: at(2), leaseUntil: at(60), limit: 2 });
      await store.claimJobs({ workerId: "alive", now: at(2), leaseUntil: at(60), limit: 1 });
      await store.renewClaims("alive", [ids[2] as string], at(120));
      expect(await store.reclaimExpired(at(60), at(200))).toBe(0); // a lease ending now has not run out yet
      expect(await store.reclaimExpired(at(61), at(200))).toBe(2);
      for (const id of ids.slice(0, 2)) {
        const job = await store.getJob(id);
        expect(job).toMatchObject({ status: "pending", attempts: 1, nextAttemptAt: at(200) });
        expect(job?.lastError).toContain(OUTCOME_UNKNOWN);
      }
      expect(await store.claimJobs({ workerId: "w", now: at(199), leaseUntil: at(400), limit: 9 })).toEqual([]);
      const reclaimed = await store.claimJobs({ workerId: "w", now: at(200), leaseUntil: at(400), limit: 9 });
      expect(idsOf(reclaimed).sort()).toEqual(ids.slice(0, 2).sort());
      expect((await store.getJob(ids[2] as string))?.attempts).toBe(0); // renewed: never taken from "alive"
    });

    it("gives a claim back: untouched when the job never started, counted and marked when it was cut short", async () => {
      const [a, b] = (await enqueue(null, 2)) as [string, string];
      await claim(store, "w1");
      await store.releaseClaims("someone-else", [a, b]); // only the holder can give a claim back
      expect(await claim(store, "w2")).toEqual([]);
      await store.releaseClaims("w1", [a]);
      await store.releaseClaims("w1", [b], { outcomeUnknown: true, nextAttemptAt: at(4000) });
      expect(await store.getJob(a)).toMatchObject({ attempts: 0, lastError: null });
      expect(await store.getJob(b)).toMatchObject({ attempts: 1, nextAttemptAt: at(4000) });
      expect((await store.getJob(b))?.lastError).toContain(OUTCOME_UNKNOWN);
      expect(idsOf(await claim(store, "w2", { now: at(4000) }))).toEqual([a, b]);
    });

    it("never gives one job to two workers of two servers claiming at once", async () => {
      const other = await opened.openAnother();
      const all = new Set<string>();
      for (let c = 0; c < 40; c += 1) for (const id of await enqueue(`case-${c}`, 3, "file-document", c)) all.add(id);
      const seen: string[] = [];
      const worker = async (s: CaseStore, workerId: string) => {
        for (;;) {
          const jobs = await s.claimJobs({ workerId, now: at(9999), leaseUntil: at(99999), limit: 7 });
          if (jobs.length === 0 && seen.length === all.size) return;
          for (const job of jobs) {
            seen.push(job.id);
            await s.transaction((tx) => tx.completeJob(job.id, at(9999)));
          }
          if (jobs.length === 0) await new Promise((r) => setTimeout(r, 5));
        }
      };
      await Promise.all([worker(store, "a1"), worker(store, "a2"), worker(other, "b1"), worker(other, "b2")]);
      expect(seen).toHaveLength(all.size);
      expect(new Set(seen)).toEqual(all);
    }, 60_000);

    it("spaces a rate-limited kind's slots across servers, and starts afresh after a quiet spell", async () => {
      const other = await opened.openAnother();
      const now = Date.parse(T0);
      const slots = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? other : store).reserveRateSlot("post-board-card", now, 500)),
      );
      expect([...slots].sort((x, y) => x - y)).toEqual(Array.from({ length: 10 }, (_, i) => now + i * 500));
      expect(await store.reserveRateSlot("send-email", now, 100)).toBe(now); // each kind has its own line
      expect(await store.reserveRateSlot("post-board-card", now + 60_000, 500)).toBe(now + 60_000);
    });
  });
}
