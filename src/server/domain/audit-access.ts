import { type Actor, hasRole } from "./roles.js";

/**
 * Who may see the audit trail: the directors (DESIGN.md §1: they oversee every case). Not the admin: the trail names
 * cases, complainants' references and who looked at them, which IT needs no more than the cases themselves; not the
 * Operations Director, whose own reads and decisions it records.
 */
export const mayViewAudit = (actor: Actor): boolean => hasRole(actor, "Complaints.Direct");
