/**
 * Data protection (issue 6.6): erasure of one complainant (admins), the subject access export (admins and
 * directors, one zip in one action), the retention schedule run on demand, and the log of what was done.
 */
import type { FastifyInstance } from "fastify";
import { ZErasureRequest, ZSubjectAccessRequest } from "../../../contracts/settings.js";
import type { DataProtectionLogView } from "../../../contracts/settings-views.js";
import { applyRetention } from "../../app/apply-retention.js";
import { eraseComplainant } from "../../app/erase-complainant.js";
import { exportSubjectAccess } from "../../app/export-subject-access.js";
import { requireAnyRole } from "../../app/require-role.js";
import { authenticate } from "../auth.js";
import type { HttpContext } from "../context.js";
import { peopleNamed } from "../people.js";
import { jsonBody } from "../validate.js";

export function registerDataProtectionRoutes(app: FastifyInstance, ctx: HttpContext): void {
  /** POST /api/data-protection/erasure — `{ email | caseId, reason }` → `{ erased: [references] }` (admins). */
  app.post("/api/data-protection/erasure", async (request) => {
    const actor = await authenticate(request, ctx.verifier);
    requireAnyRole(actor, ["Complaints.Admin"], "erasing a complainant's details");
    const body = jsonBody(request, ZErasureRequest);
    const { references } = await eraseComplainant({ deps: ctx.deps, actor, ...body });
    return { erased: references };
  });

  /** POST /api/data-protection/subject-access — `{ email | name }` → one zip (admins and directors). */
  app.post("/api/data-protection/subject-access", async (request, reply) => {
    const actor = await authenticate(request, ctx.verifier);
    // Directors only: the export holds case content, which an admin (who runs the service) never sees (DESIGN §1).
    requireAnyRole(actor, ["Complaints.Direct"], "exporting what is held about a person");
    const body = jsonBody(request, ZSubjectAccessRequest);
    const result = await exportSubjectAccess({ deps: ctx.deps, actor, ...body });
    return reply
      .header("content-type", "application/zip")
      .header("content-disposition", `attachment; filename="${result.fileName}"`)
      .header("cache-control", "private, no-store")
      .header("x-case-references", result.references.join(","))
      .send(result.bytes);
  });

  /** POST /api/data-protection/retention — apply the retention schedule now rather than at the daily run (admins). */
  app.post("/api/data-protection/retention", async (request) => {
    const actor = await authenticate(request, ctx.verifier);
    requireAnyRole(actor, ["Complaints.Admin"], "applying the retention schedule");
    return { retention: await applyRetention({ deps: ctx.deps }) };
  });

  /** GET /api/data-protection/log — what retention, erasure and exports did (admins). */
  app.get("/api/data-protection/log", async (request): Promise<DataProtectionLogView> => {
    const actor = await authenticate(request, ctx.verifier);
    requireAnyRole(actor, ["Complaints.Admin"], "reading the data protection log");
    const entries = await ctx.deps.store.listDataProtectionLog(500);
    const names = await peopleNamed(
      ctx.deps.directory,
      entries.map((e) => e.actorId),
    );
    return {
      entries: entries.map((e) => ({
        at: e.at,
        by: names[e.actorId]?.name ?? (e.actorId === "retention" ? "Retention schedule" : e.actorId),
        action: e.action,
        reference: e.reference,
        closedOn: e.closedOn,
        detail: e.detail,
      })),
    };
  });
}
