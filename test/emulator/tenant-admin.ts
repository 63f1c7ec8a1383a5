/**
 * The tenant-administration side of the Graph + Entra ID emulator: what `npm run setup` and the Graph directory
 * call. Registered with one line at the top of GraphEmulator.route(); `tenantAdmin(emulator)` gives the state to
 * tests.
 *
 *   POST /{tenant}/oauth2/v2.0/devicecode            device code sign-in (the admin approves at once)
 *   GET  /{tenant}/oauth2/v2.0/authorize             browser sign-in: redirects to the loopback with a code (PKCE)
 *   POST /{tenant}/oauth2/v2.0/token                 device_code and authorization_code grants (public client)
 *   GET|POST /v1.0/applications, PATCH /v1.0/applications/{id}
 *   GET|POST /v1.0/servicePrincipals, GET /v1.0/servicePrincipals(appId='…')
 *   GET|POST /v1.0/servicePrincipals/{id}/appRoleAssignedTo   (paged: @odata.nextLink)
 *   GET  /v1.0/users/{id or address}
 *   GET  /v1.0/sites/{host}:/sites/{path}, /v1.0/sites/{id}, /sites/{id}/drives, POST /sites/{id}/lists,
 *        GET /sites/{id}/lists/{list}/drive, GET|POST /sites/{id}/permissions
 *   GET  /v1.0/drives/{id}                          the library itself (readiness)
 *   GET  /v1.0/teams/{team}/channels/{channel}
 */
