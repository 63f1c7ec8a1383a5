import type { ComplaintCase } from "../domain/case.js";
import { type AppealInput, recordAppeal as record } from "../domain/procedure/appeal.js";
import type { Actor } from "../domain/roles.js";
import { assertMayEverTake, changeCase } from "./change-case.js";
import type { AppDeps } from "./deps.js";
import { requirePersonWithRole } from "./directory-checks.js";

export interface RecordAppealOptions {
  deps: AppDeps;
  actor: Actor;
  caseId: string;
  input: Omit<AppealInput, "receivedAt"> & { receivedAt?: Date };
}

/** Policy 2.2: an appeal by letter or email, assigned to an appropriate board member (not the handler). */
export async function recordAppeal({ deps, actor, caseId, input }: RecordAppealOptions): Promise<ComplaintCase> {
  assertMayEverTake(actor, "appeal");
  await requirePersonWithRole(deps.directory, {
    id: input.boardMemberId,
    role: "Complaints.Board",
    field: "boardMemberId",
    what: "a board member",
  });
  const receivedAt = input.receivedAt ?? deps.clock.now();
  return changeCase({
    deps,
    actor,
    caseId,
    action: "appeal",
    apply: (c, ctx) => record(c, { ...input, receivedAt }, ctx),
  });
}
