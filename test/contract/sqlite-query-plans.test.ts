/**
 * The partial indexes of migration 2026-11-27-061 hold only rows with a value; these checks pin that SQLite still
 * answers each listing and look-up from an index (a plan that fell back to scanning every case would still give
 * the right answers, only slowly, so no other test would notice).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteCaseStore } from "../../src/server/adapters/sql/sqlite-case-store.js";

let dir = "";
let db: BetterSqlite3.Database;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "redress-plans-"));
  const file = path.join(dir, "cases.db");
  await (await openSqliteCaseStore({ file })).close();
  db = new BetterSqlite3(file, { readonly: true });
});

afterAll(async () => {
  db?.close();
  await rm(dir, { recursive: true, force: true });
});

const plan = (query: string, ...params: string[]): string =>
  (db.prepare(`explain query plan ${query}`).all(...params) as Array<{ detail: string }>)
    .map((r) => r.detail)
    .join("; ");

describe("SQLite answers case look-ups from indexes", () => {
  it.each([
    ["the handler filter", `select id from cases where handler_id = ?`, ["handler"], "cases_handler"],
    [
      "a board member's appeals",
      `select id from cases where board_member_id = ?`,
      ["board-member"],
      "cases_board_member",
    ],
    ["the category filter", `select id from cases where category = ?`, ["assessment"], "cases_category"],
    ["an email already logged", `select id from cases where message_id = ?`, ["<m@x>"], "cases_message_id"],
    ["its conversation", `select id from cases where conversation_id = ?`, ["c-1"], "cases_conversation_id"],
    [
      "a stage's page",
      `select body from cases where stage = ? order by received_at desc, id desc`,
      ["triaged"],
      "cases_stage_received",
    ],
  ])("%s", (_name, query, params, index) => {
    expect(plan(query, ...params)).toContain(`USING INDEX ${index}`);
  });

  it("a caller's own cases: every branch of the OR from an index, none scanning the table", () => {
    const detail = plan(
      `select id from cases where (handler_id = ? or board_member_id = ? or logged_by = ?) order by received_at desc`,
      "u",
      "u",
      "u",
    );
    for (const index of ["cases_handler", "cases_board_member", "cases_logged_by"]) expect(detail).toContain(index);
    expect(detail).not.toMatch(/SCAN cases(?! USING)/);
  });
});
