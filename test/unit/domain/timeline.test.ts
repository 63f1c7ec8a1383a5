import { describe, expect, it } from "vitest";
import { compareTimelineEntries, orderTimeline } from "../../../src/server/domain/timeline.js";

const entry = (id: string, at: string, kind = id) => ({ id, at, kind });

describe("timeline order", () => {
  it("puts entries in the order they happened", () => {
    const ordered = orderTimeline([
      entry("c", "2026-11-12T10:00:00.000Z"),
      entry("a", "2026-11-10T10:00:00.000Z"),
      entry("b", "2026-11-11T10:00:00.000Z"),
    ]);
    expect(ordered.map((e) => e.id)).toEqual(["a", "b", "c"]);
  });

  it("breaks a tie of the same instant by id (ids are time-ordered: the order written), whatever order they came in", () => {
    const at = "2026-11-10T10:00:00.000Z";
    const first = entry("0190f0a0-0000-7000-8000-000000000001", at, "logged");
    const second = entry("0190f0a0-0000-7001-8000-000000000000", at, "email-copy-differs");
    expect(orderTimeline([second, first]).map((e) => e.kind)).toEqual(["logged", "email-copy-differs"]);
    expect(orderTimeline([first, second]).map((e) => e.kind)).toEqual(["logged", "email-copy-differs"]);
  });

  it("compares instants, not strings: the same instant written with an offset ties, and the id decides", () => {
    const utc = entry("b", "2026-07-01T09:00:00.000Z");
    const bst = entry("a", "2026-07-01T10:00:00+01:00");
    expect(compareTimelineEntries(bst, utc)).toBeLessThan(0);
    expect(orderTimeline([utc, bst]).map((e) => e.id)).toEqual(["a", "b"]);
    const earlier = entry("z", "2026-07-01T09:59:59+01:00");
    expect(orderTimeline([utc, earlier]).map((e) => e.id)).toEqual(["z", "b"]);
  });

  it("does not change the list it was given", () => {
    const list = [entry("b", "2026-11-11T10:00:00.000Z"), entry("a", "2026-11-10T10:00:00.000Z")];
    orderTimeline(list);
    expect(list.map((e) => e.id)).toEqual(["b", "a"]);
  });
});
