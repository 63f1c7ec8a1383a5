/**
 * `npm run setup` end to end against the Graph emulator, with the real msal-node (device code, and a browser
 * sign-in to a loopback redirect with PKCE) and Graph clients: a dry run changes nothing; the first run registers
 * the app, its service principal, the library and folder, the Sites.Selected grant, checks the channel, webhook and
 * mailbox, writes configuration the server accepts and builds the app package; a second run changes nothing and
 * says so.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadConfig } from "../../src/server/config/config.js";
import { ROLES } from "../../src/server/domain/roles.js";
import { GraphEmulator } from "../emulator/graph-emulator.js";
import { type TenantAdmin, tenantAdmin } from "../emulator/tenant-admin.js";
import { PROJECT_ROOT } from "../support/start-server.js";

let emulator: GraphEmulator;
let admin: TenantAdmin;
let out = "";
let caFile = "";

beforeAll(async () => {
  emulator = await GraphEmulator.start();
  admin = tenantAdmin(emulator);
  out = await mkdtemp(path.join(os.tmpdir(), "redress-setup-"));
  caFile = path.join(out, "emulator-ca.pem");
  await writeFile(caFile, emulator.ca);
});

afterAll(async () => {
  await emulator?.close();
  await rm(out, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  output: string;
}

function setup(extra: string[] = [], onOutput?: (text: string, child: ChildProcess) => void): Promise<Run> {
  const args = [
    "--import",
    "tsx",
    "src/setup/main.ts",
    "--tenant",
    emulator.options.tenantId,
    "--host",
    "https://redress.example.org",
    "--site",
    "contoso.sharepoint.com/sites/complaints",
    "--mailbox",
    emulator.options.sharedMailbox,
    "--team",
    emulator.options.teamId,
    "--channel",
    emulator.options.channelId,
    "--out",
    path.join(out, "config"),
    "--authority-host",
    emulator.url,
    "--graph-base-url",
    emulator.graphBaseUrl,
    "--ca-file",
    caFile,
    "--no-open",
    ...extra,
  ];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? "", WORKFLOW_WEBHOOK_URL: emulator.webhookUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const take = (d: Buffer) => {
      output += d.toString();
      onOutput?.(output, child);
    };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    child.on("exit", (code) => resolve({ code, output }));
  });
}

/** Follows the sign-in address as a browser would: the emulator's page posts a code to the CLI's loopback. */
function browse(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca: emulator.ca }, (res) => {
        let html = "";
        res.on("data", (d: Buffer) => {
          html += d.toString();
        });
        res.on("end", () => {
          const action = /<form method="post" action="([^"]+)">/.exec(html)?.[1];
          if (res.statusCode !== 200 || !action) return reject(new Error(`authorize answered ${res.statusCode}`));
          const form = new URLSearchParams();
          for (const m of html.matchAll(/name="([^"]+)" value="([^"]*)"/g)) form.set(m[1] ?? "", m[2] ?? "");
          fetch(action, { method: "POST", body: form }).then(() => resolve(), reject);
        });
      })
      .on("error", reject);
  });
}

