import type { PlainDate } from "../domain/calendar/types.js";
import type { ComplaintCase } from "../domain/case.js";
import { recordBoardInformed as record } from "../domain/procedure/closing.js";
import type { Actor } from "../domain/roles.js";
import { changeCase } from "./change-case.js";
import type { AppDeps } from "./deps.js";

export interface RecordBoardInformedOptions {
  deps: AppDeps;
  actor: Actor;
  caseId: string;
  input: { on?: PlainDate; note?: string | null };
}

/** Policy 2.1: the Board is informed of the final outcome. */
export function recordBoardInformed({
  deps,
  actor,
  caseId,
  input,
}: RecordBoardInformedOptions): Promise<ComplaintCase> {
  return changeCase({ deps, actor, caseId, action: "board-informed", apply: (c, ctx) => record(c, input, ctx) });
}
