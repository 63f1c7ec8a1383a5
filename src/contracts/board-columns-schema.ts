/**
 * GET /api/board's answer as a zod schema, for the API description (and a test that the answer matches it). Kept
 * apart from board-columns.ts so the tab's first script does not carry zod.
 */
import { z } from "zod";
import { BOARD_STAGES } from "./board-columns.js";

const index = z.number().int().min(-1).describe("An index into the list named; -1 for none.");
const flag = z.union([z.literal(0), z.literal(1)]);

export const ZBoardColumnsResponse = z
  .object({
    today: z.string().describe("The London day the due figures are for: overdue = due date before it."),
    count: z.number().int().min(0).describe("The number of cards: the length of every column."),
    truncated: z.boolean().describe("More cases matched than one board holds: narrow the filters."),
    categories: z.array(z.string()),
    personIds: z.array(z.string()),
    people: z.record(z.string(), z.object({ name: z.string() })),
    columns: z.object({
      id: z.array(z.string()),
      reference: z.array(z.string()),
      stage: z
        .array(
          z
            .number()
            .int()
            .min(0)
            .max(BOARD_STAGES.length - 1),
        )
        .describe(`Index into ${BOARD_STAGES.join(", ")}.`),
      receivedAt: z.array(z.string()),
      currentDueDate: z.array(z.string().nullable()),
      workingDaysLeft: z.array(z.number().int().nullable()),
      full: z.array(flag).describe("1: the full view; 0: status only (no content)."),
      subject: z.array(z.string().nullable()),
      complainantName: z.array(z.string().nullable()),
      category: z.array(index).describe("Index into categories."),
      serious: z.array(flag),
      handler: z.array(index).describe("Index into personIds."),
      boardMember: z.array(index).describe("Index into personIds."),
    }),
  })
  .strict();

export const ZBoardHeadResponse = ZBoardColumnsResponse.extend({
  total: z.number().int().min(0).describe("How many cards the full board holds."),
  stageCounts: z
    .array(z.number().int().min(0))
    .length(BOARD_STAGES.length)
    .describe(`How many cards each column holds: ${BOARD_STAGES.join(", ")}.`),
}).strict();

/** GET /api/board/head takes no parameters: it is the top of the caller's whole board. */
export const ZBoardHeadQuery = z.object({}).strict();
