import { createRemoteJWKSet, customFetch, decodeJwt, decodeProtectedHeader, type JWTPayload, jwtVerify } from "jose";
import { AppError } from "../../domain/app-error.js";
import { type Actor, ROLES, type Role } from "../../domain/roles.js";
import type { TokenVerifier } from "../../ports/token-verifier.js";
import type { HttpsTransport } from "../graph/https-transport.js";

export interface EntraTokenVerifierOptions {
  /** `https://login.microsoftonline.com` (or the emulator): issuers are `{host}/{tid}/v2.0`. */
  authorityHost: string;
  /** The API's app registration: its client id and Application ID URI are the accepted audiences. */
  audiences: readonly string[];
  /** Tenants whose people may sign in (normally the organisation's own tenant only). */
  allowedTenants: readonly string[];
  /** Fetches the signing keys; the emulator's certificate is trusted through it in tests. */
  transport: HttpsTransport;
  /** Least time between two JWKS fetches on an unknown kid (default 30 s; tests shorten it). */
  jwksCooldownMs?: number;
  /** Seconds of clock skew tolerated on exp/nbf. */
  clockToleranceSeconds?: number;
  /** Called with each verified person, so the directory learns names and roles (no token is passed on). */
  onSignIn?: (user: { id: string; name: string; email: string | null; roles: Role[] }) => void;
}

const SCOPE = "access_as_user";
const unauthenticated = () =>
  new AppError("UNAUTHENTICATED", "Your sign-in is not valid or has expired. Sign in again.");

/**
 * Checks Entra ID v2 access tokens for the Redress API: RS256 signature against the tenant-independent JWKS (cached
 * by jose, refetched on an unknown `kid` at most every 30 s and at least every 12 h), `iss` exactly
 * `{host}/{tid}/v2.0` for the token's own `tid`, that `tid` on the allow-list, `aud`, `exp`/`nbf` with a small
 * skew, the delegated scope `access_as_user`, and at least one Redress app role. People are keyed by tid + oid.
 * Nothing from the token is logged.
 */
export class EntraTokenVerifier implements TokenVerifier {
  private readonly jwks: ReturnType<typeof createRemoteJWKSet>;
  private readonly host: string;

  constructor(private readonly options: EntraTokenVerifierOptions) {
    this.host = new URL(options.authorityHost).origin;
    const transport = options.transport;
    this.jwks = createRemoteJWKSet(new URL(`${this.host}/common/discovery/v2.0/keys`), {
      cacheMaxAge: 12 * 3600_000,
      cooldownDuration: options.jwksCooldownMs ?? 30_000,
      timeoutDuration: 10_000,
      [customFetch]: async (url: string) => {
        const answer = await transport.send({ method: "GET", url, headers: { accept: "application/json" } });
        return new Response(new Uint8Array(answer.body), { status: answer.status, headers: answer.headers });
      },
    });
  }

  async verify(token: string): Promise<Actor> {
    let payload: JWTPayload;
    try {
      const header = decodeProtectedHeader(token);
      if (header.alg !== "RS256" || typeof header.kid !== "string") throw new Error("header");
      const claims = decodeJwt(token);
      const tid = claims.tid;
      if (typeof tid !== "string" || !this.options.allowedTenants.includes(tid)) throw new Error("tenant");
      ({ payload } = await jwtVerify(token, this.jwks, {
        algorithms: ["RS256"],
        issuer: `${this.host}/${tid}/v2.0`,
        audience: [...this.options.audiences],
        clockTolerance: this.options.clockToleranceSeconds ?? 120,
        requiredClaims: ["exp", "nbf", "iat", "tid", "oid"],
      }));
      if (payload.tid !== tid || payload.ver !== "2.0" || typeof payload.oid !== "string") throw new Error("claims");
    } catch {
      throw unauthenticated();
    }
    const scopes = typeof payload.scp === "string" ? payload.scp.split(" ") : [];
    if (!scopes.includes(SCOPE)) {
      // App-only tokens and tokens for other scopes are not for people using Redress.
      throw new AppError("UNAUTHENTICATED", "This sign-in was not made for Redress. Sign in again.");
    }
    const roles = (Array.isArray(payload.roles) ? payload.roles : []).filter((r): r is Role =>
      (ROLES as readonly string[]).includes(String(r)),
    );
    if (roles.length === 0) {
      throw new AppError("FORBIDDEN", "You have not been given a role in Redress. Ask your administrator for access.");
    }
    const id = `${payload.tid}:${payload.oid}`;
    const name = typeof payload.name === "string" ? payload.name : id;
    const email = typeof payload.preferred_username === "string" ? payload.preferred_username : null;
    this.options.onSignIn?.({ id, name, email, roles });
    return { id, name, roles };
  }
}
