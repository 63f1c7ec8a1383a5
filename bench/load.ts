/**
 * Load generators. Open loop (own sender over node:http): requests start on a fixed schedule whatever the server
 * does, and latency counts from the scheduled start, so a slow server cannot hide its queue (no coordinated
 * omission). autocannon's own `overallRate` cannot do this: it lets each connection send its whole per-second quota
 * back to back at the start of every second, a closed-loop burst. Closed loop (autocannon): N connections, each
 * sending its next request as soon as the last is answered, to find the maximum throughput.
 */
import http from "node:http";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";
import { type LatencySummary, round, summarise } from "./stats.js";

export interface HttpResponse {
  status: number;
  body: Buffer;
}

export function send(
  agent: http.Agent,
  url: string,
  options: { method: string; headers?: Record<string, string>; body?: Buffer | string; timeoutMs?: number },
): Promise<HttpResponse> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const { body } = options;
  const headers = {
    ...options.headers,
    ...(body === undefined ? {} : { "content-length": `${Buffer.byteLength(body)}` }),
  };
  return new Promise((resolve, reject) => {
    const request = http.request(url, { agent, method: options.method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    request.on("error", reject);
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`request timed out after ${timeoutMs} ms`)));
    request.end(body);
  });
}

export async function sendJson<T>(
  agent: http.Agent,
  url: string,
  options: { method: string; headers?: Record<string, string>; json?: unknown; expect?: number; timeoutMs?: number },
): Promise<T> {
  const res = await send(agent, url, {
    method: options.method,
    timeoutMs: options.timeoutMs,
    headers: { ...options.headers, ...(options.json === undefined ? {} : { "content-type": "application/json" }) },
    body: options.json === undefined ? undefined : JSON.stringify(options.json),
  });
  const expect = options.expect ?? 200;
  if (res.status !== expect) {
    throw new Error(
      `${options.method} ${url}: expected ${expect}, got ${res.status}: ${res.body.toString().slice(0, 300)}`,
    );
  }
  return JSON.parse(res.body.toString()) as T;
}

/** Counts of answers other than the expected status, by status ("error" for a failed request). */
export type Unexpected = Record<string, number>;

export interface OpenLoopResult {
  offeredRate: number;
  scheduled: number;
  ok: number;
  unexpected: Unexpected;
  /** Requests still unanswered `graceSeconds` after the last was due: abandoned, their latency counted as the wait. */
  unanswered: number;
  /** Percentiles over every scheduled request; with unanswered ones they are lower bounds. */
  latency: LatencySummary;
  /** How late the generator started a request after its scheduled instant, worst case: should be ~1 ms. */
  maxSendLagMs: number;
  maxInFlight: number;
  wallSeconds: number;
}

/**
 * Starts `rate × seconds` requests on a fixed schedule; `fire(i)` sends the i-th and resolves to its status. Then
 * waits up to `graceSeconds` for the answers and calls `abandon` (which should destroy the connections) for any
 * still outstanding, so a server that cannot keep up ends the run instead of stretching it.
 */
export async function openLoop(options: {
  rate: number;
  seconds: number;
  graceSeconds: number;
  expectStatus: number;
  fire: (i: number) => Promise<number>;
  abandon: () => void;
}): Promise<OpenLoopResult> {
  const { rate, seconds, expectStatus, fire } = options;
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const latencies: number[] = [];
  const unexpected: Unexpected = {};
  const outstanding = new Map<number, number>(); // request index → scheduled instant
  const pending: Promise<void>[] = [];
  let ok = 0;
  let maxInFlight = 0;
  let maxSendLagMs = 0;
  let over = false;
  const t0 = performance.now() + 5;
  for (let i = 0; i < total; i++) {
    const due = t0 + i * interval;
    const wait = due - performance.now();
    if (wait > 0.5) await sleep(wait);
    maxSendLagMs = Math.max(maxSendLagMs, performance.now() - due);
    outstanding.set(i, due);
    maxInFlight = Math.max(maxInFlight, outstanding.size);
    pending.push(
      fire(i).then(
        (status) => {
          if (over) return;
          outstanding.delete(i);
          latencies.push(performance.now() - due);
          if (status === expectStatus) ok += 1;
          else unexpected[status] = (unexpected[status] ?? 0) + 1;
        },
        () => {
          if (over) return;
          outstanding.delete(i);
          unexpected.error = (unexpected.error ?? 0) + 1;
        },
      ),
    );
  }
  const grace = new AbortController();
  await Promise.race([
    Promise.all(pending),
    sleep(options.graceSeconds * 1000, undefined, { signal: grace.signal }).catch(() => undefined),
  ]);
  grace.abort();
  over = true;
  const end = performance.now();
  const unanswered = outstanding.size;
  for (const due of outstanding.values()) latencies.push(end - due);
  if (unanswered > 0) options.abandon();
  return {
    offeredRate: rate,
    scheduled: total,
    ok,
    unexpected,
    unanswered,
    latency: summarise(latencies),
    maxSendLagMs: round(maxSendLagMs),
    maxInFlight,
    wallSeconds: round((end - t0) / 1000),
  };
}

/** One request at a time, `count` times: the service time without any queueing. */
export async function sequential(count: number, fire: (i: number) => Promise<number>, expectStatus: number) {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const status = await fire(i);
    if (status !== expectStatus) throw new Error(`expected ${expectStatus}, got ${status}`);
    latencies.push(performance.now() - t0);
  }
  return summarise(latencies);
}

export interface ClosedLoopResult {
  connections: number;
  seconds: number;
  /** Answers with the expected status per second. */
  requestsPerSecond: number;
  ok: number;
  unexpected: Unexpected;
  latency: LatencySummary;
}

/** autocannon with `connections` connections for `seconds`; latency percentiles from every response's own time. */
export async function closedLoop(
  options: Omit<autocannon.Options, "duration" | "amount"> & { seconds: number; expectStatus: number },
): Promise<ClosedLoopResult> {
  const { seconds, expectStatus, ...rest } = options;
  const latencies: number[] = [];
  const instance = autocannon({ ...rest, duration: seconds, timeout: 30 });
  instance.on("response", (...args: unknown[]) => {
    const responseTime = args[3];
    if (typeof responseTime === "number") latencies.push(responseTime);
  });
  const result = await instance;
  const unexpected: Unexpected = {};
  let ok = 0;
  for (const [status, { count }] of Object.entries(result.statusCodeStats)) {
    if (Number(status) === expectStatus) ok = count;
    else unexpected[status] = count;
  }
  if (result.errors > 0) unexpected.error = result.errors;
  return {
    connections: options.connections ?? 10,
    seconds: round(result.duration),
    requestsPerSecond: round(ok / result.duration, 1),
    ok,
    unexpected,
    latency: summarise(latencies),
  };
}
