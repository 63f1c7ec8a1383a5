/**
 * The board as columns, without a server: what the presenter writes decodes to exactly the card views of
 * `presentCard` (status-only cards included), and the response codec follows the request's Accept-Encoding.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { BOARD_STAGES, decodeBoardColumns } from "../../../src/contracts/board-columns.js";
import { DEFAULT_POLICY } from "../../../src/server/domain/policy.js";
import { presentBoardColumns } from "../../../src/server/http/board-columns-presenter.js";
import { chooseEncoding } from "../../../src/server/http/compressed-json.js";
import { presentCard } from "../../../src/server/http/presenters.js";
import type { CaseCard } from "../../../src/server/ports/case-store.js";

const TODAY = "2026-11-26";

const card = fc
  .record({
    id: fc.uuid(),
    reference: fc.integer({ min: 1, max: 9999 }).map((n) => `CMP-2026-${String(n).padStart(4, "0")}`),
    stage: fc.constantFrom(...BOARD_STAGES),
    receivedAt: fc
      .date({ min: new Date("2025-01-01"), max: new Date("2026-11-26"), noInvalidDate: true })
      .map((d) => d.toISOString()),
    dueDate: fc.option(fc.constantFrom("2026-11-20", "2026-11-26", "2026-11-27", "2026-12-10"), { nil: null }),
    loggedBy: fc.constantFrom("staff", "staff-2"),
    handlerId: fc.option(fc.constantFrom("handler", "handler-2"), { nil: null }),
    boardMemberId: fc.option(fc.constantFrom("board-member", "board-member-2"), { nil: null }),
    subject: fc.string(),
    complainantName: fc.option(fc.string(), { nil: null }),
    category: fc.option(fc.constantFrom("Teaching", "Assessment", "Customer service"), { nil: null }),
    serious: fc.boolean(),
  })
  .map((c): CaseCard => ({ ...c, calendar: DEFAULT_POLICY }));

describe("presentBoardColumns → decodeBoardColumns", () => {
  test("decodes to exactly the card views presentCard gives, full or status only", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(card, fc.constantFrom("full" as const, "status" as const)), { maxLength: 40 }),
        (rows) => {
          const listing = { cards: rows.map(([c, view]) => ({ view, card: c })), today: TODAY, truncated: false };
          const columns = presentBoardColumns(listing, {});
          // Through JSON, as it travels.
          const decoded = decodeBoardColumns(JSON.parse(JSON.stringify(columns)));
          expect(decoded.cards).toEqual(rows.map(([c, view]) => presentCard(view, c, TODAY)));
        },
      ),
      { numRuns: 60 },
    );
  });

  test("a status-only card sends nothing of the complaint: no subject, name, category or people", () => {
    const [c] = fc.sample(card, 1);
    if (!c) throw new Error("no sample");
    const columns = presentBoardColumns(
      {
        cards: [
          { view: "status", card: { ...c, subject: "Secret words", handlerId: "handler", category: "Teaching" } },
        ],
        today: TODAY,
        truncated: false,
      },
      {},
    );
    expect(JSON.stringify(columns)).not.toContain("Secret words");
    expect(columns.personIds).toEqual([]);
    expect(columns.categories).toEqual([]);
  });
});

describe("chooseEncoding", () => {
  test.each([
    ["gzip, deflate, br, zstd", "br"],
    ["gzip, deflate", "gzip"],
    ["br;q=0, gzip", "gzip"],
    ["gzip;q=0", null],
    ["*", "gzip"],
    ["gzip;q=0, *", null],
    ["identity", null],
    [undefined, null],
  ])("Accept-Encoding %s → %s", (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});
