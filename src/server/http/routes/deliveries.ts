import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { getCase } from "../../app/get-case.js";
import { listDeliveriesNeedingAttention } from "../../app/list-deliveries-needing-attention.js";
import { retryDelivery } from "../../app/retry-delivery.js";
import type { OutboxJob } from "../../ports/case-store.js";
import { authenticate } from "../auth.js";
import type { HttpContext } from "../context.js";
import { validate } from "../validate.js";

const ZJobParams = z.object({ jobId: z.string().min(1).max(100) });
const ZCaseParams = z.object({ id: z.string().min(1).max(100) });

/** What leaves the server about a delivery: no payload (it may name people), the error text only. */
const presentJob = (job: OutboxJob, reference: string | null = null) => ({
  id: job.id,
  kind: job.kind,
  caseId: job.caseId,
  reference,
  status: job.status,
  attempts: job.attempts,
  lastError: job.lastError,
  createdAt: job.createdAt,
  nextAttemptAt: job.status === "pending" ? job.nextAttemptAt : null,
  doneAt: job.doneAt,
});

export function registerDeliveryRoutes(app: FastifyInstance, ctx: HttpContext): void {
  /** GET /api/outbox/attention — the board's "needs attention" list. */
  app.get("/api/outbox/attention", async (request) => {
    const actor = await authenticate(request, ctx.verifier);
    const list = await listDeliveriesNeedingAttention({ deps: ctx.deps, actor });
    return { deliveries: list.map((d) => presentJob(d.job, d.reference)) };
  });

  /** POST /api/outbox/{jobId}/retry — the Retry button. */
  app.post("/api/outbox/:jobId/retry", async (request) => {
    const actor = await authenticate(request, ctx.verifier);
    const { jobId } = validate(ZJobParams, request.params);
    return { delivery: presentJob(await retryDelivery({ deps: ctx.deps, actor, jobId })) };
  });

  /** GET /api/cases/{id}/deliveries — every delivery of a case (pending, done, dead), for whoever may see it in full. */
  app.get("/api/cases/:id/deliveries", async (request) => {
    const actor = await authenticate(request, ctx.verifier);
    const { id } = validate(ZCaseParams, request.params);
    const detail = await getCase({ deps: ctx.deps, actor, caseId: id });
    if (detail.view !== "full") return { deliveries: [] };
    const jobs = await ctx.deps.store.listJobs({ caseId: id });
    return { deliveries: jobs.map((j) => presentJob(j, detail.case.reference)) };
  });
}
