import type { ComplaintCase } from "../domain/case.js";
import { withdrawCase as withdraw } from "../domain/procedure/closing.js";
import type { Actor } from "../domain/roles.js";
import { changeCase } from "./change-case.js";
import type { AppDeps } from "./deps.js";

export interface WithdrawCaseOptions {
  deps: AppDeps;
  actor: Actor;
  caseId: string;
  input: { reason: string };
}

export function withdrawCase({ deps, actor, caseId, input }: WithdrawCaseOptions): Promise<ComplaintCase> {
  return changeCase({ deps, actor, caseId, action: "withdraw", apply: (c, ctx) => withdraw(c, input, ctx) });
}
