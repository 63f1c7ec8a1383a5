import type { SetupContext } from "../context.js";

/**
 * Sites.Selected: the app gets `write` on the complaints site only (`POST /sites/{id}/permissions`), not on every
 * site as Sites.ReadWrite.All would give. Needs an admin with Sites.FullControl.All, which set-up signs in with.
 */
export async function grantSiteAccess(ctx: SetupContext): Promise<void> {
  const { graph, args, report, found } = ctx;
  report.step("4. Redress's access to the complaints site (Sites.Selected)");
  if (!found.siteId || !found.clientId || !found.appObjectId) {
    report.changed("grant the app write access to the complaints site only");
    return;
  }
  const permissions = (await graph.api(`/sites/${found.siteId}/permissions`).get()) as {
    value: Array<{ roles?: string[]; grantedToIdentities?: Array<{ application?: { id?: string } }> }>;
  };
  const granted = permissions.value.some(
    (p) =>
      (p.roles ?? []).some((r) => r === "write" || r === "owner" || r === "fullcontrol") &&
      (p.grantedToIdentities ?? []).some((i) => i.application?.id === found.clientId),
  );
  if (granted) {
    report.unchanged("the app can write to the complaints site (and no other)");
    return;
  }
  report.changed("grant the app write access to the complaints site only");
  if (args.dryRun) return;
  await graph.api(`/sites/${found.siteId}/permissions`).post({
    roles: ["write"],
    grantedToIdentities: [{ application: { id: found.clientId, displayName: args.appName } }],
  });
}
