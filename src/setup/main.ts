/**
 * `npm run setup -- --tenant … --host … --site … --mailbox … [--dry-run]` — sets Redress up in a Microsoft 365
 * tenant, one step per file under steps/, each idempotent: a second run changes nothing and says so.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createGraphClient } from "../server/adapters/graph/graph-client.js";
import { HttpsTransport } from "../server/adapters/graph/https-transport.js";
import { readArgs, USAGE } from "./args.js";
import { graphProblem, Reporter, type SetupContext } from "./context.js";
import { signInAdmin, systemOpener } from "./sign-in.js";
import { buildAppPackage } from "./steps/build-app-package.js";
import { checkBoardChannel } from "./steps/check-board-channel.js";
import { checkSharedMailbox } from "./steps/check-shared-mailbox.js";
import { ensureLibrary } from "./steps/ensure-library.js";
import { ensureServicePrincipal } from "./steps/ensure-service-principal.js";
import { grantSiteAccess } from "./steps/grant-site-access.js";
import { registerApp } from "./steps/register-app.js";
import { readState, writeConfiguration } from "./steps/write-configuration.js";

const MANIFEST_IDS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../manifest/ids.json");

async function main(): Promise<number> {
  let read: ReturnType<typeof readArgs>;
  try {
    read = readArgs(process.argv.slice(2), process.env);
  } catch (error) {
    // An unknown option, or one without its value.
    read = { problems: [error instanceof Error ? error.message : String(error)] };
  }
  if ("problems" in read) {
    console.error(`Set-up needs:\n${read.problems.map((p) => `  - ${p}`).join("\n")}\n\nUsage:\n  ${USAGE}`);
    return 2;
  }
  const { args } = read;
  const ca = args.caFile ? await readFile(args.caFile, "utf8") : undefined;
  const transport = new HttpsTransport(ca ? { ca } : {});
  try {
    console.log(
      `Redress set-up for tenant ${args.tenantId}${args.dryRun ? " (dry run: nothing will be changed)" : ""}`,
    );
    const token = await signInAdmin({
      tenantId: args.tenantId,
      clientId: args.adminClientId,
      authorityHost: args.authorityHost,
      transport,
      method: args.signIn,
      say: (line) => console.log(line),
      ...(args.openBrowser ? { open: systemOpener } : {}),
    });
    const graph = createGraphClient({ baseUrl: args.graphBaseUrl, token: async () => token, transport });
    const report = new Reporter(args.dryRun);
    const ctx: SetupContext = { args, graph, transport, found: {}, report };
    const state = await readState(args.out);
    const teamsAppId = (JSON.parse(await readFile(MANIFEST_IDS, "utf8")) as { appId: string }).appId;
    await registerApp(ctx);
    await ensureServicePrincipal(ctx);
    await ensureLibrary(ctx);
    await grantSiteAccess(ctx);
    await checkBoardChannel(ctx, state);
    await checkSharedMailbox(ctx);
    await writeConfiguration(ctx, state, teamsAppId);
    await buildAppPackage(ctx);
    console.log(
      report.changes === 0
        ? "\nNothing to change: everything was already set up."
        : args.dryRun
          ? `\n${report.changes} change(s) would be made. Run again without --dry-run to make them.`
          : `\n${report.changes} change(s) made. Next: README "Install in your tenant", from step 4.`,
    );
    return 0;
  } catch (error) {
    console.error(
      `\nSet-up stopped: ${error instanceof Error && !("statusCode" in error) ? error.message : graphProblem(error)}`,
    );
    console.error("Nothing after this step was done; fix the problem and run set-up again (finished steps are kept).");
    return 1;
  } finally {
    transport.close();
  }
}

process.exitCode = await main();
