import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { GraphEmulator } from "./graph-emulator.js";

/** The settings that start the built server in Microsoft 365 mode against the emulator. */
export async function tenantEnv(
  emulator: GraphEmulator,
  extra: Record<string, string> = {},
): Promise<Record<string, string>> {
  const caFile = path.join(os.tmpdir(), `graph-emulator-ca-${process.pid}-${Date.now()}.pem`);
  await writeFile(caFile, emulator.ca);
  return {
    TENANT_ID: emulator.options.tenantId,
    CLIENT_ID: emulator.options.clientId,
    CLIENT_SECRET: emulator.options.clientSecret,
    API_APP_ID_URI: `api://redress.example.org/${emulator.options.clientId}`,
    SITE_ID: "contoso.sharepoint.com,site-guid,web-guid",
    DRIVE_ID: emulator.options.driveId,
    TEAM_ID: emulator.options.teamId,
    CHANNEL_ID: emulator.options.channelId,
    WORKFLOW_WEBHOOK_URL: emulator.webhookUrl,
    SHARED_MAILBOX: emulator.options.sharedMailbox,
    GRAPH_BASE_URL: emulator.graphBaseUrl,
    AUTHORITY_HOST: emulator.url,
    GRAPH_EXTRA_CA_FILE: caFile,
    ...extra,
  };
}
