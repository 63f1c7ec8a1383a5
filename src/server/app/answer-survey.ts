import { AppError } from "../domain/app-error.js";
import type { SurveyAnswers } from "../ports/governance-store.js";
import type { AppDeps } from "./deps.js";
import { hashSurveyToken } from "./survey-token.js";

/** Public, no sign-in: the complainant's answers, once per case; a second response is refused and changes nothing. */
export async function answerSurvey(options: { deps: AppDeps; token: string; answers: SurveyAnswers }): Promise<void> {
  const { deps } = options;
  const hash = hashSurveyToken(options.token);
  const survey = await deps.store.findSurveyByTokenHash(hash);
  if (!survey) throw new AppError("NOT_FOUND", "This survey link is not valid. Check the link in your letter.");
  const at = deps.clock.now().toISOString();
  const saved = await deps.store.transaction((tx) => tx.answerSurvey(hash, options.answers, at));
  if (!saved) {
    throw new AppError("ILLEGAL_TRANSITION", "This survey has already been answered. Thank you for your reply.");
  }
}
