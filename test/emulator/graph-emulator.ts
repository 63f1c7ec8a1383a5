/**
 * A Microsoft Graph + Entra ID emulator for tests, benchmarks and development: HTTPS on loopback with a certificate
 * made at start, implementing exactly the calls Redress makes, with the documented status codes, headers and error
 * bodies (see ../../../shared/reference/graph-docs), and fault injection (faults.ts).
 *
 * Routes:
 *   POST /{tenant}/oauth2/v2.0/token                 client credentials and on-behalf-of (msal-node)
 *   GET  /{tenant}/discovery/v2.0/keys, /common/…    JWKS for the tokens it issues (and user tokens for tests)
 *   /v1.0/drives/{drive}/root:/{path}:[/children|/content|/createUploadSession]   drive items
 *   PUT|GET|DELETE /upload/{session}                 upload session (pre-authenticated: Authorization refused)
 *   GET  /download/{item}                            pre-authenticated download URL
 *   POST /v1.0/users/{mailbox}/sendMail              202, no body
 *   GET  /v1.0/users/{mailbox}/mailFolders/SentItems/messages?$filter=singleValueExtendedProperties/Any(…)
 *   POST /v1.0/users/{user}/teamwork/sendActivityNotification   204
 *   POST /workflows/{id}/invoke                      the Teams Workflows webhook: 202, posts the card
 *   GET  /v1.0/teams/{team}/channels/{channel}/messages         what the workflow posted
 */
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import fs from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, jwtVerify, SignJWT } from "jose";
import { generate } from "selfsigned";
import { type FaultKind, Faults } from "./faults.js";
import { MailboxEmulator } from "./mailbox-emulator.js";
import { drain, PREREAD, readBody, readJson } from "./request-body.js";
import { tenantAdmin } from "./tenant-admin.js";

export interface EmulatorOptions {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Drive id of the complaints library. */
  driveId: string;
  sharedMailbox: string;
  teamId: string;
  channelId: string;
}

interface DriveItem {
  id: string;
  name: string;
  parentPath: string; // "" for root
  folder: boolean;
  size: number;
  /** Small files in memory; larger ones in a temporary file so a 100 MB upload costs no memory. */
  content: Buffer | { file: string };
  createdDateTime: string;
  lastModifiedDateTime: string;
  sha256: string;
}

interface UploadSession {
  id: string;
  drivePath: string;
  conflictBehavior: string;
  total: number | null;
  received: number;
  file: string;
  expires: string;
}

export interface SentMessage {
  id: string;
  mailbox: string;
  sentDateTime: string;
  message: Record<string, unknown>;
  marker: string | null;
}

export interface ChannelPost {
  id: string;
  createdDateTime: string;
  card: Record<string, unknown>;
}

export interface ActivityNotice {
  userId: string;
  at: string;
  body: Record<string, unknown>;
}

/** The extended property Redress stamps on each email so Sent Items can be searched for it. */
export const MARKER_PROPERTY_ID_PREFIX = "String {";

export class GraphEmulator {
  readonly faults = new Faults();
  /** Drafts, large attachments by upload session, and a person's messages as MIME (mailbox-emulator.ts). */
  readonly mailbox: MailboxEmulator = new MailboxEmulator(this);
  readonly sent: SentMessage[] = [];
  readonly posts: ChannelPost[] = [];
  readonly activity: ActivityNotice[] = [];
  /** Count of requests by "METHOD /route-shape", for assertions and figures. */
  readonly calls = new Map<string, number>();
  /** Requests Graph refused with 401/403 (e.g. an Authorization header sent to an upload URL). */
  readonly refusals: string[] = [];
  private readonly items = new Map<string, DriveItem>(); // key: drive path, lower-case
  private readonly sessions = new Map<string, UploadSession>();
  private readonly tmp: string;
  /**
   * Graph's channel-message limits (2/s per app per tenant, 4/s per team), enforced with 429 + Retry-After on the
   * channel route. `now` may be a simulated clock. Off unless set.
   */
  channelLimit: { perSecond: number; now: () => number } | null = null;
  /** Posts refused by channelLimit. */
  channelThrottled = 0;
  private readonly postTimes: number[] = [];
  private server: https.Server | null = null;
  private issued = 0;
  private currentKid = "emulator-key-1";
  private readonly keys: JWK[] = [];
  url = "";

