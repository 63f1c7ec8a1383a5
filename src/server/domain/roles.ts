/** Entra app roles (DESIGN.md §1). The values are the role claim values in access tokens. */
export const ROLES = [
  "Complaints.Log",
  "Complaints.Handle",
  "Complaints.Triage",
  "Complaints.Direct",
  "Complaints.Board",
  "Complaints.Admin",
] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in person. `id` is stable: tenant id + object id in Microsoft 365, the persona name in embedded mode. */
export interface Actor {
  id: string;
  name: string;
  roles: readonly Role[];
}

export const hasRole = (actor: Pick<Actor, "roles">, role: Role): boolean => actor.roles.includes(role);
