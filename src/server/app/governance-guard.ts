import { AppError } from "../domain/app-error.js";
import { mayGovern, mayReport } from "../domain/governance/access.js";
import type { Actor } from "../domain/roles.js";

/** 403 unless the caller is a director or the Operations Director (meetings, packs, improvement actions). */
export function assertMayGovern(actor: Actor): void {
  if (!mayGovern(actor)) {
    throw new AppError("FORBIDDEN", "Only directors and the Operations Director run the Operations Meeting.");
  }
}

/** 403 unless the caller may see the complaints reports (aggregates). */
export function assertMayReport(actor: Actor): void {
  if (!mayReport(actor)) {
    throw new AppError("FORBIDDEN", "Only directors, the Operations Director and admins see the complaints reports.");
  }
}
