import type { Client } from "@microsoft/microsoft-graph-client";
import type { ProbeDetail, ReadinessProbe } from "../../ports/readiness-probe.js";

/**
 * Graph reachability for /readyz: an app-only token is obtained (Entra ID answers, the credential is valid) and the
 * complaints library answers (`GET /drives/{id}?$select=id`, which Sites.Selected allows). A success is remembered
 * briefly, so a load balancer polling /readyz every few seconds does not become Graph traffic of its own.
 */
export class GraphReadinessProbe implements ReadinessProbe {
  readonly name = "graph";
  private lastOkAt = 0;

  constructor(
    private readonly options: {
      graph: Client;
      driveId: string;
      now?: () => number;
      /** How long a success stands before Graph is asked again. */
      rememberMs?: number;
    },
  ) {}

  async check(): Promise<ProbeDetail> {
    const now = (this.options.now ?? Date.now)();
    const rememberMs = this.options.rememberMs ?? 30_000;
    if (now - this.lastOkAt < rememberMs) return { cachedSeconds: Math.round((now - this.lastOkAt) / 1000) };
    try {
      await this.options.graph
        .api(`/drives/${encodeURIComponent(this.options.driveId)}`)
        .select("id")
        .get();
    } catch (error) {
      // Only the status and Graph's error code: Graph's message may quote the request.
      const e = error as { statusCode?: number; code?: string; name?: string };
      throw new Error(
        `Graph did not answer as expected (${e.statusCode ?? e.name ?? "no answer"} ${e.code ?? ""})`.trim(),
      );
    }
    this.lastOkAt = now;
    return { cachedSeconds: 0 };
  }
}
