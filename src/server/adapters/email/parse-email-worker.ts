/**
 * Worker thread entry: parses stored emails (parse-email.ts) for the extraction job, so mailparser's CPU time
 * (tens of milliseconds per megabyte) is spent beside the event loop, not on it. The thread asks the kernel for the
 * lowest priority: when the cores are busy, requests go first and extraction waits.
 */
import os from "node:os";
import { parentPort } from "node:worker_threads";
import { AppError } from "../../domain/app-error.js";
import { parseEmailFile } from "./parse-email.js";

export interface ParseRequest {
  id: number;
  path: string;
  tempDir: string;
}

export type ParseReply =
  | { id: number; ok: true; parsed: Awaited<ReturnType<typeof parseEmailFile>> }
  | {
      id: number;
      ok: false;
      appError: { code: AppError["code"]; userMessage: string; details: unknown } | null;
      message: string;
    };

try {
  // On Linux, priority of pid 0 is the calling thread's alone: the rest of the process keeps its priority.
  os.setPriority(19);
} catch {
  // Not permitted or not supported: extraction still works, at normal priority.
}

parentPort?.on("message", (request: ParseRequest) => {
  parseEmailFile({ path: request.path, tempDir: request.tempDir }).then(
    (parsed) => parentPort?.postMessage({ id: request.id, ok: true, parsed } satisfies ParseReply),
    (error: unknown) => {
      const appError =
        error instanceof AppError ? { code: error.code, userMessage: error.userMessage, details: error.details } : null;
      const message = error instanceof Error ? error.message : String(error);
      parentPort?.postMessage({ id: request.id, ok: false, appError, message } satisfies ParseReply);
    },
  );
});
