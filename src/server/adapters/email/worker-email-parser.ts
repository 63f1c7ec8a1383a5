import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { AppError } from "../../domain/app-error.js";
import type { EmailParser, ParsedEmail } from "../../ports/email-parser.js";
import { parseEmailFile } from "./parse-email.js";
import type { ParseReply, ParseRequest } from "./parse-email-worker.js";

interface Waiting {
  resolve: (parsed: ParsedEmail) => void;
  reject: (error: unknown) => void;
}

/**
 * The EmailParser on a worker thread (parse-email-worker.ts), started on first use and again after it dies. When
 * the compiled worker file is not there (running from TypeScript sources), it parses in this thread instead.
 */
export class WorkerEmailParser {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;
  private readonly script = fileURLToPath(new URL("./parse-email-worker.js", import.meta.url));

  readonly parse: EmailParser = (options) => {
    if (!existsSync(this.script)) return parseEmailFile(options);
    return new Promise<ParsedEmail>((resolve, reject) => {
      const id = this.nextId++;
      this.waiting.set(id, { resolve, reject });
      this.started().postMessage({ id, path: options.path, tempDir: options.tempDir } satisfies ParseRequest);
    });
  };

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    // Idle, it must not keep the process alive.
    worker.unref();
    worker.on("message", (reply: ParseReply) => {
      const waiting = this.waiting.get(reply.id);
      if (!waiting) return;
      this.waiting.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.parsed);
      else if (reply.appError)
        waiting.reject(new AppError(reply.appError.code, reply.appError.userMessage, reply.appError.details));
      else waiting.reject(new Error(reply.message));
    });
    const fail = (error: unknown) => {
      if (this.worker === worker) this.worker = null;
      for (const waiting of this.waiting.values()) waiting.reject(error);
      this.waiting.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`The email parser thread stopped (exit code ${code}).`)));
    this.worker = worker;
    return worker;
  }
}
