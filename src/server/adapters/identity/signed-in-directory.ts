import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { Role } from "../../domain/roles.js";
import type { Directory, DirectoryUser } from "../../ports/directory.js";

/**
 * The people of a Microsoft 365 tenant as Redress has met them: each verified sign-in records the person's name,
 * address and app roles (from the token, no Graph call), kept in a file in the data folder so choices such as the
 * handler survive a restart. Someone who has never opened Redress cannot yet be chosen; a Graph-backed directory
 * (app role assignments of the service principal) can replace this behind the same port.
 */
export class SignedInDirectory implements Directory {
  private readonly users = new Map<string, DirectoryUser>();
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly file: string) {
    try {
      for (const user of JSON.parse(readFileSync(file, "utf8")) as DirectoryUser[]) this.users.set(user.id, user);
    } catch {
      // first start: nobody yet
    }
  }

  record(user: { id: string; name: string; email: string | null; roles: Role[] }): void {
    const known = this.users.get(user.id);
    if (known && known.name === user.name && known.email === user.email && known.roles.join() === user.roles.join())
      return;
    this.users.set(user.id, { ...user });
    const snapshot = JSON.stringify([...this.users.values()]);
    this.writing = this.writing.then(async () => {
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      const temp = `${this.file}.tmp`;
      await fs.writeFile(temp, snapshot, { mode: 0o600 });
      await fs.rename(temp, this.file);
    });
  }

  async getUser(id: string): Promise<DirectoryUser | null> {
    return this.users.get(id) ?? null;
  }

  async usersWithRole(role: Role): Promise<DirectoryUser[]> {
    return [...this.users.values()].filter((u) => u.roles.includes(role));
  }
}
