import type { Readable } from "node:stream";
import type { Client } from "@microsoft/microsoft-graph-client";
import { GraphError } from "@microsoft/microsoft-graph-client";
import { DeliveryError } from "../../ports/delivery-error.js";
import type { DocumentStore } from "../../ports/document-store.js";
import { fromStatus, toDeliveryError } from "./graph-errors.js";
import type { HttpsTransport } from "./https-transport.js";

const KiB = 1024;
/** Graph: fragments must be multiples of 320 KiB. Ten of them (3.2 MiB) keeps memory low and requests few. */
export const UPLOAD_FRAGMENT = 10 * 320 * KiB;
/** Up to this size one PUT is safe on every version of the API. */
export const SIMPLE_UPLOAD_LIMIT = 4 * 1024 * KiB;

export interface SharePointDocumentStoreOptions {
  graph: Client;
  /** For the pre-authenticated upload and download URLs, which must not get our Authorization header. */
  transport: HttpsTransport;
  driveId: string;
  /** Fragment size (a multiple of 320 KiB); tests use a smaller one. */
  fragmentBytes?: number;
  /** Our own retries of one fragment (the Graph client does not retry upload chunks). */
  fragmentRetries?: number;
  /** How long to wait between fragment retries when Graph gives no Retry-After. */
  retryDelayMs?: (attempt: number) => number;
}

/**
 * Documents in a SharePoint library through Graph: `Directors/Complaints/<ref>/<name>` under the drive's root.
 * Folders are made on demand by path-addressed writes. Small files go in one PUT, larger ones through an upload
 * session in fragments, resumed from `nextExpectedRanges` after a cut connection. Conflict behaviour is explicit:
 * `replace` — a document's path is fixed by its case and name, so a retry rewrites the same file (idempotent).
 */
export class SharePointDocumentStore implements DocumentStore {
  private readonly fragment: number;

  constructor(private readonly options: SharePointDocumentStoreOptions) {
    this.fragment = options.fragmentBytes ?? UPLOAD_FRAGMENT;
    if (this.fragment % (320 * KiB) !== 0) throw new Error("Upload fragments must be a multiple of 320 KiB");
  }

  async put(options: {
    path: readonly string[];
    size: number;
    content: () => Readable;
  }): Promise<{ webUrl: string | null }> {
    const itemPath = this.itemPath(options.path);
    if (options.size <= SIMPLE_UPLOAD_LIMIT) {
      const body = await collect(options.content());
      try {
        const item = (await this.options.graph
          .api(`${itemPath}:/content`)
          .query({ "@microsoft.graph.conflictBehavior": "replace" })
          .header("Content-Type", "application/octet-stream")
          .put(body)) as { webUrl?: string };
        return { webUrl: item.webUrl ?? null };
      } catch (error) {
        throw toDeliveryError(error, "SharePoint upload");
      }
    }
    return this.uploadInSession(itemPath, options.size, options.content);
  }

  async get(path: readonly string[]): Promise<Readable | null> {
    const item = await this.item(path);
    const url = item?.["@microsoft.graph.downloadUrl"];
    if (!item?.file || typeof url !== "string") return null;
    const answer = await this.options.transport.open({ method: "GET", url });
    if (answer.status !== 200) {
      answer.stream.resume();
      throw fromStatus(answer.status, null, answer.headers["retry-after"], "SharePoint download");
    }
    return answer.stream;
  }

  async list(folder: readonly string[]): Promise<string[]> {
    const names: string[] = [];
    let next: string | null = `${this.itemPath(folder)}:/children`;
    try {
      while (next) {
        const page = (await this.options.graph.api(next).select("name,file,folder").top(200).get()) as {
          value: Array<{ name: string; file?: unknown }>;
          "@odata.nextLink"?: string;
        };
        for (const child of page.value) if (child.file) names.push(child.name);
        next = page["@odata.nextLink"] ?? null;
      }
    } catch (error) {
      if (error instanceof GraphError && error.statusCode === 404) return [];
      throw toDeliveryError(error, "SharePoint list");
    }
    return names.sort();
  }

  async remove(path: readonly string[]): Promise<void> {
    const itemPath = this.itemPath(path);
    try {
      await this.options.graph.api(`${itemPath}:`).delete();
    } catch (error) {
      if (error instanceof GraphError && error.statusCode === 404) return;
      throw toDeliveryError(error, "SharePoint delete");
    }
  }

  private async item(path: readonly string[]): Promise<Record<string, unknown> | null> {
    try {
      return (await this.options.graph.api(`${this.itemPath(path)}:`).get()) as Record<string, unknown>;
    } catch (error) {
      if (error instanceof GraphError && error.statusCode === 404) return null;
      throw toDeliveryError(error, "SharePoint read");
    }
  }

