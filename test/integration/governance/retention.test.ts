/**
 * The retention schedule (issue 6.6): cases closed more than the set years ago are deleted or anonymised with their
 * documents and bytes, never sooner than 3 years whatever is stored, and the log of what was done survives them.
 */
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { applyRetention } from "../../../src/server/app/apply-retention.js";
import { type Harness, openHarness } from "./data-protection-harness.js";

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.close();
});

const blobCount = async () => (await h.deps.blobs.list()).length;

describe("applyRetention", () => {
  test("deletes a case closed more than six years ago — record, history, documents and bytes — and logs it", async () => {
    const old = await h.seed({
      reference: "CMP-2026-0001",
      complainant: { name: "Jo Old", email: "jo.old@example.org" },
      closedAt: "2026-11-30T10:00:00Z",
      documents: [
        { name: "letter.txt", kind: "letter", text: "Dear Jo Old" },
        { name: "evidence.txt", kind: "evidence", text: "Evidence about Jo" },
      ],
    });
    const recent = await h.seed({
      reference: "CMP-2027-0001",
      complainant: { name: "Kim Recent", email: "kim@example.org" },
      closedAt: "2027-06-01T10:00:00Z",
      documents: [{ name: "letter.txt", kind: "letter", text: "Dear Kim" }],
    });
    expect(await blobCount()).toBe(3);

    // Five years and a half on: nothing is due yet.
    h.clock.set("2032-06-01T10:00:00Z");
    expect((await applyRetention({ deps: h.deps })).deleted).toEqual([]);

    // Six years and a day after the first closure.
    h.clock.set("2032-12-01T10:00:00Z");
    const result = await applyRetention({ deps: h.deps });
    expect(result).toMatchObject({ action: "delete", deleted: ["CMP-2026-0001"], anonymised: [] });
    expect(await h.store.getCase(old.id)).toBeNull();
    expect(await h.store.listDocuments(old.id)).toEqual([]);
    expect(await h.store.listTimeline(old.id)).toEqual([]);
    expect(await h.store.listReads(old.id)).toEqual([]);
    expect(await h.fileExists("CMP-2026-0001", "letter.txt")).toBe(false);
    expect(await h.fileExists("CMP-2026-0001", "evidence.txt")).toBe(false);
    expect(await blobCount()).toBe(1);

    // The recent case is untouched.
    expect((await h.store.getCase(recent.id))?.complainant.name).toBe("Kim Recent");
    expect(await h.fileExists("CMP-2027-0001", "letter.txt")).toBe(true);

    const log = await h.store.listDataProtectionLog(10);
    expect(log).toEqual([
      expect.objectContaining({
        actorId: "retention",
        action: "retention-delete",
        reference: "CMP-2026-0001",
        closedOn: "2026-11-30",
        at: "2032-12-01T10:00:00.000Z",
      }),
    ]);
    expect(JSON.stringify(log)).not.toMatch(/Jo Old|jo\.old/);

    // Running again finds nothing more to do.
    expect((await applyRetention({ deps: h.deps })).deleted).toEqual([]);
    expect(await h.store.listDataProtectionLog(10)).toHaveLength(1);
  });

  test("never keeps less than three years, whatever period is stored", async () => {
    await h.seed({ reference: "CMP-2026-0002", complainant: { name: "Pat", email: "pat@example.org" } });
    h.setSettings({ retention: { years: 1, action: "delete" } });
    h.clock.set("2029-06-01T10:00:00Z"); // two and a half years after closure
    const early = await applyRetention({ deps: h.deps });
    expect(early.deleted).toEqual([]);
    expect(early.cutoff).toBe("2026-06-01");
    h.clock.set("2029-12-01T10:00:00Z"); // three years and a day
    expect((await applyRetention({ deps: h.deps })).deleted).toEqual(["CMP-2026-0002"]);
  });

  test("anonymises when the settings say so: procedural facts kept, the person and their documents gone", async () => {
    const c = await h.seed({
      reference: "CMP-2026-0003",
      complainant: { name: "Lee Learner", email: "lee@example.org" },
      documents: [{ name: "complaint.txt", kind: "email", text: "From Lee Learner" }],
    });
    h.setSettings({ retention: { years: 6, action: "anonymise" } });
    h.clock.set("2033-01-04T10:00:00Z");
    expect((await applyRetention({ deps: h.deps })).anonymised).toEqual(["CMP-2026-0003"]);

    const kept = await h.store.getCase(c.id);
    expect(kept?.complainant).toEqual({ name: null, email: null, relationship: "learner" });
    expect(kept?.summary).toBeNull();
    expect(kept?.stage).toBe("closed");
    expect(kept?.outcome?.result).toBe(c.outcome?.result);
    expect(kept?.responseDueDate).toBe(c.responseDueDate);
    expect(kept?.outcome?.reasons).toBe("[erased]");
    expect(JSON.stringify(kept)).not.toMatch(/Lee Learner|lee@example/);
    expect(await h.store.listDocuments(c.id)).toEqual([]);
    expect(await h.fileExists("CMP-2026-0003", "complaint.txt")).toBe(false);
    expect(await blobCount()).toBe(0);
    const timeline = await h.store.listTimeline(c.id);
    expect(JSON.stringify(timeline)).not.toContain("Lee Learner");
    expect(timeline.find((t) => t.kind === "triaged")?.summary).toContain("Assessment and marking");
    expect(timeline.at(-1)?.kind).toBe("anonymised");
    expect((await h.store.listDataProtectionLog(5))[0]).toMatchObject({ action: "retention-anonymise" });

    // Once anonymised it is left alone.
    expect((await applyRetention({ deps: h.deps })).anonymised).toEqual([]);
  });
});
