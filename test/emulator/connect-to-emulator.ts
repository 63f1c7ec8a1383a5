import { connectGraph, type GraphConnection } from "../../src/server/adapters/graph/connect-graph.js";
import type { GraphEmulator } from "./graph-emulator.js";

/** The real msal-node + Graph client stack, pointed at the emulator and trusting its run-time certificate. */
export function connectToEmulator(emulator: GraphEmulator, options: { timeoutMs?: number } = {}): GraphConnection {
  return connectGraph({
    tenantId: emulator.options.tenantId,
    clientId: emulator.options.clientId,
    clientSecret: emulator.options.clientSecret,
    authorityHost: emulator.url,
    graphBaseUrl: emulator.graphBaseUrl,
    ca: emulator.ca,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
}
