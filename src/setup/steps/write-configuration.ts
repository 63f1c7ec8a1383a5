import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SetupContext } from "../context.js";

/** What set-up remembers between runs (no secrets). */
export interface SetupState {
  webhookCheckedSha256?: string;
}

export async function readState(out: string): Promise<SetupState> {
  try {
    return JSON.parse(await readFile(path.join(out, "setup-state.json"), "utf8")) as SetupState;
  } catch {
    return {};
  }
}

/**
 * Writes the settings the server reads (`redress.env`, the names of config.ts) and the Bicep parameters
 * (`main.parameters.json`) for the tenant just set up, and the state file. Secrets are never written: the webhook
 * address and the credential go to Key Vault through the Bicep's secure parameters. A file that would not change is
 * left alone.
 */
export async function writeConfiguration(ctx: SetupContext, state: SetupState, teamsAppId: string): Promise<void> {
  const { args, report, found } = ctx;
  report.step(`7. Configuration in ${args.out}/`);
  const settings: Record<string, string> = {
    TENANT_ID: args.tenantId,
    CLIENT_ID: found.clientId ?? "",
    API_APP_ID_URI: found.apiAppIdUri ?? "",
    PUBLIC_URL: args.host,
    SITE_ID: found.siteId ?? "",
    DRIVE_ID: found.driveId ?? "",
    SHARED_MAILBOX: args.sharedMailbox,
    TEAMS_APP_ID: teamsAppId,
    ...(args.teamId && args.channelId ? { TEAM_ID: args.teamId, CHANNEL_ID: args.channelId } : {}),
  };
  const env = [
    "# Written by npm run setup. Secrets (CLIENT_CERTIFICATE_PRIVATE_KEY or CLIENT_SECRET, WORKFLOW_WEBHOOK_URL)",
    "# are not here: in Azure they come from Key Vault; locally, set them in the environment.",
    ...Object.entries(settings).map(([k, v]) => `${k}=${v}`),
    "",
  ].join("\n");
  const parameters = {
    $schema: "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
    contentVersion: "1.0.0.0",
    parameters: Object.fromEntries(
      Object.entries({
        publicUrl: args.host,
        tenantId: args.tenantId,
        clientId: settings.CLIENT_ID,
        apiAppIdUri: settings.API_APP_ID_URI,
        siteId: settings.SITE_ID,
        driveId: settings.DRIVE_ID,
        teamId: args.teamId ?? "",
        channelId: args.channelId ?? "",
        sharedMailbox: args.sharedMailbox,
        teamsAppId,
      }).map(([k, v]) => [k, { value: v }]),
    ),
  };
  const files: Array<[string, string]> = [
    ["redress.env", env],
    ["main.parameters.json", `${JSON.stringify(parameters, null, 2)}\n`],
    ["setup-state.json", `${JSON.stringify(state, null, 2)}\n`],
  ];
  for (const [name, content] of files) {
    const file = path.join(args.out, name);
    const before = await readFile(file, "utf8").catch(() => null);
    if (before === content) {
      report.unchanged(`${name} is up to date`);
      continue;
    }
    report.changed(`${before === null ? "write" : "update"} ${path.join(args.out, name)}`);
    if (args.dryRun) continue;
    await mkdir(args.out, { recursive: true });
    await writeFile(`${file}.tmp`, content, { mode: 0o600 });
    await rename(`${file}.tmp`, file);
  }
}
