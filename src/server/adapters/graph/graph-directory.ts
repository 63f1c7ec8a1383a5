import type { Client } from "@microsoft/microsoft-graph-client";
import { ROLES, type Role } from "../../domain/roles.js";
import type { Directory, DirectoryUser } from "../../ports/directory.js";

interface Assignment {
  principalId: string;
  principalType: string;
  appRoleId: string;
}

interface Snapshot {
  at: number;
  users: Map<string, DirectoryUser>;
}

export interface GraphDirectoryOptions {
  /** App-only Graph client (needs Application.Read.All and User.ReadBasic.All). */
  graph: Client;
  tenantId: string;
  /** Redress's app registration: its service principal holds the role assignments. */
  clientId: string;
  /** People as they last signed in: their token's roles are the truth for them (and cover group assignments). */
  signedIn: Directory;
  /** How long a look-up stands; assignments change rarely, and every triage asks for handlers. */
  ttlMs?: number;
  now?: () => number;
  /** Told (without personal data) when Graph could not be asked and older answers were used. */
  onStale?: (reason: string) => void;
}

/**
 * The directory in Microsoft 365 mode. People are found by their app-role assignments on Redress's service
 * principal (`GET /servicePrincipals/{id}/appRoleAssignedTo`, paged), so a director who has never opened Redress is
 * still consulted and notified. Only users assigned directly are listed this way: assigning a role to a group needs
 * Entra ID P1 and reading a group's members another permission, so group assignments are counted and skipped — the
 * people in such a group become known when they first sign in (their token carries the role). The signed-in record
 * is merged in and wins for a person it knows. Answers are cached for `ttlMs`; when Graph fails, the last answer
 * (or the signed-in people alone) is used rather than failing a triage.
 */
export class GraphDirectory implements Directory {
  private snapshot: Snapshot | null = null;
  private loading: Promise<Snapshot> | null = null;
  private servicePrincipal: { id: string; roles: Map<string, Role> } | null = null;
  /** Group assignments seen in the last look-up (they are not expanded). */
  groupAssignments = 0;

  constructor(private readonly options: GraphDirectoryOptions) {}

  async getUser(id: string): Promise<DirectoryUser | null> {
    const known = await this.options.signedIn.getUser(id);
    if (known) return known;
    return (await this.assigned()).get(id) ?? null;
  }

  async usersWithRole(role: Role): Promise<DirectoryUser[]> {
    const byId = new Map<string, DirectoryUser>();
    for (const user of (await this.assigned()).values()) if (user.roles.includes(role)) byId.set(user.id, user);
    // A signed-in person's own token is newer than the assignment list: it decides for them.
    const signedIn = await this.options.signedIn.usersWithRole(role);
    for (const user of signedIn) byId.set(user.id, user);
    for (const [id] of byId) {
      const own = await this.options.signedIn.getUser(id);
      if (own && !own.roles.includes(role)) byId.delete(id);
    }
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
  }

  /** The directly assigned users, by Redress user id (`tid:oid`), from the cache or Graph. */
  private async assigned(): Promise<Map<string, DirectoryUser>> {
    const now = (this.options.now ?? Date.now)();
    const ttl = this.options.ttlMs ?? 5 * 60_000;
    if (this.snapshot && now - this.snapshot.at < ttl) return this.snapshot.users;
    this.loading ??= this.load(now).finally(() => {
      this.loading = null;
    });
    try {
      this.snapshot = await this.loading;
    } catch (error) {
      const e = error as { statusCode?: number; code?: string };
      this.options.onStale?.(`role assignments not read from Graph (${e.statusCode ?? "no answer"} ${e.code ?? ""})`);
      return this.snapshot?.users ?? new Map();
    }
    return this.snapshot.users;
  }

  private async load(now: number): Promise<Snapshot> {
    const { graph, tenantId } = this.options;
    const sp = await this.findServicePrincipal();
    const assignments: Assignment[] = [];
    let page = (await graph
      .api(`/servicePrincipals/${sp.id}/appRoleAssignedTo`)
      .select("principalId,principalType,appRoleId")
      .get()) as { value: Assignment[]; "@odata.nextLink"?: string };
    for (;;) {
      assignments.push(...page.value);
      const next = page["@odata.nextLink"];
      if (!next) break;
      page = (await graph.api(next).get()) as typeof page;
    }
    const rolesByUser = new Map<string, Set<Role>>();
    let groups = 0;
    for (const a of assignments) {
      const role = sp.roles.get(a.appRoleId);
      if (!role) continue;
      if (a.principalType !== "User") {
        groups += 1;
        continue;
      }
      const set = rolesByUser.get(a.principalId) ?? new Set<Role>();
      set.add(role);
      rolesByUser.set(a.principalId, set);
    }
    this.groupAssignments = groups;
    const users = new Map<string, DirectoryUser>();
    // A handful of people in a small organisation: one look-up each, a few at a time.
    const ids = [...rolesByUser.keys()];
    for (let i = 0; i < ids.length; i += 4) {
      const batch = ids.slice(i, i + 4);
      const found = await Promise.all(
        batch.map(
          (oid) =>
            graph
              .api(`/users/${oid}`)
              .select("id,displayName,mail,userPrincipalName")
              .get()
              .catch(() => null) as Promise<{
              id: string;
              displayName?: string;
              mail?: string | null;
              userPrincipalName?: string;
            } | null>,
        ),
      );
      for (const [n, user] of found.entries()) {
        const oid = batch[n] ?? "";
        if (!user) continue; // deleted since it was assigned
        const roles = ROLES.filter((r) => rolesByUser.get(oid)?.has(r));
        users.set(`${tenantId}:${oid}`, {
          id: `${tenantId}:${oid}`,
          name: user.displayName ?? user.userPrincipalName ?? oid,
          email: user.mail ?? user.userPrincipalName ?? null,
          roles,
        });
      }
    }
    return { at: now, users };
  }

  private async findServicePrincipal(): Promise<{ id: string; roles: Map<string, Role> }> {
    if (this.servicePrincipal) return this.servicePrincipal;
    const sp = (await this.options.graph
      .api(`/servicePrincipals(appId='${this.options.clientId}')`)
      .select("id,appRoles")
      .get()) as { id: string; appRoles?: Array<{ id: string; value?: string }> };
    const roles = new Map<string, Role>();
    for (const r of sp.appRoles ?? []) {
      if (r.value && (ROLES as readonly string[]).includes(r.value)) roles.set(r.id, r.value as Role);
    }
    this.servicePrincipal = { id: sp.id, roles };
    return this.servicePrincipal;
  }
}
