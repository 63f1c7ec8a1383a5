import type { ComplaintCase } from "../domain/case.js";
import { type TriageInput, triageCase as triage } from "../domain/procedure/triage.js";
import type { Actor } from "../domain/roles.js";
import { assertMayEverTake, changeCase } from "./change-case.js";
import type { AppDeps } from "./deps.js";
import { requirePersonWithRole } from "./directory-checks.js";

export interface TriageCaseOptions {
  deps: AppDeps;
  actor: Actor;
  caseId: string;
  input: TriageInput;
}

/** Policy 1.2: the Operations Director decides the course of action and the appropriate person. */
export async function triageCase({ deps, actor, caseId, input }: TriageCaseOptions): Promise<ComplaintCase> {
  assertMayEverTake(actor, "triage");
  await requirePersonWithRole(deps.directory, {
    id: input.handlerId,
    role: "Complaints.Handle",
    field: "handlerId",
    what: "a complaint handler",
  });
  return changeCase({ deps, actor, caseId, action: "triage", apply: (c, ctx) => triage(c, input, ctx) });
}
