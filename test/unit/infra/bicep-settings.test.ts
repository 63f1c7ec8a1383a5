/**
 * No Bicep compiler works offline, so the Bicep is read as text: every setting the server reads is supplied as an
 * app setting (secrets only by Key Vault reference), and the Bicep sets nothing the server — or App Service itself —
 * ignores. The list of settings comes from config.ts (SETTINGS), not from this file.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { AZURE_PLATFORM_SETTINGS } from "../../../src/server/config/azure-platform-settings.js";
import { SETTING_NAMES, SETTINGS } from "../../../src/server/config/config.js";
import { PROJECT_ROOT } from "../../support/start-server.js";

const bicep = await readFile(path.join(PROJECT_ROOT, "infra/main.bicep"), "utf8");
const parameters = JSON.parse(await readFile(path.join(PROJECT_ROOT, "infra/main.parameters.json"), "utf8")) as {
  parameters: Record<string, { value: unknown }>;
};

/** The object literals (`var name = { … }`) that make up the app settings, as name → value text. */
function objectVar(name: string): Map<string, string> {
  const start = bicep.indexOf(`var ${name} = {`);
  if (start < 0) throw new Error(`var ${name} not found in main.bicep`);
  const body = bicep.slice(start, bicep.indexOf("\n}\n", start));
  const entries = new Map<string, string>();
  for (const m of body.matchAll(/^ {2}([A-Za-z][A-Za-z0-9_]*): (.+)$/gm)) entries.set(m[1] ?? "", m[2] ?? "");
  return entries;
}

const appSettingsBlock = /resource appSettings 'Microsoft\.Web\/sites\/config@[^']+' = \{[\s\S]*?\n\}/.exec(bicep)?.[0];
const varsInUse = [...(appSettingsBlock ?? "").matchAll(/\b(settings|certificateSettings|secretSettings)\b/g)].map(
  (m) => m[1] ?? "",
);
const appSettings = new Map<string, string>();
for (const v of new Set(varsInUse)) for (const [k, value] of objectVar(v)) appSettings.set(k, value);
const keyVaultReference = /^'@Microsoft\.KeyVault\(VaultName=\$\{vault\.name\};SecretName=([a-z0-9-]+)\)'$/;

describe("infra/main.bicep against the settings the server reads", () => {
  test("the app settings come from the appsettings resource and include both credential kinds", () => {
    expect(appSettingsBlock).toContain("name: 'appsettings'");
    expect(new Set(varsInUse)).toEqual(new Set(["settings", "certificateSettings", "secretSettings"]));
    expect(appSettings.size).toBeGreaterThan(20);
  });

  test("every setting the server reads in Azure is supplied", () => {
    const missing = SETTING_NAMES.filter((n) => SETTINGS[n].source === "app-setting" && !appSettings.has(n));
    expect(missing).toEqual([]);
  });

  test("the Bicep sets nothing the server or App Service ignores", () => {
    const known = new Set<string>([...SETTING_NAMES, ...Object.keys(AZURE_PLATFORM_SETTINGS)]);
    expect([...appSettings.keys()].filter((n) => !known.has(n))).toEqual([]);
  });

  test("settings App Service provides or that only the emulator uses are not set", () => {
    const forbidden = SETTING_NAMES.filter((n) => SETTINGS[n].source !== "app-setting");
    expect(forbidden).toContain("PORT");
    expect(forbidden).toContain("GRAPH_EXTRA_CA_FILE");
    expect(forbidden.filter((n) => appSettings.has(n))).toEqual([]);
  });

  test("secrets are Key Vault references to secrets the Bicep writes; nothing else is", () => {
    const writtenSecrets = [
      ...bicep.matchAll(/'Microsoft\.KeyVault\/vaults\/secrets@[^']+' = \{\s*parent: vault\s*name: ([^\n]+)/g),
    ]
      .map((m) => m[1] ?? "")
      .join(" ");
    for (const [name, value] of appSettings) {
      const secret = (SETTINGS as Record<string, { secret: boolean } | undefined>)[name]?.secret === true;
      const ref = keyVaultReference.exec(value);
      if (secret) {
        expect(ref, `${name} must be a Key Vault reference`).not.toBeNull();
        expect(writtenSecrets, `${name}: secret ${ref?.[1]} is written to the vault`).toContain(`'${ref?.[1]}'`);
      } else {
        expect(value, `${name} is not a secret`).not.toContain("@Microsoft.KeyVault");
      }
    }
    // Secret parameters are @secure(): never shown in the deployment history.
    for (const p of ["clientCredential", "workflowWebhookUrl", "postgresAdminPassword"]) {
      expect(bicep).toMatch(new RegExp(`@secure\\(\\)\\s*param ${p} string`));
    }
  });

  test("production settings: Node 22 LTS on Linux, production mode, listening on every interface, HTTPS only", () => {
    expect(bicep).toContain("linuxFxVersion: 'NODE|22-lts'");
    expect(bicep).toMatch(/reserved: true/);
    expect(bicep).toMatch(/httpsOnly: true/);
    expect(appSettings.get("NODE_ENV")).toBe("'production'");
    expect(appSettings.get("HOST")).toBe("'0.0.0.0'");
    expect(bicep).toContain("healthCheckPath: '/healthz'");
    expect(bicep).toContain("'Microsoft.DBforPostgreSQL/flexibleServers@");
    expect(bicep).toContain("'Microsoft.Insights/components@");
    expect(bicep).toContain("enableRbacAuthorization: true");
  });

  test("the parameters file names only parameters the Bicep declares, and gives every required one", () => {
    const declared = new Map<string, boolean>();
    for (const m of bicep.matchAll(/^param (\w+) \w+( = .+)?$/gm)) declared.set(m[1] ?? "", Boolean(m[2]));
    const secure = new Set([...bicep.matchAll(/@secure\(\)\s*param (\w+)/g)].map((m) => m[1] ?? ""));
    const given = Object.keys(parameters.parameters);
    expect(given.filter((p) => !declared.has(p))).toEqual([]);
    const required = [...declared].filter(([p, hasDefault]) => !hasDefault && !secure.has(p)).map(([p]) => p);
    expect(required.filter((p) => !given.includes(p))).toEqual([]);
    // Secrets never sit in the parameters file.
    expect(given.filter((p) => secure.has(p))).toEqual([]);
  });
});
