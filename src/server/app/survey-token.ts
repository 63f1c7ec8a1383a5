import { createHash, randomBytes } from "node:crypto";

/**
 * A survey link's token: 256 random bits (unguessable), one per case. Only its SHA-256 is stored, so the database
 * alone cannot be used to answer on someone's behalf.
 */
export function newSurveyToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashSurveyToken(token) };
}

export const hashSurveyToken = (token: string): string => createHash("sha256").update(token).digest("hex");

/** The public page a letter links to. */
export const surveyUrl = (publicUrl: string, token: string): string => `${publicUrl}/survey/${token}`;
