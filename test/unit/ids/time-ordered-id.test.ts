import { describe, expect, it } from "vitest";
import { newTimeOrderedId } from "../../../src/server/adapters/ids/time-ordered-id.js";

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("time-ordered ids (UUIDv7)", () => {
  it("are UUIDs of version 7 and RFC variant", () => {
    for (let i = 0; i < 100; i++) expect(newTimeOrderedId()).toMatch(UUID_V7);
  });

  it("sort in the order they were made, also within one millisecond and when the clock steps back", () => {
    const made = [
      ...Array.from({ length: 5000 }, () => newTimeOrderedId(1_800_000_000_000)),
      newTimeOrderedId(1_799_999_999_000), // clock stepped back
      ...Array.from({ length: 10 }, () => newTimeOrderedId()),
    ];
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
  });
});