  private constructor(
    readonly options: EmulatorOptions,
    readonly ca: string,
    private readonly key: string,
    private signingKey: CryptoKey,
    private verifyKey: CryptoKey,
    readonly jwk: JWK,
    tmp: string,
  ) {
    this.tmp = tmp;
    this.keys.push(jwk);
  }

  static async start(options: Partial<EmulatorOptions> = {}): Promise<GraphEmulator> {
    const pems = await generate([{ name: "commonName", value: "localhost" }], {
      keySize: 2048,
      days: 2,
      extensions: [
        { name: "basicConstraints", cA: true },
        {
          name: "subjectAltName",
          altNames: [
            { type: 2, value: "localhost" },
            { type: 7, ip: "127.0.0.1" },
          ],
        },
      ],
    } as never);
    const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: "emulator-key-1", use: "sig", alg: "RS256" };
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "graph-emulator-"));
    const emulator = new GraphEmulator(
      {
        tenantId: "11111111-1111-4111-8111-111111111111",
        clientId: "22222222-2222-4222-8222-222222222222",
        clientSecret: "emulator-secret",
        driveId: "b!complaints-drive",
        sharedMailbox: "complaints@example.org",
        teamId: "team-1",
        channelId: "19:board@thread.tacv2",
        ...options,
      },
      pems.cert,
      pems.private,
      privateKey,
      publicKey,
      jwk,
      tmp,
    );
    await emulator.listen();
    return emulator;
  }

  get graphBaseUrl(): string {
    return `${this.url}/v1.0`;
  }

  get webhookUrl(): string {
    return `${this.url}/workflows/board-channel/triggers/manual/paths/invoke?api-version=2016-06-01&sig=emulated`;
  }

  /** A signed access token as Entra ID would issue it; claims override the defaults (for sign-in tests). */
  async issueToken(
    claims: Record<string, unknown>,
    options: { kid?: string; lifetimeSeconds?: number; notBefore?: number } = {},
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      iat: now,
      nbf: options.notBefore ?? now,
      exp: now + (options.lifetimeSeconds ?? 3600),
      ...claims,
    })
      .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: options.kid ?? this.currentKid })
      .sign(this.signingKey);
  }

  /** Key rollover, as Entra ID does it: a new signing key under a new kid, published beside the old one. */
  async rotateSigningKey(): Promise<string> {
    const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
    const kid = `emulator-key-${this.keys.length + 1}`;
    this.keys.push({ ...(await exportJWK(publicKey)), kid, use: "sig", alg: "RS256" });
    this.signingKey = privateKey;
    this.verifyKey = publicKey;
    this.currentKid = kid;
    return kid;
  }

  /** The file at a drive path, or null. */
  async fileAt(drivePath: string): Promise<Buffer | null> {
    const item = this.items.get(drivePath.toLowerCase());
    if (!item || item.folder) return null;
    return Buffer.isBuffer(item.content) ? item.content : fs.readFile(item.content.file);
  }

  itemAt(drivePath: string): { size: number; sha256: string } | null {
    const item = this.items.get(drivePath.toLowerCase());
    return item && !item.folder ? { size: item.size, sha256: item.sha256 } : null;
  }

  /** The names of the files directly in a drive folder (a retried upload must replace, never add a copy). */
  filesIn(folderPath: string): string[] {
    return this.childrenOf(folderPath)
      .filter((i) => !i.folder)
      .map((i) => i.name);
  }

  async close(): Promise<void> {
    const server = this.server;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    await fs.rm(this.tmp, { recursive: true, force: true });
  }

  private listen(): Promise<void> {
    const server = https.createServer({ key: this.key, cert: this.ca }, (req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent && !res.destroyed) {
          this.error(res, 500, "generalException", error instanceof Error ? error.message : "internal");
        }
      });
    });
    this.server = server;
    return new Promise((resolve) => {
      server.listen(0, "127.0.0.1", () => {
        const address = server.address();
        this.url = `https://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
        resolve();
      });
    });
  }

  private count(key: string): void {
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.url);
    const line = `${req.method} ${url.pathname}`;
    const faults = this.faults.take(line);
    let dropAnswer = false;
    for (const fault of faults) {
      if (fault.kind === "slow") {
        // The request arrives whole and is acted on late, as a slow server does: read it first, answer afterwards.
        if (!url.pathname.startsWith("/upload/")) PREREAD.set(req, await readBody(req));
        await new Promise((r) => setTimeout(r, fault.delayMs));
      }
      if (fault.kind === "drop-answer") dropAnswer = true;
      if (fault.kind === "cut") {
        await this.cutAfter(req, fault.afterBytes);
        return;
      }
      if (fault.kind === "status") {
        await drain(req);
        this.throttle(res, fault);
        return;
      }
    }
    if (dropAnswer) {
      // Do the work, but swallow the answer and cut the connection: the client cannot know it happened.
      res.writeHead = (() => res) as never;
      res.end = (() => {
        res.socket?.destroy();
        return res;
      }) as never;
    }
    await this.route(req, res, url);
  }

  private async cutAfter(req: IncomingMessage, afterBytes: number): Promise<void> {
    let seen = 0;
    await new Promise<void>((resolve) => {
      if (afterBytes <= 0) {
        req.socket.destroy();
        resolve();
        return;
      }
      req.on("data", (chunk: Buffer) => {
        seen += chunk.length;
        if (seen >= afterBytes) {
          req.socket.destroy();
          resolve();
        }
      });
      req.on("end", () => {
        req.socket.destroy();
        resolve();
      });
      req.on("error", () => resolve());
      req.on("close", () => resolve());
    });
  }

  private throttle(res: ServerResponse, fault: Extract<FaultKind, { kind: "status" }>): void {
    const headers: Record<string, string> = {};
    if (fault.retryAfterSeconds !== undefined) headers["retry-after"] = String(fault.retryAfterSeconds);
    const code =
      fault.code ??
      (fault.status === 429 ? "TooManyRequests" : fault.status === 503 ? "serviceNotAvailable" : "UnknownError");
    const message =
      fault.status === 429
        ? "Too many requests. Please try again later."
        : fault.status === 503
          ? "Service Unavailable"
          : "Gateway Timeout";
    this.error(res, fault.status, code, message, headers);
  }

  private error(
    res: ServerResponse,
    status: number,
    code: string,
    message: string,
    headers: Record<string, string> = {},
  ): void {
    const body = JSON.stringify({
      error: {
        code,
        message,
        innerError: { date: new Date().toISOString(), "request-id": randomUUID(), "client-request-id": randomUUID() },
      },
    });
    res.writeHead(status, { "content-type": "application/json", "request-id": randomUUID(), ...headers });
    res.end(body);
  }

  private json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { "content-type": "application/json; odata.metadata=minimal", ...headers });
    res.end(JSON.stringify(body));
  }

  private async route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const p = url.pathname;
    const method = req.method ?? "GET";
    const { tenantId, driveId } = this.options;
    let m: RegExpExecArray | null;
    if (await tenantAdmin(this).handle(req, res, url, (body) => PREREAD.set(req, body))) return;

    m = method === "POST" ? /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(p) : null;
    if (m) {
      this.count("POST token");
      return this.token(req, res, decodeURIComponent(m[1] ?? ""));
    }
    if (method === "GET" && /^\/([^/]+)\/discovery\/v2\.0\/keys$/.test(p)) {
      this.count("GET keys");
      return this.json(res, 200, { keys: this.keys });
    }
    m = /^\/upload\/([^/]+)$/.exec(p);
    if (m) {
      this.count(`${method} upload`);
      return this.uploadSession(req, res, method, m[1] ?? "");
    }
    m = method === "GET" ? /^\/download\/([^/]+)$/.exec(p) : null;
    if (m) {
      this.count("GET download");
      return this.download(res, decodeURIComponent(m[1] ?? ""));
    }
    if (method === "POST" && p.startsWith("/workflows/")) {
      this.count("POST workflow");
      const body = await readJson(req);
      const attachment = (body.attachments as Array<{ contentType?: string; content?: unknown }> | undefined)?.[0];
      if (body.type !== "message" || attachment?.contentType !== "application/vnd.microsoft.card.adaptive") {
        return this.error(
          res,
          400,
          "InvalidRequestContent",
          "The request body is not a message with an Adaptive Card.",
        );
      }
      if (this.channelLimit) {
        const now = this.channelLimit.now();
        while (this.postTimes.length && (this.postTimes[0] ?? 0) <= now - 1000) this.postTimes.shift();
        if (this.postTimes.length >= this.channelLimit.perSecond) {
          this.channelThrottled += 1;
          return this.error(res, 429, "TooManyRequests", "Too many requests.", { "retry-after": "1" });
        }
        this.postTimes.push(now);
      }
      this.posts.push({
        id: String(Date.now() + this.posts.length),
        createdDateTime: new Date().toISOString(),
        card: attachment.content as Record<string, unknown>,
      });
      res.writeHead(202, { "content-length": "0" });
      res.end();
      return;
    }

    if (await this.mailbox.route(req, res, url)) return;
    // Everything under /v1.0 needs a valid app token issued by this emulator's token endpoint.
    if (!p.startsWith("/v1.0/")) return this.error(res, 404, "NotFound", "Unknown route.");
    if (!(await this.authorised(req))) {
      await drain(req);
      this.refusals.push(`${method} ${p}`);
      return this.error(res, 401, "InvalidAuthenticationToken", "Access token is empty or invalid.");
    }
    const graph = p.slice("/v1.0".length);
    const drivePrefix = `/drives/${driveId}/root`;
    if (graph.startsWith(drivePrefix)) return this.drive(req, res, method, graph.slice(drivePrefix.length), url);
    if (graph.startsWith("/drives/")) return this.error(res, 404, "itemNotFound", "The resource could not be found.");

    m = method === "POST" ? /^\/users\/([^/]+)\/sendMail$/.exec(graph) : null;
    if (m) {
      this.count("POST sendMail");
      return this.sendMail(req, res, decodeURIComponent(m[1] ?? ""));
    }
    m = method === "GET" ? /^\/users\/([^/]+)\/mailFolders\/(SentItems|sentitems)\/messages$/.exec(graph) : null;
    if (m) {
      this.count("GET sentItems");
      return this.sentItems(res, decodeURIComponent(m[1] ?? ""), url);
    }
    m = method === "POST" ? /^\/users\/([^/]+)\/teamwork\/sendActivityNotification$/.exec(graph) : null;
    if (m) {
      this.count("POST activity");
      const body = await readJson(req);
      if (!body.topic || !body.activityType || !body.previewText) {
        return this.error(res, 400, "BadRequest", "topic, activityType and previewText are required.");
      }
      this.activity.push({ userId: decodeURIComponent(m[1] ?? ""), at: new Date().toISOString(), body });
      res.writeHead(204);
      res.end();
      return;
    }
    m = method === "GET" ? /^\/teams\/([^/]+)\/channels\/([^/]+)\/messages$/.exec(graph) : null;
    if (m) {
      this.count("GET channelMessages");
      const top = Number(url.searchParams.get("$top") ?? 20);
      const value = [...this.posts]
        .reverse()
        .slice(0, top)
        .map((post) => ({
          id: post.id,
          messageType: "message",
          createdDateTime: post.createdDateTime,
          body: { contentType: "html", content: '<attachment id="card"></attachment>' },
          attachments: [
            { id: "card", contentType: "application/vnd.microsoft.card.adaptive", content: JSON.stringify(post.card) },
          ],
        }));
      return this.json(res, 200, { value });
    }
    void tenantId;
    return this.error(res, 404, "NotFound", `Resource not found for the segment '${graph.split("/")[1] ?? ""}'.`);
  }

  /** The claims of a valid Graph token (app-only or on-behalf-of) on the request, or null. */
  async graphTokenClaims(req: IncomingMessage): Promise<Record<string, unknown> | null> {
    const header = req.headers.authorization;
    if (!header?.startsWith("Bearer ")) return null;
    try {
      const { payload } = await jwtVerify(header.slice(7), this.verifyKey, { audience: "https://graph.microsoft.com" });
      return payload.tid === this.options.tenantId ? payload : null;
    } catch {
      return null;
    }
  }

  private async authorised(req: IncomingMessage): Promise<boolean> {
    const header = req.headers.authorization;
    if (!header?.startsWith("Bearer ")) return false;
    try {
      const { payload } = await jwtVerify(header.slice(7), this.verifyKey, { audience: "https://graph.microsoft.com" });
      return payload.tid === this.options.tenantId;
    } catch {
      return false;
    }
  }

  // ---- identity ----

  private async token(req: IncomingMessage, res: ServerResponse, tenant: string): Promise<void> {
    const form = new URLSearchParams((await readBody(req)).toString("utf8"));
    const fail = (status: number, error: string, description: string) =>
      this.json(res, status, {
        error,
        error_description: description,
        error_codes: [7000215],
        timestamp: new Date().toISOString(),
        trace_id: randomUUID(),
        correlation_id: randomUUID(),
      });
    if (tenant !== this.options.tenantId) return fail(400, "invalid_request", "AADSTS90002: Tenant not found.");
    if (form.get("client_id") !== this.options.clientId) {
      return fail(400, "unauthorized_client", "AADSTS700016: Application not found in the directory.");
    }
    if (form.get("client_secret") !== this.options.clientSecret) {
      return fail(401, "invalid_client", "AADSTS7000215: Invalid client secret provided.");
    }
    const grant = form.get("grant_type");
    const now = Math.floor(Date.now() / 1000);
    this.issued += 1;
    if (grant === "client_credentials") {
      const access = await this.issueToken({
        aud: "https://graph.microsoft.com",
        iss: `https://sts.windows.net/${tenant}/`,
        tid: tenant,
        appid: this.options.clientId,
        roles: ["Sites.Selected", "Mail.Send", "Mail.ReadWrite", "TeamsActivity.Send"],
        idtyp: "app",
        n: this.issued,
      });
      return this.json(res, 200, {
        token_type: "Bearer",
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: access,
      });
    }
    if (grant === "urn:ietf:params:oauth:grant-type:jwt-bearer" && form.get("requested_token_use") === "on_behalf_of") {
      const assertion = form.get("assertion") ?? "";
      try {
        const { payload } = await jwtVerify(assertion, this.verifyKey);
        const access = await this.issueToken({
          aud: "https://graph.microsoft.com",
          tid: tenant,
          oid: payload.oid,
          scp: form.get("scope") ?? "",
          n: this.issued,
        });
        return this.json(res, 200, {
          token_type: "Bearer",
          scope: form.get("scope"),
          expires_in: 3599,
          ext_expires_in: 3599,
          access_token: access,
          iat: now,
        });
      } catch {
        return fail(400, "invalid_grant", "AADSTS50013: Assertion failed signature validation.");
      }
    }
    return fail(400, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type.");
  }

  // ---- drive ----

  private itemJson(item: DriveItem): Record<string, unknown> {
    const full = item.parentPath ? `${item.parentPath}/${item.name}` : item.name;
    const site = "https://contoso.sharepoint.com/sites/complaints/Shared%20Documents";
    return {
      id: item.id,
      name: item.name,
      size: item.size,
      createdDateTime: item.createdDateTime,
      lastModifiedDateTime: item.lastModifiedDateTime,
      webUrl: `${site}/${full.split("/").map(encodeURIComponent).join("/")}`,
      parentReference: { driveId: this.options.driveId, path: `/drive/root:/${item.parentPath}` },
      ...(item.folder
        ? { folder: { childCount: this.childrenOf(full).length } }
        : {
            file: { mimeType: "application/octet-stream", hashes: {} },
            "@microsoft.graph.downloadUrl": `${this.url}/download/${encodeURIComponent(full)}`,
          }),
    };
  }

  private childrenOf(folderPath: string): DriveItem[] {
    const key = folderPath.toLowerCase();
    return [...this.items.values()].filter((i) => i.parentPath.toLowerCase() === key);
  }

  /** Makes the folders of a path, as path-addressed PUT and createUploadSession do. */
  private ensureFolders(folderPath: string): void {
    if (!folderPath) return;
    const parts = folderPath.split("/");
    for (let n = 1; n <= parts.length; n += 1) {
      const full = parts.slice(0, n).join("/");
      if (!this.items.has(full.toLowerCase())) {
        const now = new Date().toISOString();
        this.items.set(full.toLowerCase(), {
          id: randomUUID(),
          name: parts[n - 1] ?? "",
          parentPath: parts.slice(0, n - 1).join("/"),
          folder: true,
          size: 0,
          content: Buffer.alloc(0),
          createdDateTime: now,
          lastModifiedDateTime: now,
          sha256: "",
        });
      }
    }
  }

  private async storeFile(
    drivePath: string,
    content: Buffer | { file: string },
    size: number,
    sha256: string,
    conflictBehavior: string,
  ): Promise<{ status: number; item: DriveItem } | { status: 409 }> {
    const parts = drivePath.split("/");
    const name = parts.pop() ?? "";
    const parentPath = parts.join("/");
    const existing = this.items.get(drivePath.toLowerCase());
    if (existing && conflictBehavior === "fail") return { status: 409 };
    const parent = parentPath ? this.items.get(parentPath.toLowerCase()) : null;
    if (parent && !parent.folder) return { status: 409 };
    this.ensureFolders(parentPath);
    const now = new Date().toISOString();
    let target = drivePath;
    if (existing && conflictBehavior === "rename") {
      let n = 1;
      const dot = name.lastIndexOf(".");
      const stem = dot > 0 ? name.slice(0, dot) : name;
      const ext = dot > 0 ? name.slice(dot) : "";
      while (this.items.has(`${parentPath}/${stem} ${n}${ext}`.toLowerCase())) n += 1;
      target = `${parentPath}/${stem} ${n}${ext}`;
    }
    const previous = this.items.get(target.toLowerCase());
    if (previous && !Buffer.isBuffer(previous.content)) await fs.rm(previous.content.file, { force: true });
    const item: DriveItem = {
      id: previous?.id ?? randomUUID(),
      name: target.split("/").pop() ?? name,
      parentPath,
      folder: false,
      size,
      content,
      createdDateTime: previous?.createdDateTime ?? now,
      lastModifiedDateTime: now,
      sha256,
    };
    this.items.set(target.toLowerCase(), item);
    return { status: previous ? 200 : 201, item };
  }

  private async drive(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    rest: string,
    url: URL,
  ): Promise<void> {
    // rest: "" | "/children" | ":/a/b:" | ":/a/b:/children" | ":/a/b:/content" | ":/a/b:/createUploadSession"
    let drivePath = "";
    let action = rest;
    const m = /^:\/(.*?):?(\/children|\/content|\/createUploadSession)?$/.exec(rest);
    if (rest.startsWith(":/") && m) {
      drivePath = (m[1] ?? "").split("/").map(decodeURIComponent).join("/").replace(/:$/, "");
      action = m[2] ?? "";
    }
    const segments = drivePath ? drivePath.split("/") : [];
    if (segments.some((s) => !s || s === "." || s === ".." || /[\\:*?"<>|#%]/.test(s))) {
      await drain(req);
      return this.error(res, 400, "invalidRequest", "The provided path is not valid.");
    }
    const key = drivePath.toLowerCase();
    this.count(`${method} drive${action || "/item"}`);

    if (method === "GET" && action === "/children") {
      const folder = drivePath ? this.items.get(key) : null;
      if (drivePath && !folder?.folder) return this.error(res, 404, "itemNotFound", "The resource could not be found.");
      return this.json(res, 200, { value: this.childrenOf(drivePath).map((i) => this.itemJson(i)) });
    }
    if (method === "POST" && action === "/children") {
      const body = await readJson(req);
      const name = String(body.name ?? "");
      const behaviour = String(body["@microsoft.graph.conflictBehavior"] ?? "fail");
      const full = drivePath ? `${drivePath}/${name}` : name;
      if (drivePath && !this.items.get(key)?.folder)
        return this.error(res, 404, "itemNotFound", "The resource could not be found.");
      const existing = this.items.get(full.toLowerCase());
      if (existing && behaviour === "fail") {
        return this.error(res, 409, "nameAlreadyExists", "The specified item name already exists.");
      }
      if (!existing) this.ensureFolders(full);
      const item = this.items.get(full.toLowerCase());
      return this.json(res, existing ? 200 : 201, item ? this.itemJson(item) : {});
    }
    if (method === "GET" && action === "") {
      const item = this.items.get(key);
      if (!item) return this.error(res, 404, "itemNotFound", "The resource could not be found.");
      return this.json(res, 200, this.itemJson(item));
    }
    if (method === "GET" && action === "/content") {
      const item = this.items.get(key);
      if (!item) return this.error(res, 404, "itemNotFound", "The resource could not be found.");
      if (item.folder) return this.error(res, 404, "itemNotFound", "The item is a folder.");
      res.writeHead(302, { location: `${this.url}/download/${encodeURIComponent(drivePath)}` });
      res.end();
      return;
    }
    if (method === "DELETE" && action === "") {
      const item = this.items.get(key);
      if (!item) return this.error(res, 404, "itemNotFound", "The resource could not be found.");
      for (const k of [...this.items.keys()]) if (k === key || k.startsWith(`${key}/`)) this.items.delete(k);
      res.writeHead(204);
      res.end();
      return;
    }
    if (method === "PUT" && action === "/content") {
      const behaviour = url.searchParams.get("@microsoft.graph.conflictBehavior") ?? "replace";
      const body = await readBody(req);
      if (body.length > 250 * 1024 * 1024) return this.error(res, 413, "requestTooLarge", "Request too large.");
      const stored = await this.storeFile(drivePath, body, body.length, sha(body), behaviour);
      if (!("item" in stored))
        return this.error(res, 409, "nameAlreadyExists", "The specified item name already exists.");
      return this.json(res, stored.status, this.itemJson(stored.item));
    }
    if (method === "POST" && action === "/createUploadSession") {
      const body = await readJson(req);
      const behaviour = String(
        (body.item as Record<string, unknown> | undefined)?.["@microsoft.graph.conflictBehavior"] ?? "replace",
      );
      if (behaviour === "fail" && this.items.has(key)) {
        return this.error(res, 409, "nameAlreadyExists", "The specified item name already exists.");
      }
      const id = randomUUID().replace(/-/g, "");
      const expires = new Date(Date.now() + 24 * 3600_000).toISOString();
      const file = path.join(this.tmp, `session-${id}`);
      await fs.writeFile(file, "");
      this.sessions.set(id, { id, drivePath, conflictBehavior: behaviour, total: null, received: 0, file, expires });
      return this.json(res, 200, {
        uploadUrl: `${this.url}/upload/${id}`,
        expirationDateTime: expires,
        nextExpectedRanges: ["0-"],
      });
    }
    await drain(req);
    return this.error(res, 405, "invalidRequest", "The method is not allowed here.");
  }

  private async uploadSession(req: IncomingMessage, res: ServerResponse, method: string, id: string): Promise<void> {
    const session = this.sessions.get(id);
    if (req.headers.authorization) {
      // The upload URL is pre-authenticated; Microsoft warns that an Authorization header may get 401.
      await drain(req);
      this.refusals.push(`${method} upload with Authorization`);
      return this.error(res, 401, "unauthenticated", "Do not send Authorization to the upload URL.");
    }
    if (!session) {
      await drain(req);
      return this.error(res, 404, "itemNotFound", "The upload session was not found.");
    }
    const status = () => ({ expirationDateTime: session.expires, nextExpectedRanges: [`${session.received}-`] });
    if (method === "GET") return this.json(res, 200, status());
    if (method === "DELETE") {
      this.sessions.delete(id);
      await fs.rm(session.file, { force: true });
      res.writeHead(204);
      res.end();
      return;
    }
    if (method !== "PUT") return this.error(res, 405, "invalidRequest", "The method is not allowed here.");
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(req.headers["content-range"] ?? ""));
    const length = Number(req.headers["content-length"] ?? -1);
    if (!range) {
      await drain(req);
      return this.error(res, 400, "invalidRequest", "Content-Range is missing or malformed.");
    }
    const from = Number(range[1]);
    const to = Number(range[2]);
    const total = Number(range[3]);
    if ((session.total !== null && total !== session.total) || to < from || to >= total || length !== to - from + 1) {
      await drain(req);
      return this.error(res, 400, "invalidRange", "The Content-Range header is not valid for this session.");
    }
    if (from !== session.received) {
      await drain(req);
      // A fragment already received (or one that skips ahead): the documented answer is 416.
      return this.error(res, 416, "invalidRange", "The requested range is not satisfiable.", {});
    }
    if (to - from + 1 > 60 * 1024 * 1024) {
      await drain(req);
      return this.error(res, 413, "requestTooLarge", "Fragments must be smaller than 60 MiB.");
    }
    // Write the fragment to a side file first: a fragment cut short is discarded whole, as Graph does.
    const part = `${session.file}.part`;
    const out: WriteStream = createWriteStream(part);
    let got = 0;
    const complete = await new Promise<boolean>((resolve) => {
      req.on("data", (chunk: Buffer) => {
        got += chunk.length;
        out.write(chunk);
      });
      req.on("end", () => resolve(got === length));
      req.on("aborted", () => resolve(false));
      req.on("error", () => resolve(false));
    });
    await new Promise<void>((resolve) => out.end(() => resolve()));
    if (!complete) {
      await fs.rm(part, { force: true });
      return;
    }
    await appendFile(session.file, part);
    session.total = total;
    session.received = to + 1;
    if (session.received < total) return this.json(res, 202, status());
    this.sessions.delete(id);
    const digest = await fileSha(session.file);
    const size = total;
    let content: Buffer | { file: string } = { file: session.file };
    if (size <= 4 * 1024 * 1024) {
      content = await fs.readFile(session.file);
      await fs.rm(session.file, { force: true });
    }
    const stored = await this.storeFile(session.drivePath, content, size, digest, session.conflictBehavior);
    if (!("item" in stored))
      return this.error(res, 409, "nameAlreadyExists", "The specified item name already exists.");
    return this.json(res, stored.status, this.itemJson(stored.item));
  }

  private async download(res: ServerResponse, drivePath: string): Promise<void> {
    const item = this.items.get(drivePath.toLowerCase());
    if (!item || item.folder) return this.error(res, 404, "itemNotFound", "The resource could not be found.");
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(item.size) });
    if (Buffer.isBuffer(item.content)) res.end(item.content);
    else createReadStream(item.content.file).pipe(res);
  }

  // ---- mail ----

  private async sendMail(req: IncomingMessage, res: ServerResponse, mailbox: string): Promise<void> {
    const raw = await readBody(req);
    if (raw.length > 4 * 1024 * 1024) return this.error(res, 413, "RequestEntityTooLarge", "The request is too large.");
    if (mailbox.toLowerCase() !== this.options.sharedMailbox.toLowerCase()) {
      return this.error(res, 403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw.toString("utf8")) as Record<string, unknown>;
    } catch {
      return this.error(res, 400, "RequestBodyRead", "The request body could not be read as JSON.");
    }
    const message = body.message as Record<string, unknown> | undefined;
    const to = message?.toRecipients as unknown[] | undefined;
    if (!message || !to || to.length === 0) {
      return this.error(res, 400, "ErrorInvalidRecipients", "At least one recipient isn't valid.");
    }
    const props = (message.singleValueExtendedProperties as Array<{ id: string; value: string }> | undefined) ?? [];
    this.sent.push({
      id: randomUUID(),
      mailbox,
      sentDateTime: new Date().toISOString(),
      message,
      marker: props[0]?.value ?? null,
    });
    res.writeHead(202, { "content-length": "0" });
    res.end();
  }

  private sentItems(res: ServerResponse, mailbox: string, url: URL): void {
    const filter = url.searchParams.get("$filter") ?? "";
    const m = /singleValueExtendedProperties\/Any\(ep: ep\/id eq '([^']+)' and ep\/value eq '([^']+)'\)/.exec(filter);
    if (!m) {
      this.error(res, 400, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes.");
      return;
    }
    const value = this.sent
      .filter((s) => s.mailbox.toLowerCase() === mailbox.toLowerCase() && s.marker === m[2])
      .map((s) => ({ id: s.id, subject: (s.message as { subject?: string }).subject, sentDateTime: s.sentDateTime }));
    this.json(res, 200, { value });
  }
}

const sha = (b: Buffer): string => createHash("sha256").update(b).digest("hex");

async function fileSha(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function appendFile(target: string, part: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(target, { flags: "a" });
    createReadStream(part)
      .pipe(out)
      .on("finish", () => resolve())
      .on("error", reject);
  });
  await fs.rm(part, { force: true });
}
