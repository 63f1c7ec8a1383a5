import type { ComplaintCase } from "../domain/case.js";
import { closeCase as close } from "../domain/procedure/closing.js";
import type { Actor } from "../domain/roles.js";
import { changeCase } from "./change-case.js";
import type { AppDeps } from "./deps.js";

export interface CloseCaseOptions {
  deps: AppDeps;
  actor: Actor;
  caseId: string;
  input: { note?: string | null };
}

/** Closing is explicit, and refused (naming each unmet guard) until the procedure is complete. */
export function closeCase({ deps, actor, caseId, input }: CloseCaseOptions): Promise<ComplaintCase> {
  return changeCase({ deps, actor, caseId, action: "close", apply: (c, ctx) => close(c, input, ctx) });
}
