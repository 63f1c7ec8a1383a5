import type { SetupContext } from "../context.js";

/** The app's service principal (Enterprise application): where people are assigned roles and permissions granted. */
export async function ensureServicePrincipal(ctx: SetupContext): Promise<void> {
  const { graph, args, report, found } = ctx;
  report.step("2. Enterprise application (service principal)");
  if (!found.appObjectId) {
    report.changed("create the enterprise application for the new registration");
    return;
  }
  const existing = (await graph
    .api("/servicePrincipals")
    .filter(`appId eq '${found.clientId}'`)
    .select("id")
    .get()) as {
    value: Array<{ id: string }>;
  };
  const sp = existing.value[0];
  if (sp) {
    found.servicePrincipalId = sp.id;
    report.unchanged("the enterprise application exists");
    return;
  }
  report.changed("create the enterprise application, where people are given their Redress roles");
  if (args.dryRun) return;
  const created = (await graph.api("/servicePrincipals").post({ appId: found.clientId })) as { id: string };
  found.servicePrincipalId = created.id;
}
