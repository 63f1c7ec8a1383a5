import { AppError } from "../domain/app-error.js";
import type { AppDeps } from "./deps.js";
import { hashSurveyToken } from "./survey-token.js";

/** Public, no sign-in: whether this survey link is valid and still open. Nothing of the case is revealed. */
export async function getSurvey({ deps, token }: { deps: AppDeps; token: string }): Promise<{ answered: boolean }> {
  const survey = await deps.store.findSurveyByTokenHash(hashSurveyToken(token));
  if (!survey) throw new AppError("NOT_FOUND", "This survey link is not valid. Check the link in your letter.");
  return { answered: survey.answeredAt !== null };
}