import { createHash, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { importJWK, jwtVerify } from "jose";
import type { GraphEmulator } from "./graph-emulator.js";

export const GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
export const SITE_HOST = "contoso.sharepoint.com";

export interface EmulatedUser {
  id: string;
  displayName: string;
  mail: string | null;
  userPrincipalName: string;
}

interface Assignment {
  id: string;
  principalId: string;
  principalType: "User" | "Group";
  principalDisplayName: string;
  appRoleId: string;
  resourceId: string;
  createdDateTime: string;
}

type Json = Record<string, unknown>;

export class TenantAdmin {
  readonly applications = new Map<string, Json>();
  readonly servicePrincipals = new Map<string, Json>();
  readonly assignments: Assignment[] = [];
  readonly users = new Map<string, EmulatedUser>();
  readonly sitePermissions: Json[] = [];
  readonly libraries: Array<{ listId: string; driveId: string; name: string }> = [];
  /** Writes by method and route shape, to prove a second set-up run changes nothing. */
  readonly writes: string[] = [];
  /** Page size of appRoleAssignedTo, small so paging is exercised. */
  pageSize = 3;
  /** Device-code polls answered "authorization_pending" before the admin "approves". */
  pendingPolls = 1;
  readonly siteId = `${SITE_HOST},5a1c2f3e-0000-4000-8000-000000000001,5a1c2f3e-0000-4000-8000-000000000002`;
  readonly admin: EmulatedUser = {
    id: "aaaaaaaa-0000-4000-8000-00000000ad01",
    displayName: "IT Admin",
    mail: "it.admin@contoso.example",
    userPrincipalName: "it.admin@contoso.example",
  };
  private readonly deviceCodes = new Map<string, number>();
  private readonly codes = new Map<string, { challenge: string; clientId: string; nonce: string | null }>();

  constructor(private readonly emulator: GraphEmulator) {
    const graphSp = {
      id: randomUUID(),
      appId: GRAPH_APP_ID,
      displayName: "Microsoft Graph",
      appRoles: [
        "Sites.Selected",
        "Mail.Send",
        "Mail.ReadBasic",
        "TeamsActivity.Send",
        "Application.Read.All",
        "User.ReadBasic.All",
      ].map((value) => ({
        id: uuidFrom(`graph-role-${value}`),
        value,
        allowedMemberTypes: ["Application"],
        isEnabled: true,
      })),
      oauth2PermissionScopes: [{ id: uuidFrom("graph-scope-User.Read"), value: "User.Read", type: "User" }],
    };
    this.servicePrincipals.set(graphSp.id, graphSp);
    this.users.set(this.admin.id, this.admin);
    const mailbox = emulator.options.sharedMailbox;
    this.addUser({ displayName: "Complaints", mail: mailbox, userPrincipalName: mailbox });
  }

  addUser(user: Omit<EmulatedUser, "id"> & { id?: string }): EmulatedUser {
    const full = { id: user.id ?? randomUUID(), ...user };
    this.users.set(full.id, full);
    return full;
  }

  /** The Redress registration as set-up would leave it, under the emulator's own client id (for server tests). */
  seedRedressApp(roles: readonly string[]): { servicePrincipalId: string; roleIds: Map<string, string> } {
    const roleIds = new Map(roles.map((r) => [r, uuidFrom(`redress-role-${r}`)]));
    const appRoles = roles.map((value) => ({
      id: roleIds.get(value),
      value,
      displayName: value,
      allowedMemberTypes: ["User"],
      isEnabled: true,
    }));
    const appId = this.emulator.options.clientId;
    this.applications.set(randomUUID(), { appId, displayName: "Redress", appRoles });
    const sp = { id: randomUUID(), appId, displayName: "Redress", appRoles };
    this.servicePrincipals.set(sp.id, sp);
    return { servicePrincipalId: sp.id, roleIds };
  }

  assign(
    servicePrincipalId: string,
    principal: { id: string; displayName: string },
    roleId: string,
    type: "User" | "Group" = "User",
  ): void {
    this.assignments.push({
      id: randomUUID(),
      principalId: principal.id,
      principalType: type,
      principalDisplayName: principal.displayName,
      appRoleId: roleId,
      resourceId: servicePrincipalId,
      createdDateTime: new Date().toISOString(),
    });
  }

  /** True when the request was answered here; `preread` hands a consumed body back to the emulator. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL, preread: (body: Buffer) => void): Promise<boolean> {
    const p = url.pathname;
    const method = req.method ?? "GET";
    const { tenantId } = this.emulator.options;
    if (p === `/${tenantId}/oauth2/v2.0/devicecode` && method === "POST") {
      await readBody(req);
      const deviceCode = randomUUID();
      this.deviceCodes.set(deviceCode, this.pendingPolls);
      return this.json(res, 200, {
        device_code: deviceCode,
        user_code: "EMU-1234",
        verification_uri: "https://microsoft.com/devicelogin",
        expires_in: 900,
        interval: 1,
        message:
          "To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code EMU-1234 to authenticate.",
      });
    }
    if (p === `/${tenantId}/oauth2/v2.0/authorize` && method === "GET") {
      const redirect = url.searchParams.get("redirect_uri") ?? "";
      if (
        !/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(redirect) ||
        url.searchParams.get("code_challenge_method") !== "S256"
      ) {
        return this.json(res, 400, {
          error: "invalid_request",
          error_description: "AADSTS50011: loopback redirect and PKCE (S256) required.",
        });
      }
      const code = randomUUID();
      this.codes.set(code, {
        challenge: url.searchParams.get("code_challenge") ?? "",
        clientId: url.searchParams.get("client_id") ?? "",
        nonce: url.searchParams.get("nonce"),
      });
      const fields: Record<string, string> = { code };
      const state = url.searchParams.get("state");
      if (state) fields.state = state;
      fields.client_info = Buffer.from(JSON.stringify({ uid: this.admin.id, utid: tenantId })).toString("base64url");
      if (url.searchParams.get("response_mode") === "form_post") {
        // As Entra ID does: a page whose form posts the answer to the loopback (msal-node 7 asks for form_post).
        const inputs = Object.entries(fields)
          .map(([k, v]) => `<input type="hidden" name="${k}" value="${v}">`)
          .join("");
        res.writeHead(200, { "content-type": "text/html" });
        res.end(
          `<html><body onload="document.forms[0].submit()"><form method="post" action="${redirect}">${inputs}</form></body></html>`,
        );
        return true;
      }
      const to = new URL(redirect);
      for (const [k, v] of Object.entries(fields)) to.searchParams.set(k, v);
      res.writeHead(302, { location: to.toString() });
      res.end();
      return true;
    }
    if (p === `/${tenantId}/oauth2/v2.0/token` && method === "POST") {
      const body = await readBody(req);
      const form = new URLSearchParams(body.toString("utf8"));
      const grant = form.get("grant_type");
      if (grant === "device_code" || grant === "urn:ietf:params:oauth:grant-type:device_code")
        return this.deviceToken(res, form);
      if (grant === "authorization_code" && !form.get("client_secret")) return this.codeToken(res, form);
      preread(body);
      return false;
    }
    if (!p.startsWith("/v1.0/")) return false;
    const graph = p.slice("/v1.0".length);
    if (!this.owns(method, graph)) return false;
    const token = await this.verify(req);
    if (!token) {
      await readBody(req);
      return this.error(res, 401, "InvalidAuthenticationToken", "Access token is empty or invalid.");
    }
    if (method !== "GET" && typeof token.scp !== "string") {
      // Writes here are an administrator's, signed in (delegated); the app itself may only read.
      await readBody(req);
      return this.error(res, 403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
    }
    return this.graph(req, res, method, graph, url);
  }

  private owns(method: string, graph: string): boolean {
    if (/^\/(applications|servicePrincipals)(\/|\(|$)/.test(graph)) return true;
    if (/^\/sites\//.test(graph)) return true;
    if (method === "GET" && /^\/users\/[^/]+$/.test(graph)) return true;
    if (method === "GET" && /^\/drives\/[^/]+$/.test(graph)) return true;
    if (method === "GET" && /^\/teams\/[^/]+\/channels\/[^/]+$/.test(graph)) return true;
    return false;
  }

  private async graph(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    graph: string,
    url: URL,
  ): Promise<boolean> {
    let m: RegExpExecArray | null;
    const filter = url.searchParams.get("$filter") ?? "";
    const eq = (field: string) => new RegExp(`${field} eq '([^']+)'`).exec(filter)?.[1];
    if (graph === "/applications" && method === "GET") {
      const appId = eq("appId");
      const name = eq("displayName");
      const value = [...this.applications.entries()]
        .map(([id, a]): Json => ({ id, ...a }))
        .filter((a) => (!appId || a.appId === appId) && (!name || a.displayName === name));
      return this.json(res, 200, { value });
    }
    if (graph === "/applications" && method === "POST") {
      const body = await readJson(req);
      const id = randomUUID();
      const app = { ...body, appId: randomUUID() };
      this.applications.set(id, app);
      this.writes.push("POST applications");
      return this.json(res, 201, { id, ...app });
    }
    m = /^\/applications\/([^/]+)$/.exec(graph);
    if (m && method === "PATCH") {
      const app = this.applications.get(m[1] ?? "");
      const body = await readJson(req);
      if (!app) return this.error(res, 404, "Request_ResourceNotFound", "Resource does not exist.");
      // Graph refuses to remove an enabled app role in the same PATCH; set-up never does.
      for (const [k, v] of Object.entries(body)) {
        app[k] =
          v && typeof v === "object" && !Array.isArray(v) && app[k] && typeof app[k] === "object"
            ? { ...(app[k] as Json), ...(v as Json) }
            : v;
      }
      for (const sp of this.servicePrincipals.values())
        if (sp.appId === app.appId && body.appRoles) sp.appRoles = body.appRoles;
      this.writes.push("PATCH application");
      res.writeHead(204);
      res.end();
      return true;
    }
    m = /^\/servicePrincipals\(appId='([^']+)'\)$/.exec(graph);
    if (m && method === "GET") {
      const sp = [...this.servicePrincipals.values()].find((s) => s.appId === m?.[1]);
      return sp
        ? this.json(res, 200, sp)
        : this.error(res, 404, "Request_ResourceNotFound", "Resource does not exist.");
    }
    if (graph === "/servicePrincipals" && method === "GET") {
      const appId = eq("appId");
      return this.json(res, 200, {
        value: [...this.servicePrincipals.values()].filter((s) => !appId || s.appId === appId),
      });
    }
    if (graph === "/servicePrincipals" && method === "POST") {
      const body = await readJson(req);
      const app = [...this.applications.values()].find((a) => a.appId === body.appId);
      if (!app)
        return this.error(
          res,
          400,
          "Request_BadRequest",
          "The appId of the service principal does not reference a valid application object.",
        );
      const sp = { id: randomUUID(), appId: body.appId, displayName: app.displayName, appRoles: app.appRoles ?? [] };
      this.servicePrincipals.set(sp.id, sp);
      this.writes.push("POST servicePrincipals");
      return this.json(res, 201, sp);
    }
    m = /^\/servicePrincipals\/([^/]+)\/appRoleAssignedTo$/.exec(graph);
    if (m) {
      const spId = m[1] ?? "";
      if (!this.servicePrincipals.has(spId))
        return this.error(res, 404, "Request_ResourceNotFound", "Resource does not exist.");
      if (method === "POST") {
        const body = await readJson(req);
        const user = this.users.get(String(body.principalId));
        this.assign(
          spId,
          { id: String(body.principalId), displayName: user?.displayName ?? "" },
          String(body.appRoleId),
        );
        this.writes.push("POST appRoleAssignedTo");
        return this.json(res, 201, this.assignments.at(-1));
      }
      const all = this.assignments.filter((a) => a.resourceId === spId);
      const skip = Number(url.searchParams.get("$skiptoken") ?? 0);
      const page = all.slice(skip, skip + this.pageSize);
      const next =
        skip + this.pageSize < all.length
          ? `${this.emulator.graphBaseUrl}${graph}?$skiptoken=${skip + this.pageSize}`
          : undefined;
      return this.json(res, 200, { value: page, ...(next ? { "@odata.nextLink": next } : {}) });
    }
    m = /^\/users\/([^/]+)$/.exec(graph);
    if (m) {
      const key = decodeURIComponent(m[1] ?? "").toLowerCase();
      const user = [...this.users.values()].find(
        (u) => u.id === key || u.mail?.toLowerCase() === key || u.userPrincipalName.toLowerCase() === key,
      );
      return user
        ? this.json(res, 200, user)
        : this.error(res, 404, "Request_ResourceNotFound", `Resource '${key}' does not exist.`);
    }
    m = /^\/drives\/([^/]+)$/.exec(graph);
    if (m) {
      const id = decodeURIComponent(m[1] ?? "");
      const known = id === this.emulator.options.driveId;
      return known
        ? this.json(res, 200, { id, name: "Complaints", driveType: "documentLibrary" })
        : this.error(res, 404, "itemNotFound", "The resource could not be found.");
    }
    m = /^\/teams\/([^/]+)\/channels\/([^/]+)$/.exec(graph);
    if (m) {
      const ok =
        decodeURIComponent(m[1] ?? "") === this.emulator.options.teamId &&
        decodeURIComponent(m[2] ?? "") === this.emulator.options.channelId;
      return ok
        ? this.json(res, 200, { id: this.emulator.options.channelId, displayName: "Board" })
        : this.error(res, 404, "NotFound", "Channel not found.");
    }
    return this.sites(req, res, method, graph);
  }

  private async sites(req: IncomingMessage, res: ServerResponse, method: string, graph: string): Promise<boolean> {
    const site = {
      id: this.siteId,
      name: "complaints",
      displayName: "Complaints",
      webUrl: `https://${SITE_HOST}/sites/complaints`,
    };
    if (
      method === "GET" &&
      (graph === `/sites/${SITE_HOST}:/sites/complaints` || graph === `/sites/${SITE_HOST}:/sites/complaints:`)
    ) {
      return this.json(res, 200, site);
    }
    const prefix = `/sites/${encodeURIComponent(this.siteId)}`;
    const rawPrefix = `/sites/${this.siteId}`;
    const rest = graph.startsWith(prefix)
      ? graph.slice(prefix.length)
      : graph.startsWith(rawPrefix)
        ? graph.slice(rawPrefix.length)
        : null;
    if (rest === null) {
      await readBody(req);
      return this.error(res, 404, "itemNotFound", "Requested site could not be found");
    }
    if (rest === "" && method === "GET") return this.json(res, 200, site);
    if (rest === "/drives" && method === "GET") {
      const value = [
        { id: "b!documents-drive", name: "Documents", driveType: "documentLibrary" },
        ...this.libraries.map((l) => ({ id: l.driveId, name: l.name, driveType: "documentLibrary" })),
      ];
      return this.json(res, 200, { value });
    }
    if (rest === "/lists" && method === "POST") {
      const body = await readJson(req);
      const name = String(body.displayName ?? "");
      if ((body.list as Json | undefined)?.template !== "documentLibrary")
        return this.error(res, 400, "invalidRequest", "Only document libraries here.");
      if (this.libraries.some((l) => l.name === name))
        return this.error(res, 409, "nameAlreadyExists", "A list with this name already exists.");
      const listId = randomUUID();
      // The first library made is the one the emulator's drive routes serve.
      const driveId = this.libraries.length === 0 ? this.emulator.options.driveId : `b!${listId}`;
      this.libraries.push({ listId, driveId, name });
      this.writes.push("POST lists");
      return this.json(res, 201, { id: listId, displayName: name, list: { template: "documentLibrary" } });
    }
    const m = /^\/lists\/([^/]+)\/drive$/.exec(rest);
    if (m && method === "GET") {
      const lib = this.libraries.find((l) => l.listId === m[1]);
      return lib
        ? this.json(res, 200, { id: lib.driveId, name: lib.name })
        : this.error(res, 404, "itemNotFound", "List not found.");
    }
    if (rest === "/permissions" && method === "GET") return this.json(res, 200, { value: this.sitePermissions });
    if (rest === "/permissions" && method === "POST") {
      const body = await readJson(req);
      const roles = body.roles as string[] | undefined;
      const identities = body.grantedToIdentities as Array<{ application?: { id?: string } }> | undefined;
      if (!roles?.length || !identities?.[0]?.application?.id)
        return this.error(res, 400, "invalidRequest", "roles and grantedToIdentities are required.");
      const permission = {
        id: randomUUID(),
        roles,
        grantedToIdentities: identities,
        grantedToIdentitiesV2: identities,
      };
      this.sitePermissions.push(permission);
      this.writes.push("POST site permission");
      return this.json(res, 201, permission);
    }
    await readBody(req);
    return this.error(res, 404, "itemNotFound", "The resource could not be found.");
  }

  // ---- sign-in ----

  private async deviceToken(res: ServerResponse, form: URLSearchParams): Promise<boolean> {
    const code = form.get("device_code") ?? "";
    const left = this.deviceCodes.get(code);
    if (left === undefined)
      return this.json(res, 400, {
        error: "expired_token",
        error_description: "AADSTS70019: Verification code expired.",
      });
    if (left > 0) {
      this.deviceCodes.set(code, left - 1);
      return this.json(res, 400, {
        error: "authorization_pending",
        error_description: "AADSTS70016: OAuth 2.0 device flow error. Authorization is pending.",
      });
    }
    this.deviceCodes.delete(code);
    return this.userTokens(res, form.get("client_id") ?? "", form.get("scope") ?? "", null);
  }

  private async codeToken(res: ServerResponse, form: URLSearchParams): Promise<boolean> {
    const code = this.codes.get(form.get("code") ?? "");
    this.codes.delete(form.get("code") ?? "");
    const verifier = form.get("code_verifier") ?? "";
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    if (!code || code.challenge !== challenge || code.clientId !== form.get("client_id")) {
      return this.json(res, 400, {
        error: "invalid_grant",
        error_description: "AADSTS501481: The code verifier does not match the code challenge.",
      });
    }
    return this.userTokens(res, code.clientId, form.get("scope") ?? "", code.nonce);
  }

  private async userTokens(
    res: ServerResponse,
    clientId: string,
    scope: string,
    nonce: string | null,
  ): Promise<boolean> {
    const { tenantId } = this.emulator.options;
    const scopes = scope
      .split(" ")
      .filter((s) => s.startsWith("https://graph.microsoft.com/"))
      .map((s) => s.replace("https://graph.microsoft.com/", ""));
    const access = await this.emulator.issueToken({
      aud: "https://graph.microsoft.com",
      tid: tenantId,
      oid: this.admin.id,
      scp: scopes.join(" "),
      idtyp: "user",
    });
    const idToken = await this.emulator.issueToken({
      aud: clientId,
      iss: `${this.emulator.url}/${tenantId}/v2.0`,
      tid: tenantId,
      oid: this.admin.id,
      sub: this.admin.id,
      name: this.admin.displayName,
      preferred_username: this.admin.userPrincipalName,
      ver: "2.0",
      ...(nonce ? { nonce } : {}),
    });
    const clientInfo = Buffer.from(JSON.stringify({ uid: this.admin.id, utid: tenantId })).toString("base64url");
    return this.json(res, 200, {
      token_type: "Bearer",
      scope: scopes.map((s) => `https://graph.microsoft.com/${s}`).join(" "),
      expires_in: 3599,
      ext_expires_in: 3599,
      access_token: access,
      id_token: idToken,
      client_info: clientInfo,
    });
  }

  private async verify(req: IncomingMessage): Promise<Json | null> {
    const header = req.headers.authorization;
    if (!header?.startsWith("Bearer ")) return null;
    try {
      const key = await importJWK(this.emulator.jwk, "RS256");
      const { payload } = await jwtVerify(header.slice(7), key, { audience: "https://graph.microsoft.com" });
      return payload.tid === this.emulator.options.tenantId ? (payload as Json) : null;
    } catch {
      return null;
    }
  }

  private json(res: ServerResponse, status: number, body: unknown): true {
    res.writeHead(status, { "content-type": "application/json; odata.metadata=minimal" });
    res.end(JSON.stringify(body));
    return true;
  }

  private error(res: ServerResponse, status: number, code: string, message: string): true {
    return this.json(res, status, {
      error: { code, message, innerError: { "request-id": randomUUID(), date: new Date().toISOString() } },
    });
  }
}

const admins = new WeakMap<GraphEmulator, TenantAdmin>();

/** The one TenantAdmin of an emulator. */
export function tenantAdmin(emulator: GraphEmulator): TenantAdmin {
  let admin = admins.get(emulator);
  if (!admin) {
    admin = new TenantAdmin(emulator);
    admins.set(emulator, admin);
  }
  return admin;
}

/** A stable GUID from a name, so the emulator's well-known ids are the same on every run. */
function uuidFrom(name: string): string {
  const h = createHash("sha256").update(name).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (req.readableEnded) return resolve(Buffer.alloc(0));
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

async function readJson(req: IncomingMessage): Promise<Json> {
  const raw = await readBody(req);
  try {
    return raw.length ? (JSON.parse(raw.toString("utf8")) as Json) : {};
  } catch {
    return {};
  }
}
