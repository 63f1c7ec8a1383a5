import type { FastifyRequest } from "fastify";
import { AppError } from "../domain/app-error.js";
import type { Actor } from "../domain/roles.js";
import type { TokenVerifier } from "../ports/token-verifier.js";

/**
 * The one unauthenticated prefix (DESIGN §4): the public complaint form and the public survey. Everything else under
 * /api needs a bearer token; a guard that checks every route exempts exactly this prefix.
 */
export const PUBLIC_API_PREFIX = "/api/public/";
export const isPublicApiPath = (url: string): boolean => url.startsWith(PUBLIC_API_PREFIX);

/** Step one of every handler: who is calling. Tokens are never logged. */
export async function authenticate(request: FastifyRequest, verifier: TokenVerifier): Promise<Actor> {
  const header = request.headers.authorization;
  const match = header ? /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header) : null;
  if (!match?.[1]) throw new AppError("UNAUTHENTICATED", "Sign in to use Redress (no access token was sent).");
  return verifier.verify(match[1]);
}
