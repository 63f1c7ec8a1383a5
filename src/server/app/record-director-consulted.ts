import { AppError } from "../domain/app-error.js";
import type { ComplaintCase } from "../domain/case.js";
import { recordDirectorConsulted as record } from "../domain/procedure/handling.js";
import { type Actor, hasRole } from "../domain/roles.js";
import { assertMayEverTake, changeCase } from "./change-case.js";
import type { AppDeps } from "./deps.js";
import { requirePersonWithRole } from "./directory-checks.js";

export interface RecordDirectorConsultedOptions {
  deps: AppDeps;
  actor: Actor;
  caseId: string;
  /** A director records their own response; the Operations Director may record one on a director's behalf. */
  input: { response: string; directorId?: string };
}

/** Policy 2.1: directors consulted on a serious complaint, each response recorded. */
export async function recordDirectorConsulted(options: RecordDirectorConsultedOptions): Promise<ComplaintCase> {
  const { deps, actor, caseId, input } = options;
  assertMayEverTake(actor, "directors-consulted");
  const directorId = input.directorId ?? (hasRole(actor, "Complaints.Direct") ? actor.id : undefined);
  if (!directorId) {
    throw new AppError("VALIDATION_FAILED", "Say which director gave this response.", {
      issues: [{ path: ["directorId"], message: "Say which director gave this response." }],
    });
  }
  if (directorId !== actor.id && !hasRole(actor, "Complaints.Triage")) {
    throw new AppError("FORBIDDEN", "Directors record their own response.");
  }
  await requirePersonWithRole(deps.directory, {
    id: directorId,
    role: "Complaints.Direct",
    field: "directorId",
    what: "a director",
  });
  return changeCase({
    deps,
    actor,
    caseId,
    action: "directors-consulted",
    apply: (c, ctx) => record(c, { directorId, response: input.response }, ctx),
  });
}
