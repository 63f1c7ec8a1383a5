import type { ComplaintCase } from "../domain/case.js";
import { type RedirectInput, redirectCase as redirect } from "../domain/procedure/triage.js";
import type { Actor } from "../domain/roles.js";
import { changeCase } from "./change-case.js";
import type { AppDeps } from "./deps.js";

export interface RedirectCaseOptions {
  deps: AppDeps;
  actor: Actor;
  caseId: string;
  input: RedirectInput;
}

/** Not a complaint, or a staff grievance for the Discipline and Grievance policy: closes with the reason. */
export function redirectCase({ deps, actor, caseId, input }: RedirectCaseOptions): Promise<ComplaintCase> {
  return changeCase({ deps, actor, caseId, action: "redirect", apply: (c, ctx) => redirect(c, input, ctx) });
}
