import fs from "node:fs/promises";
import path from "node:path";
import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK, jwtVerify, SignJWT } from "jose";
import { AppError } from "../../domain/app-error.js";
import { type Actor, ROLES, type Role } from "../../domain/roles.js";
import type { TokenVerifier } from "../../ports/token-verifier.js";
import { PERSONAS } from "./personas.js";

const ALG = "ES256";
/** Shaped like Entra ID v2 tokens (tid, oid, scp, roles) so the same auth hook serves both. */
const DEV_TENANT = "00000000-0000-4000-8000-00000000de0e";
const ISSUER = `urn:redress:dev-identity:${DEV_TENANT}/v2.0`;
const AUDIENCE = "api://redress-dev";
const LIFETIME = "8h";

/**
 * The development identity provider of embedded mode: signs tokens for the named personas with a key created on
 * first start and kept in the data folder. It refuses to exist in production or with a tenant configured (checked by
 * config), so it can never sign in anyone against real data.
 */
export class DevIdentityProvider implements TokenVerifier {
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicKey: CryptoKey,
  ) {}

  static async open(dataDir: string): Promise<DevIdentityProvider> {
    const file = path.join(dataDir, "dev-identity-key.json");
    let jwk: JWK;
    try {
      jwk = JSON.parse(await fs.readFile(file, "utf8")) as JWK;
    } catch {
      const { privateKey } = await generateKeyPair(ALG, { extractable: true });
      jwk = await exportJWK(privateKey);
      await fs.mkdir(dataDir, { recursive: true });
      // wx: two processes starting at once must not overwrite each other's key.
      await fs.writeFile(file, JSON.stringify(jwk), { mode: 0o600, flag: "wx" }).catch(async () => {
        jwk = JSON.parse(await fs.readFile(file, "utf8")) as JWK;
      });
    }
    const { d: _d, ...publicJwk } = jwk;
    return new DevIdentityProvider(
      (await importJWK(jwk, ALG)) as CryptoKey,
      (await importJWK(publicJwk, ALG)) as CryptoKey,
    );
  }

  async issue(personaId: string): Promise<string> {
    const persona = PERSONAS.find((p) => p.id === personaId);
    if (!persona) throw new AppError("VALIDATION_FAILED", `There is no persona called "${personaId}".`);
    return new SignJWT({
      tid: DEV_TENANT,
      oid: persona.id,
      name: persona.name,
      scp: "access_as_user",
      roles: persona.roles,
      ver: "2.0",
    })
      .setProtectedHeader({ alg: ALG, typ: "JWT" })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(persona.id)
      .setIssuedAt()
      .setNotBefore("0s")
      .setExpirationTime(LIFETIME)
      .sign(this.privateKey);
  }

  async verify(token: string): Promise<Actor> {
    try {
      const { payload } = await jwtVerify(token, this.publicKey, {
        algorithms: [ALG],
        issuer: ISSUER,
        audience: AUDIENCE,
        clockTolerance: 60,
        requiredClaims: ["exp", "oid", "tid"],
      });
      if (payload.tid !== DEV_TENANT || payload.scp !== "access_as_user" || typeof payload.oid !== "string") {
        throw new Error("claims");
      }
      const roles = (Array.isArray(payload.roles) ? payload.roles : []).filter((r): r is Role =>
        (ROLES as readonly string[]).includes(String(r)),
      );
      return { id: payload.oid, name: typeof payload.name === "string" ? payload.name : payload.oid, roles };
    } catch {
      throw new AppError("UNAUTHENTICATED", "Your sign-in is not valid or has expired. Sign in again.");
    }
  }
}
