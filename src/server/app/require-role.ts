import { AppError } from "../domain/app-error.js";
import { type Actor, hasRole, type Role } from "../domain/roles.js";

/** For actions no case decides: the caller holds one of these roles, or is refused (403, never 404). */
export function requireAnyRole(actor: Actor, roles: readonly Role[], doing: string): void {
  if (!roles.some((role) => hasRole(actor, role))) {
    throw new AppError("FORBIDDEN", `Your role does not allow ${doing}.`);
  }
}
