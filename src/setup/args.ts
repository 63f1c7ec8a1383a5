import { parseArgs } from "node:util";

/** What the administrator gives `npm run setup -- …`; secrets (the webhook URL) may come from the environment. */
export interface SetupArgs {
  tenantId: string;
  /** The https origin Redress is served from, e.g. https://complaints.cmsvoc.co.uk. */
  host: string;
  /** The complaints site as host + path, e.g. cmsvoc.sharepoint.com/sites/complaints. */
  site: string;
  library: string;
  sharedMailbox: string;
  teamId: string | null;
  channelId: string | null;
  webhookUrl: string | null;
  signIn: "device-code" | "browser";
  /** The public client the admin signs in with: Microsoft Graph Command Line Tools unless told otherwise. */
  adminClientId: string;
  appName: string;
  out: string;
  dryRun: boolean;
  openBrowser: boolean;
  authorityHost: string;
  graphBaseUrl: string;
  caFile: string | null;
}

/** Microsoft's own public client for Graph from a command line (used by Graph PowerShell and the Graph CLI). */
export const GRAPH_COMMAND_LINE_TOOLS = "14d82eec-204b-4c2f-b7e8-296a70dab67e";

export const USAGE = `npm run setup -- --tenant <tenant id> --host https://<redress host> --site <tenant>.sharepoint.com/sites/<site>
    --mailbox <shared mailbox> [--library Complaints] [--team <team id> --channel <channel id>]
    [--webhook-url <url>  (or WORKFLOW_WEBHOOK_URL in the environment)] [--sign-in device-code|browser]
    [--out .redress] [--dry-run]`;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads and checks the arguments; every problem at once. */
export function readArgs(argv: string[], env: NodeJS.ProcessEnv): { args: SetupArgs } | { problems: string[] } {
  const { values } = parseArgs({
    args: argv,
    options: {
      tenant: { type: "string" },
      host: { type: "string" },
      site: { type: "string" },
      library: { type: "string", default: "Complaints" },
      mailbox: { type: "string" },
      team: { type: "string" },
      channel: { type: "string" },
      "webhook-url": { type: "string" },
      "sign-in": { type: "string", default: "device-code" },
      "admin-client-id": { type: "string", default: GRAPH_COMMAND_LINE_TOOLS },
      "app-name": { type: "string", default: "Redress" },
      out: { type: "string", default: ".redress" },
      "dry-run": { type: "boolean", default: false },
      "no-open": { type: "boolean", default: false },
      // The Graph emulator (tests, development) only.
      "authority-host": { type: "string", default: "https://login.microsoftonline.com" },
      "graph-base-url": { type: "string", default: "https://graph.microsoft.com/v1.0" },
      "ca-file": { type: "string" },
    },
    strict: true,
  });
  const problems: string[] = [];
  if (!values.tenant || !GUID.test(values.tenant)) problems.push("--tenant: the tenant id (a GUID).");
  let host = "";
  try {
    const url = new URL(values.host ?? "");
    if (url.protocol !== "https:" || url.pathname !== "/") throw new Error("not an origin");
    host = url.origin;
  } catch {
    problems.push("--host: the https address Redress is served from, without a path.");
  }
  const site = (values.site ?? "").replace(/^https:\/\//, "").replace(/\/$/, "");
  if (!/^[a-z0-9-]+\.sharepoint\.com\/sites\/[^/]+$/i.test(site)) {
    problems.push("--site: the complaints site, e.g. contoso.sharepoint.com/sites/complaints.");
  }
  if (!values.mailbox || !/^[^@\s]+@[^@\s]+$/.test(values.mailbox))
    problems.push("--mailbox: the shared mailbox address.");
  if (Boolean(values.team) !== Boolean(values.channel)) problems.push("--team and --channel: give both, or neither.");
  const signIn = values["sign-in"];
  if (signIn !== "device-code" && signIn !== "browser") problems.push("--sign-in: device-code or browser.");
  const webhookUrl = values["webhook-url"] ?? env.WORKFLOW_WEBHOOK_URL ?? null;
  if (webhookUrl && !webhookUrl.startsWith("https://"))
    problems.push("--webhook-url: the https address Workflows gives.");
  if (problems.length > 0) return { problems };
  return {
    args: {
      tenantId: values.tenant ?? "",
      host,
      site,
      library: values.library ?? "Complaints",
      sharedMailbox: values.mailbox ?? "",
      teamId: values.team ?? null,
      channelId: values.channel ?? null,
      webhookUrl,
      signIn: signIn as SetupArgs["signIn"],
      adminClientId: values["admin-client-id"] ?? GRAPH_COMMAND_LINE_TOOLS,
      appName: values["app-name"] ?? "Redress",
      out: values.out ?? ".redress",
      dryRun: values["dry-run"] ?? false,
      openBrowser: !values["no-open"],
      authorityHost: (values["authority-host"] ?? "").replace(/\/$/, ""),
      graphBaseUrl: (values["graph-base-url"] ?? "").replace(/\/$/, ""),
      caFile: values["ca-file"] ?? null,
    },
  };
}
