import type { SetupContext } from "../context.js";
import { comparable, desiredApp } from "../desired-app.js";

const GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";

/**
 * Creates or updates the Entra app registration: the six app roles, the `access_as_user` scope, v2 tokens, the NAA
 * redirect `brk-multihub://<host>`, the Office and Teams clients pre-authorised, and the Graph permissions Redress
 * asks for (consented in the portal by the admin). Found again by name on a later run; changed only when it differs.
 */
export async function registerApp(ctx: SetupContext): Promise<void> {
  const { graph, args, report } = ctx;
  report.step(`1. App registration "${args.appName}"`);
  const found = (await graph
    .api("/applications")
    .filter(`displayName eq '${args.appName.replace(/'/g, "''")}'`)
    .get()) as { value: Array<Record<string, unknown> & { id: string; appId: string }> };
  if (found.value.length > 1) {
    throw new Error(
      `There are ${found.value.length} registrations named "${args.appName}"; rename the extra ones first.`,
    );
  }
  let app = found.value[0] ?? null;
  if (!app) {
    report.changed(`create the app registration "${args.appName}" (single tenant)`);
    if (args.dryRun) {
      ctx.found.clientId = "<new client id>";
      return;
    }
    app = (await graph.api("/applications").post({ displayName: args.appName, signInAudience: "AzureADMyOrg" })) as {
      id: string;
      appId: string;
    };
  } else {
    report.unchanged(`the app registration exists (client id ${app.appId})`);
  }
  ctx.found.appObjectId = app.id;
  ctx.found.clientId = app.appId;

  const graphSp = (await graph
    .api(`/servicePrincipals(appId='${GRAPH_APP_ID}')`)
    .select("id,appRoles,oauth2PermissionScopes")
    .get()) as {
    appRoles?: Array<{ id: string; value: string }>;
    oauth2PermissionScopes?: Array<{ id: string; value: string }>;
  };
  const desired = desiredApp({
    appName: args.appName,
    host: args.host,
    clientId: app.appId,
    existing: app as never,
    graphRoles: new Map((graphSp.appRoles ?? []).map((r) => [r.value, r.id])),
    graphScopes: new Map((graphSp.oauth2PermissionScopes ?? []).map((s) => [s.value, s.id])),
  });
  ctx.found.apiAppIdUri = desired.identifierUris[0];
  if (comparable(app) === comparable(desired as unknown as Record<string, unknown>)) {
    report.unchanged(
      "roles, access_as_user scope, v2 tokens, NAA redirect and pre-authorised clients are as they should be",
    );
    return;
  }
  report.changed(
    `set app roles (${desired.appRoles.map((r) => r.value).join(", ")}), scope access_as_user, v2 tokens, redirect brk-multihub://${new URL(args.host).host}, Graph permissions`,
  );
  report.changed("pre-authorise the Microsoft 365 (Office) and Teams clients for access_as_user");
  if (args.dryRun) return;
  const { preAuthorizedApplications, ...api } = desired.api;
  // The scope must exist before clients can be pre-authorised for it: two updates, in that order.
  await graph.api(`/applications/${app.id}`).patch({ ...desired, api: { ...api, preAuthorizedApplications: [] } });
  await graph.api(`/applications/${app.id}`).patch({ api: { ...api, preAuthorizedApplications } });
}
