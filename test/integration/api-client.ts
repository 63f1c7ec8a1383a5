/**
 * A tiny client for the API of a running test server (test/support/start-server.ts): tokens for personas, JSON
 * calls and raw email intake. Only loopback addresses are ever used.
 */
import fs from "node:fs/promises";

export type Persona =
  | "staff"
  | "staff-2"
  | "handler"
  | "handler-2"
  | "ops-director"
  | "director"
  | "director-2"
  | "board-member"
  | "board-member-2"
  | "admin";

// biome-ignore lint/suspicious/noExplicitAny: JSON from the API; tests check its shape with expect().
export type Json = any;

export interface ApiResponse<T = Json> {
  status: number;
  body: T;
  headers: Headers;
}

/** The error shape every failure answers with (DESIGN.md §4). */
export interface ErrorBody {
  error: { code: string; message: string; details?: Json };
}

const tokens = new Map<string, Promise<string>>();

/** A bearer token for the persona, from POST /api/dev/token; cached per server and persona. */
export function tokenFor(baseUrl: string, persona: Persona): Promise<string> {
  const key = `${baseUrl} ${persona}`;
  let token = tokens.get(key);
  if (!token) {
    token = (async () => {
      const res = await fetch(`${baseUrl}/api/dev/token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ persona }),
      });
      if (res.status !== 200) throw new Error(`No token for ${persona}: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { accessToken: string };
      return body.accessToken;
    })();
    tokens.set(key, token);
    token.catch(() => tokens.delete(key));
  }
  return token;
}

async function read(res: Response): Promise<ApiResponse> {
  const text = await res.text();
  let body: unknown = text;
  if ((res.headers.get("content-type") ?? "").includes("json") && text.length > 0) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: res.status, body, headers: res.headers };
}

/**
 * One JSON call as the persona (null: no Authorization header). An object body is sent as JSON; a string or bytes
 * are sent as they are with `options.contentType`.
 */
export async function api(
  baseUrl: string,
  persona: Persona | null,
  method: string,
  path: string,
  body?: unknown,
  options: { contentType?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (persona) headers.authorization = `Bearer ${await tokenFor(baseUrl, persona)}`;
  let payload: string | Uint8Array<ArrayBuffer> | undefined;
  if (body !== undefined) {
    if (typeof body === "string") payload = body;
    else if (body instanceof Uint8Array) payload = new Uint8Array(body);
    else payload = JSON.stringify(body);
    headers["content-type"] = options.contentType ?? "application/json";
  }
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body: payload });
  return read(res);
}

/** Downloads bytes (a document's `url`) as the persona. */
export async function download(
  baseUrl: string,
  persona: Persona,
  path: string,
): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  const res = await fetch(`${baseUrl}${path}`, {
    headers: { authorization: `Bearer ${await tokenFor(baseUrl, persona)}` },
  });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}

/**
 * POST /api/intake/email with the raw message (bytes, or a path to an .eml file) as message/rfc822. `query` becomes
 * the query string (receivedAt, conversationId, relationship).
 */
export async function postEml(
  baseUrl: string,
  persona: Persona | null,
  message: Uint8Array | string,
  query?: Record<string, string>,
  options: { contentType?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse> {
  const bytes = typeof message === "string" ? await fs.readFile(message) : message;
  const qs = query && Object.keys(query).length > 0 ? `?${new URLSearchParams(query).toString()}` : "";
  return api(baseUrl, persona, "POST", `/api/intake/email${qs}`, bytes, {
    contentType: options.contentType ?? "message/rfc822",
    headers: options.headers,
  });
}

/** A minimal RFC 5322 message for tests; `headers` are written first, in order, before Subject/From/To. */
export function makeEml(options: {
  messageId?: string | null;
  subject?: string;
  from?: string;
  body?: string;
  date?: string;
  headers?: string[];
}): Buffer {
  const lines = [
    ...(options.headers ?? []),
    `From: ${options.from ?? "Jane Learner <jane.learner@example.org>"}`,
    "To: complaints@cmsvoc.example",
    `Subject: ${options.subject ?? "Complaint about my course"}`,
    ...(options.date ? [`Date: ${options.date}`] : []),
    ...(options.messageId === null
      ? []
      : [`Message-ID: ${options.messageId ?? `<${crypto.randomUUID()}@example.org>`}`]),
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "",
    options.body ?? "I am unhappy with how my assessment was handled and would like it looked at.",
    "",
  ];
  return Buffer.from(lines.join("\r\n"), "utf8");
}

/**
 * The case once its email's attachments have been extracted: intake answers from the envelope, and a job reads the
 * stored .eml for the parts just after (extract-email-parts.ts).
 */
export async function untilEmailPartsExtracted(read: () => Promise<Json>): Promise<Json> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const detail = await read();
    const kinds = detail.timeline.map((t: Json) => t.kind);
    if (kinds.includes("email-parts-extracted") || kinds.includes("email-parts-not-extracted")) return detail;
    if (Date.now() > deadline) throw new Error(`The attachments of case ${detail.id} were not extracted within 15 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
