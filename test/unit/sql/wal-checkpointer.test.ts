import { describe, expect, it } from "vitest";
import { WalCheckpointer } from "../../../src/server/adapters/sql/wal-checkpointer.js";

describe("WAL checkpointer", () => {
  it("when its thread cannot open the database, checkpoints fail at once and closing does not hang", async () => {
    const checkpointer = new WalCheckpointer("/nonexistent-folder/for/sure/cases.db");
    const result = await checkpointer.run();
    expect(result.ok).toBe(false);
    checkpointer.requestSoon();
    expect((await checkpointer.run()).ok).toBe(false);
    await checkpointer.close();
  });
});
