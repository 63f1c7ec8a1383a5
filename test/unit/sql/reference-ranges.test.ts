import { describe, expect, it } from "vitest";
import { referenceRanges } from "../../../src/server/adapters/sql/listing-reads.js";

describe("a listing's references as runs", () => {
  it("keeps a whole board of consecutive references as one run a year", () => {
    const refs = Array.from({ length: 10_000 }, (_, i) => `CMP-2026-${String(10_000 - i).padStart(4, "0")}`);
    expect(referenceRanges([...refs, "CMP-2025-0001", "CMP-2025-0002"])).toEqual([
      { year: 2025, from: 1, to: 2 },
      { year: 2026, from: 1, to: 10_000 },
    ]);
  });

  it("breaks a run where a case was not shown, and counts a repeated reference once", () => {
    expect(
      referenceRanges(["CMP-2026-0005", "CMP-2026-0003", "CMP-2026-0001", "CMP-2026-0002", "CMP-2026-0002"]),
    ).toEqual([
      { year: 2026, from: 1, to: 3 },
      { year: 2026, from: 5, to: 5 },
    ]);
  });

  it("refuses a reference it could not find again", () => {
    expect(() => referenceRanges(["CMP-2026-0001", "case 7"])).toThrow(/Malformed reference/);
  });
});
