/**
 * Tests may reach loopback only. Any other address fails the test loudly, so no test can depend on the
 * internet by accident (the CI machine has none) and no test leaks data off the machine.
 */
import net from "node:net";

const loopback = (host: string | undefined): boolean =>
  host === undefined ||
  host === "localhost" ||
  host === "::1" ||
  host === "[::1]" ||
  /^127\./.test(host) ||
  host.endsWith(".localhost");

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function patchedConnect(this: net.Socket, ...args: unknown[]) {
  const first = args[0] as { host?: string; path?: string } | number | string | undefined;
  let host: string | undefined;
  if (typeof first === "object" && first !== null) {
    if (first.path) return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
    host = first.host;
  } else if (typeof first === "number") {
    host = typeof args[1] === "string" ? (args[1] as string) : undefined;
  } else if (typeof first === "string" && !/^\d+$/.test(first)) {
    // a path to a unix socket
    return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
  }
  if (!loopback(host)) {
    throw new Error(`Test tried to reach ${host}: only loopback is allowed in tests`);
  }
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
