import type { Role } from "../domain/roles.js";

export interface DirectoryUser {
  id: string;
  name: string;
  email: string | null;
  roles: readonly Role[];
}

/** Who works at the organisation and in which roles: the personas in embedded mode, Entra ID in Microsoft 365. */
export interface Directory {
  getUser(id: string): Promise<DirectoryUser | null>;
  usersWithRole(role: Role): Promise<DirectoryUser[]>;
}
