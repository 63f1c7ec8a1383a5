import type { ComplaintCase } from "../domain/case.js";
import { recordSignpost } from "../domain/procedure/closing.js";
import type { Actor } from "../domain/roles.js";
import { changeCase } from "./change-case.js";
import type { AppDeps } from "./deps.js";

export interface SignpostCaseOptions {
  deps: AppDeps;
  actor: Actor;
  caseId: string;
  input: { awardingOrganisation: string; contact?: string | null; note?: string | null };
}

/** Policy 3.1: the complainant is pointed to the awarding organisation's own procedure. */
export function signpostCase({ deps, actor, caseId, input }: SignpostCaseOptions): Promise<ComplaintCase> {
  return changeCase({ deps, actor, caseId, action: "signpost", apply: (c, ctx) => recordSignpost(c, input, ctx) });
}
