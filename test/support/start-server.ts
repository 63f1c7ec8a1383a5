/**
 * Starts the built product (dist/server/main.js) as a real process on a free loopback port, in embedded mode with
 * a fresh data folder — the same way `npm start` runs it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const MAIN = path.join(PROJECT_ROOT, "dist/server/main.js");

export interface TestServer {
  baseUrl: string;
  dataDir: string;
  process: ChildProcess;
  /** Output so far, for diagnosing a failed start. */
  output: () => string;
  stop(): Promise<void>;
  /** SIGKILL: no chance to tidy up, as in a power cut. */
  kill(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function startTestServer(
  options: { env?: Record<string, string>; dataDir?: string } = {},
): Promise<TestServer> {
  await fs.access(MAIN).catch(() => {
    throw new Error(`${MAIN} is missing: run npm run build first (npm test does).`);
  });
  const dataDir = options.dataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), "redress-test-")));
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    cwd: PROJECT_ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "test",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      OUTBOX_POLL_MS: "200",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Server exited during start:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Server did not start within 20 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const ownsDataDir = !options.dataDir;
  return {
    baseUrl,
    dataDir,
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
      if (ownsDataDir) await fs.rm(dataDir, { recursive: true, force: true });
    },
    async kill() {
      if (child.exitCode === null) {
        child.kill("SIGKILL");
        await exited;
      }
    },
  };
}
