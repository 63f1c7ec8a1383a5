/**
 * The audit trail for directors (DESIGN.md §1): one case's reads and changes, and the organisation-wide search by
 * person and by date. Both are recorded themselves (a read of the case; an `audit-search` access).
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  type AuditEntryView,
  type AuditPageView,
  ZAuditSearchQuery,
  ZCaseAuditQuery,
} from "../../../contracts/audit.js";
import { getCaseAudit } from "../../app/get-case-audit.js";
import { listAuditPeople } from "../../app/list-audit-people.js";
import { searchAudit } from "../../app/search-audit.js";
import type { AuditEntry } from "../../ports/case-store.js";
import type { Directory } from "../../ports/directory.js";
import { authenticate } from "../auth.js";
import type { HttpContext } from "../context.js";
import { peopleNamed } from "../people.js";
import { validate } from "../validate.js";

const ZCaseParams = z.object({ id: z.string().min(1).max(100) });

async function presentEntries(directory: Directory, entries: AuditEntry[]): Promise<AuditEntryView[]> {
  const people = await peopleNamed(
    directory,
    entries.map((e) => e.actorId),
  );
  return entries.map((e) => ({
    id: e.id,
    at: e.at,
    actorId: e.actorId,
    actorName: people[e.actorId]?.name ?? null,
    caseId: e.caseId,
    reference: e.reference,
    type: e.type,
    how: e.how,
    summary: e.summary,
  }));
}

export function registerAuditRoutes(app: FastifyInstance, ctx: HttpContext): void {
  /** GET /api/cases/{id}/audit — one case's trail, newest first. Directors only. */
  app.get("/api/cases/:id/audit", async (request, reply): Promise<AuditPageView & { reference: string }> => {
    const actor = await authenticate(request, ctx.verifier);
    const { id } = validate(ZCaseParams, request.params);
    const query = validate(ZCaseAuditQuery, request.query);
    const page = await getCaseAudit({ deps: ctx.deps, actor, caseId: id, cursor: query.cursor, limit: query.limit });
    reply.header("cache-control", "private, no-store");
    return {
      reference: page.reference,
      entries: await presentEntries(ctx.deps.directory, page.entries),
      nextCursor: page.nextCursor,
    };
  });

  /** GET /api/audit?actor=&from=&to=&type= — the organisation-wide trail. Directors only. */
  app.get("/api/audit", async (request, reply): Promise<AuditPageView> => {
    const actor = await authenticate(request, ctx.verifier);
    const query = validate(ZAuditSearchQuery, request.query);
    const page = await searchAudit({ deps: ctx.deps, actor, query });
    reply.header("cache-control", "private, no-store");
    return { entries: await presentEntries(ctx.deps.directory, page.entries), nextCursor: page.nextCursor };
  });

  /** GET /api/audit/people — everyone who appears in the trail, for the search's person filter. Directors only. */
  app.get("/api/audit/people", async (request): Promise<{ people: Array<{ id: string; name: string | null }> }> => {
    const actor = await authenticate(request, ctx.verifier);
    return { people: await listAuditPeople({ deps: ctx.deps, actor }) };
  });
}

/** The OpenAPI description of these routes, merged into /api/openapi.json. */
export function auditOpenApiPaths(json: (schema: z.ZodType) => unknown): Record<string, Record<string, unknown>> {
  const query = (schema: z.ZodType) => {
    const js = json(schema) as { properties?: Record<string, unknown> };
    return Object.entries(js.properties ?? {}).map(([name, s]) => ({ name, in: "query", required: false, schema: s }));
  };
  const errors = { default: { $ref: "#/components/responses/Error" } };
  const page = {
    200: {
      description: "{ entries: [{ at, actorId, actorName, caseId, reference, type, how, summary }], nextCursor }",
    },
    ...errors,
  };
  return {
    "/api/cases/{id}/audit": {
      get: {
        summary: "Directors: one case's audit trail (every read and change: who, when, how), newest first. Recorded.",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }, ...query(ZCaseAuditQuery)],
        responses: page,
      },
    },
    "/api/audit": {
      get: {
        summary: "Directors: the organisation-wide audit trail by person and London date, newest first. Recorded.",
        parameters: query(ZAuditSearchQuery),
        responses: page,
      },
    },
    "/api/audit/people": {
      get: {
        summary: "Directors: everyone who appears in the audit trail (id and name), for the person filter.",
        responses: { 200: { description: "{ people: [{ id, name }] }" }, ...errors },
      },
    },
  };
}