describe("npm run setup", () => {
  test("a dry run says what it would do and changes nothing", async () => {
    const run = await setup(["--dry-run"]);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain("To sign in, use a web browser");
    expect(run.output).toContain('would create the app registration "Redress"');
    expect(run.output).toContain('would create the document library "Complaints"');
    expect(run.output).toMatch(/change\(s\) would be made/);
    expect(admin.writes).toEqual([]);
    expect(emulator.posts).toEqual([]);
    await expect(readdir(path.join(out, "config"))).rejects.toThrow();
  }, 60_000);

  test("the first run sets everything up, in plain words", async () => {
    const run = await setup();
    expect(run.code, run.output).toBe(0);
    for (const line of [
      'done: create the app registration "Redress"',
      "done: pre-authorise the Microsoft 365 (Office) and Teams clients",
      "done: create the enterprise application",
      'done: create the document library "Complaints"',
      "done: create the folder Directors/Complaints",
      "done: grant the app write access to the complaints site only",
      'ok: the channel "Board" exists',
      "done: post a 'Redress is connected' card",
      "ok: the shared mailbox exists",
      "done: write",
      "done: build the app package",
    ]) {
      expect(run.output).toContain(line);
    }

    // The registration as the server and the clients need it.
    const [app] = [...admin.applications.values()] as Array<Record<string, never>>;
    const appId = String(app?.appId);
    const api = app?.api as unknown as {
      requestedAccessTokenVersion: number;
      oauth2PermissionScopes: Array<{ id: string; value: string }>;
      preAuthorizedApplications: Array<{ appId: string; delegatedPermissionIds: string[] }>;
    };
    expect(api.requestedAccessTokenVersion).toBe(2);
    expect(api.oauth2PermissionScopes.map((s) => s.value)).toEqual(["access_as_user"]);
    const scopeId = api.oauth2PermissionScopes[0]?.id;
    expect(api.preAuthorizedApplications).toEqual(
      [
        "ea5a67f6-b6f3-4338-b240-c655ddc3cc8e",
        "1fec8e78-bce4-4aaf-ab1b-5451cc387264",
        "5e3ce6c0-2b1f-4285-8d4b-75ee78787346",
      ].map((id) => ({ appId: id, delegatedPermissionIds: [scopeId] })),
    );
    expect(((app?.appRoles ?? []) as unknown as Array<{ value: string }>).map((r) => r.value)).toEqual([...ROLES]);
    expect(((app?.spa ?? {}) as unknown as { redirectUris?: string[] }).redirectUris).toContain(
      "brk-multihub://redress.example.org",
    );
    expect(app?.identifierUris).toEqual([`api://redress.example.org/${appId}`]);
    expect([...admin.servicePrincipals.values()].some((sp) => sp.appId === appId)).toBe(true);
    expect(admin.sitePermissions).toEqual([
      expect.objectContaining({
        roles: ["write"],
        grantedToIdentities: [{ application: { id: appId, displayName: "Redress" } }],
      }),
    ]);
    expect(emulator.posts).toHaveLength(1);

    // The configuration written is one the server accepts (with the secrets it keeps out of the file).
    const envFile = await readFile(path.join(out, "config/redress.env"), "utf8");
    expect(envFile).not.toContain("sig=");
    const settings = Object.fromEntries(
      envFile
        .split("\n")
        .filter((l) => /^[A-Z_]+=/.test(l))
        .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
    );
    expect(settings).toMatchObject({
      CLIENT_ID: appId,
      DRIVE_ID: emulator.options.driveId,
      SHARED_MAILBOX: emulator.options.sharedMailbox,
    });
    const config = loadConfig({
      ...settings,
      CLIENT_SECRET: "from Key Vault",
      WORKFLOW_WEBHOOK_URL: emulator.webhookUrl,
    });
    expect(config.mode).toBe("microsoft365");
    expect(config.tenant?.audiences).toEqual([appId, `api://redress.example.org/${appId}`]);
    const params = JSON.parse(await readFile(path.join(out, "config/main.parameters.json"), "utf8"));
    expect(params.parameters.clientId.value).toBe(appId);
    expect(await readdir(path.join(out, "config/package"))).toEqual(
      expect.arrayContaining(["redress-redress.example.org.zip", "redress-outlook-addin-redress.example.org.xml"]),
    );
  }, 90_000);

  test("a second run changes nothing and says so", async () => {
    const writes = [...admin.writes];
    const run = await setup();
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain("Nothing to change: everything was already set up.");
    expect(run.output).not.toContain("done:");
    expect(run.output).toContain("ok: the folder Directors/Complaints exists");
    expect(run.output).toContain("ok: the Workflows webhook answered when last checked");
    expect(admin.writes).toEqual(writes);
    expect(emulator.posts).toHaveLength(1);
  }, 90_000);

  test("where Conditional Access blocks device code, a browser sign-in (loopback + PKCE) does the same", async () => {
    let opened = false;
    const run = await setup(["--sign-in", "browser", "--dry-run"], (text) => {
      const url = /\n {2}(https:\/\/\S+\/oauth2\/v2\.0\/authorize\S+)/.exec(text)?.[1];
      if (url && !opened) {
        opened = true;
        void browse(url);
      }
    });
    expect(run.code, run.output).toBe(0);
    expect(opened).toBe(true);
    expect(run.output).toContain("Signed in as it.admin@contoso.example");
    expect(run.output).toContain("Nothing to change");
  }, 60_000);

  test("bad arguments are listed together, with the usage", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "src/setup/main.ts", "--host", "http://x", "--team", "t"],
      {
        cwd: PROJECT_ROOT,
        env: { PATH: process.env.PATH ?? "" },
      },
    );
    let text = "";
    child.stderr.on("data", (d: Buffer) => {
      text += d.toString();
    });
    const code = await new Promise<number | null>((r) => child.on("exit", r));
    expect(code).toBe(2);
    for (const p of ["--tenant", "--host", "--site", "--mailbox", "--team and --channel"]) expect(text).toContain(p);
  });
});
