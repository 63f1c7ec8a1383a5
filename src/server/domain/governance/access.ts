import { type Actor, hasRole } from "../roles.js";

/**
 * Policy 2.1: the Operations Director and the directors run the Operations Meeting, consult on serious complaints and
 * own improvement. Meetings, meeting packs and improvement actions are theirs.
 */
export const mayGovern = (actor: Actor): boolean =>
  hasRole(actor, "Complaints.Direct") || hasRole(actor, "Complaints.Triage");

/**
 * The Reports view shows aggregates only (no names, no case content), so admins (who run the service and review the
 * procedure) see it too; handlers and board members do not need it.
 */
export const mayReport = (actor: Actor): boolean => mayGovern(actor) || hasRole(actor, "Complaints.Admin");
