/**
 * Fault injection for the Graph emulator. A fault matches requests by method + path (a RegExp tested against
 * e.g. "PUT /upload/abc") and fires a number of times, or while a condition holds (a storm).
 */
export type FaultKind =
  /** Answer with this status (429, 503, 504…) and a documented error body; Retry-After in seconds when given. */
  | { kind: "status"; status: number; retryAfterSeconds?: number; code?: string }
  /** Cut the connection after this many bytes of the request body have arrived (0: at once). */
  | { kind: "cut"; afterBytes: number }
  /** Wait before answering. */
  | { kind: "slow"; delayMs: number }
  /** Do the work (the side effect happens), then drop the connection without answering. */
  | { kind: "drop-answer" };

export type Fault = FaultKind & {
  match: RegExp;
  /** How many times it fires; unlimited when absent. */
  times?: number;
  /** Fires only while this is true (e.g. a simulated day of throttling). */
  while?: () => boolean;
};

export class Faults {
  private rules: Array<Fault & { fired: number }> = [];

  add(fault: Fault): void {
    this.rules.push({ ...fault, fired: 0 });
  }

  clear(): void {
    this.rules = [];
  }

  /** The faults that fire for this request (each counted as fired). */
  take(requestLine: string): FaultKind[] {
    const out: FaultKind[] = [];
    for (const rule of this.rules) {
      if (!rule.match.test(requestLine)) continue;
      if (rule.times !== undefined && rule.fired >= rule.times) continue;
      if (rule.while && !rule.while()) continue;
      rule.fired += 1;
      out.push(rule);
    }
    return out;
  }
}
