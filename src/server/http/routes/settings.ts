/**
 * Procedure settings (admins): the version in force and its history, saving a new version, and the policy review
 * reminder admins and directors see in the tab.
 */
import type { FastifyInstance } from "fastify";
import { ZSaveSettingsRequest } from "../../../contracts/settings.js";
import type { AdminSettingsView, PolicyReviewView, SettingsVersionView } from "../../../contracts/settings-views.js";
import { getSettings } from "../../app/get-settings.js";
import { requireAnyRole } from "../../app/require-role.js";
import { saveSettings } from "../../app/save-settings.js";
import { londonDateTime } from "../../domain/calendar/plain-date.js";
import { hasRole } from "../../domain/roles.js";
import { completeSettings, policyReviewReminder, type SettingsVersion } from "../../domain/settings.js";
import { authenticate } from "../auth.js";
import type { HttpContext } from "../context.js";
import { peopleNamed } from "../people.js";
import { jsonBody } from "../validate.js";

export function registerSettingsRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const present = async (current: SettingsVersion, history: SettingsVersion[]): Promise<AdminSettingsView> => {
    const names = await peopleNamed(
      ctx.deps.directory,
      [current, ...history].map((v) => v.changedBy),
    );
    const view = (v: SettingsVersion): SettingsVersionView => ({
      version: v.version,
      changedAt: v.changedAt,
      changedBy: {
        id: v.changedBy,
        name: names[v.changedBy]?.name ?? (v.changedBy === "redress" ? "Redress" : v.changedBy),
      },
      changes: v.changes,
    });
    const { version: _version, ...settings } = current.settings;
    return { current: { ...view(current), settings }, history: history.map(view) };
  };

  /** GET /api/admin/settings — the settings in force and every earlier version (admins). */
  app.get("/api/admin/settings", async (request, reply): Promise<AdminSettingsView> => {
    const actor = await authenticate(request, ctx.verifier);
    const { current, history } = await getSettings({ deps: ctx.deps, actor });
    reply.header("cache-control", "no-store");
    return present(current, history);
  });

  /** PUT /api/admin/settings — a new version; complaints already received keep theirs (admins). */
  app.put("/api/admin/settings", async (request): Promise<AdminSettingsView> => {
    const actor = await authenticate(request, ctx.verifier);
    // A role that may never change settings is told so before its body is looked at.
    requireAnyRole(actor, ["Complaints.Admin"], "changing the procedure settings");
    const body = jsonBody(request, ZSaveSettingsRequest);
    const { saved } = await saveSettings({
      deps: ctx.deps,
      actor,
      basedOnVersion: body.basedOnVersion,
      settings: body.settings,
    });
    const { current, history } = await getSettings({ deps: ctx.deps, actor });
    return { ...(await present(current, history)), saved };
  });

  /** GET /api/settings/policy-review — "this policy is reviewed regularly": the reminder, for admins and directors. */
  app.get("/api/settings/policy-review", async (request): Promise<PolicyReviewView> => {
    const actor = await authenticate(request, ctx.verifier);
    if (!hasRole(actor, "Complaints.Admin") && !hasRole(actor, "Complaints.Direct")) return { reminder: null };
    const settings = completeSettings(await ctx.deps.policy.current());
    return { reminder: policyReviewReminder(settings, londonDateTime(ctx.deps.clock.now()).date) };
  });
}