  /** `/drives/{id}/root:/a/b/c` with each segment checked and encoded. */
  private itemPath(segments: readonly string[]): string {
    for (const segment of segments) {
      if (!segment || segment === "." || segment === ".." || /[/\\\0]/.test(segment)) {
        throw new Error("Unsafe path segment in document path");
      }
    }
    return `/drives/${encodeURIComponent(this.options.driveId)}/root:/${segments.map(encodeURIComponent).join("/")}`;
  }

  private async createSession(itemPath: string): Promise<string> {
    try {
      const session = (await this.options.graph
        .api(`${itemPath}:/createUploadSession`)
        .post({ item: { "@microsoft.graph.conflictBehavior": "replace" } })) as { uploadUrl: string };
      return session.uploadUrl;
    } catch (error) {
      throw toDeliveryError(error, "SharePoint upload session");
    }
  }

  /**
   * Fragments are read from a fresh stream of the content each time we (re)start, skipping to the offset Graph
   * expects next: one fragment is in memory at a time, whatever the file's size.
   */
  private async uploadInSession(
    itemPath: string,
    size: number,
    content: () => Readable,
  ): Promise<{ webUrl: string | null }> {
    const { transport } = this.options;
    const maxRetries = this.options.fragmentRetries ?? 6;
    const delay = this.options.retryDelayMs ?? ((n: number) => Math.min(30_000, 500 * 2 ** n));
    let uploadUrl = await this.createSession(itemPath);
    let offset = 0;
    let failures = 0;
    for (;;) {
      const source = content();
      try {
        for await (const fragment of fragments(source, offset, this.fragment)) {
          const to = offset + fragment.length - 1;
          const answer = await transport.send({
            method: "PUT",
            url: uploadUrl,
            headers: { "content-length": String(fragment.length), "content-range": `bytes ${offset}-${to}/${size}` },
            body: fragment,
          });
          if (answer.status === 200 || answer.status === 201) {
            const item = JSON.parse(answer.body.toString("utf8")) as { webUrl?: string };
            return { webUrl: item.webUrl ?? null };
          }
          if (answer.status === 202) {
            const next = nextOffset(answer.body) ?? to + 1;
            failures = 0;
            offset = next;
            if (next !== to + 1) throw new ResumeNeeded(next); // Graph wants other bytes: restart reading there
            continue;
          }
          const code = errorCode(answer.body);
          if (answer.status === 404) throw new SessionGone();
          if (answer.status === 416) throw new ResumeNeeded(null); // a fragment Graph already has: ask where it is
          throw fromStatus(answer.status, code, answer.headers["retry-after"], "SharePoint upload fragment");
        }
        throw new DeliveryError("SharePoint upload: content ended before its size", { permanent: true });
      } catch (error) {
        source.destroy();
        if (error instanceof DeliveryError && error.permanent) throw error;
        failures += 1;
        if (failures > maxRetries) throw toDeliveryError(error, "SharePoint upload");
        const wait =
          error instanceof DeliveryError && error.retryAfterMs !== null ? error.retryAfterMs : delay(failures);
        await new Promise((r) => setTimeout(r, wait));
        if (error instanceof SessionGone) {
          uploadUrl = await this.createSession(itemPath);
          offset = 0;
          continue;
        }
        // Resume: ask the session which bytes it still expects.
        const status = await transport.send({ method: "GET", url: uploadUrl }).catch(() => null);
        if (status?.status === 404) {
          uploadUrl = await this.createSession(itemPath);
          offset = 0;
        } else if (status?.status === 200) {
          offset = nextOffset(status.body) ?? offset;
        }
      }
    }
  }
}

class SessionGone extends Error {}
class ResumeNeeded extends Error {
  constructor(readonly at: number | null) {
    super("resume");
  }
}

function nextOffset(body: Buffer): number | null {
  try {
    const ranges = (JSON.parse(body.toString("utf8")) as { nextExpectedRanges?: string[] }).nextExpectedRanges;
    const first = ranges?.[0];
    return first ? Number(first.split("-")[0]) : null;
  } catch {
    return null;
  }
}

function errorCode(body: Buffer): string | null {
  try {
    return (JSON.parse(body.toString("utf8")) as { error?: { code?: string } }).error?.code ?? null;
  } catch {
    return null;
  }
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}

/** Fixed-size fragments of a stream, starting `skip` bytes in. */
async function* fragments(stream: Readable, skip: number, size: number): AsyncGenerator<Buffer> {
  let toSkip = skip;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const raw of stream) {
    let chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw as string);
    if (toSkip > 0) {
      if (chunk.length <= toSkip) {
        toSkip -= chunk.length;
        continue;
      }
      chunk = chunk.subarray(toSkip);
      toSkip = 0;
    }
    while (chunk.length > 0) {
      const take = Math.min(size - pendingBytes, chunk.length);
      pending.push(chunk.subarray(0, take));
      pendingBytes += take;
      chunk = chunk.subarray(take);
      if (pendingBytes === size) {
        yield Buffer.concat(pending);
        pending = [];
        pendingBytes = 0;
      }
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending);
}
