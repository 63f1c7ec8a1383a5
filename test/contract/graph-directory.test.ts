/**
 * The Microsoft 365 directory against the Graph emulator (real msal-node and Graph clients): people are found by
 * their app-role assignments even if they never signed in; group assignments are skipped (P1), paging is followed,
 * answers are cached briefly, a Graph outage falls back to the last answer, and a person's own sign-in wins.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { GraphConnection } from "../../src/server/adapters/graph/connect-graph.js";
import { GraphDirectory } from "../../src/server/adapters/graph/graph-directory.js";
import { SignedInDirectory } from "../../src/server/adapters/identity/signed-in-directory.js";
import { ROLES } from "../../src/server/domain/roles.js";
import { connectToEmulator } from "../emulator/connect-to-emulator.js";
import { GraphEmulator } from "../emulator/graph-emulator.js";
import { type TenantAdmin, tenantAdmin } from "../emulator/tenant-admin.js";

let emulator: GraphEmulator;
let graph: GraphConnection;
let admin: TenantAdmin;
let spId = "";
let roleIds = new Map<string, string>();
let dir = "";
const people: Record<string, { id: string; displayName: string }> = {};

beforeAll(async () => {
  emulator = await GraphEmulator.start();
  graph = connectToEmulator(emulator);
  admin = tenantAdmin(emulator);
  ({ servicePrincipalId: spId, roleIds } = admin.seedRedressApp(ROLES));
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "graph-directory-"));
  const add = (key: string, displayName: string, mail: string, roles: string[]) => {
    const user = admin.addUser({ displayName, mail, userPrincipalName: mail });
    people[key] = user;
    for (const r of roles) admin.assign(spId, user, roleIds.get(r) ?? "");
  };
  add("director", "Daniel Morgan", "daniel.morgan@contoso.example", ["Complaints.Log", "Complaints.Direct"]);
  add("director2", "Rachel Hughes", "rachel.hughes@contoso.example", ["Complaints.Direct"]);
  add("handler", "Helen Carter", "helen.carter@contoso.example", ["Complaints.Log", "Complaints.Handle"]);
  // A group assigned the board role: needs Entra ID P1, and its members are not read.
  admin.assign(spId, { id: "group-1", displayName: "Board members" }, roleIds.get("Complaints.Board") ?? "", "Group");
});

afterAll(async () => {
  graph?.close();
  await emulator?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const tid = () => emulator.options.tenantId;

function directory(options: { now?: () => number; signedIn?: SignedInDirectory; onStale?: (r: string) => void } = {}) {
  return new GraphDirectory({
    graph: graph.appGraph,
    tenantId: tid(),
    clientId: emulator.options.clientId,
    signedIn: options.signedIn ?? new SignedInDirectory(path.join(dir, `${Math.random()}.json`)),
    ...(options.now ? { now: options.now } : {}),
    ...(options.onStale ? { onStale: options.onStale } : {}),
  });
}

describe("GraphDirectory", () => {
  test("directors who never signed in are found by their app-role assignments, across pages", async () => {
    const d = directory();
    const directors = await d.usersWithRole("Complaints.Direct");
    expect(directors.map((u) => u.name)).toEqual(["Daniel Morgan", "Rachel Hughes"]);
    expect(directors[0]).toEqual({
      id: `${tid()}:${people.director?.id}`,
      name: "Daniel Morgan",
      email: "daniel.morgan@contoso.example",
      roles: ["Complaints.Log", "Complaints.Direct"],
    });
    expect((await d.getUser(`${tid()}:${people.handler?.id}`))?.roles).toEqual(["Complaints.Log", "Complaints.Handle"]);
    // The board role was given to a group: counted, not expanded.
    expect(await d.usersWithRole("Complaints.Board")).toEqual([]);
    expect(d.groupAssignments).toBe(1);
  });

  test("a board member in the assigned group is known once they sign in", async () => {
    const signedIn = new SignedInDirectory(path.join(dir, "people.json"));
    signedIn.record({ id: `${tid()}:board-oid`, name: "Bernard Lewis", email: null, roles: ["Complaints.Board"] });
    const d = directory({ signedIn });
    expect((await d.usersWithRole("Complaints.Board")).map((u) => u.name)).toEqual(["Bernard Lewis"]);
  });

  test("a person's own sign-in wins: a role their token no longer carries is not theirs", async () => {
    const signedIn = new SignedInDirectory(path.join(dir, "people-2.json"));
    signedIn.record({
      id: `${tid()}:${people.director2?.id}`,
      name: "Rachel Hughes",
      email: null,
      roles: ["Complaints.Log"],
    });
    const d = directory({ signedIn });
    expect((await d.usersWithRole("Complaints.Direct")).map((u) => u.name)).toEqual(["Daniel Morgan"]);
  });

  test("answers are cached for five minutes; then new assignments show", async () => {
    let now = 1_000_000;
    const d = directory({ now: () => now });
    expect(await d.usersWithRole("Complaints.Triage")).toEqual([]);
    const olivia = admin.addUser({
      displayName: "Olivia Bennett",
      mail: "olivia@contoso.example",
      userPrincipalName: "olivia@contoso.example",
    });
    admin.assign(spId, olivia, roleIds.get("Complaints.Triage") ?? "");
    now += 60_000;
    expect(await d.usersWithRole("Complaints.Triage")).toEqual([]);
    now += 5 * 60_000;
    expect((await d.usersWithRole("Complaints.Triage")).map((u) => u.name)).toEqual(["Olivia Bennett"]);
  });

  test("when Graph fails, the last answer is used and the failure is reported without personal data", async () => {
    let now = 2_000_000;
    const stale: string[] = [];
    const d = directory({ now: () => now, onStale: (r) => stale.push(r) });
    expect((await d.usersWithRole("Complaints.Direct")).length).toBe(2);
    now += 10 * 60_000;
    emulator.faults.add({ match: /appRoleAssignedTo$/, kind: "status", status: 503, times: 1 });
    expect((await d.usersWithRole("Complaints.Direct")).length).toBe(2);
    expect(stale).toHaveLength(1);
    expect(stale[0]).toContain("503");
    expect(stale[0]).not.toMatch(/@|Morgan|Hughes/);
  });
});
