import { useState } from "react";
import type { LetterPreviewView } from "../../contracts/views.js";
import { useSession } from "../shell/session.js";

/**
 * The two clicks of every step that sends a letter: the first asks the server for the letter as it will be sent
 * (its own words, from the organisation's template) and shows it; the second records the step, which sends it.
 * Changing any field takes the preview away (`reset`), so what is sent is always what was last read.
 */
export function useLetterStep(options: {
  caseId: string;
  /** The letter's kind for /letters/preview. */
  kind: "acknowledgement" | "outcome" | "appeal-decision";
  /** The step's endpoint under /api/cases/{id}/. */
  step: string;
  body: Record<string, unknown>;
  sendLabel: string;
  onDone(): void;
}) {
  const { api } = useSession();
  const [preview, setPreview] = useState<LetterPreviewView | null>(null);
  const { caseId, kind, step, body } = options;
  return {
    preview,
    reset: () => setPreview(null),
    submitLabel: preview ? options.sendLabel : "Preview letter",
    async submit(): Promise<void> {
      if (!preview) {
        const answer = await api.post<{ letter: LetterPreviewView }>(`/api/cases/${caseId}/letters/preview`, {
          kind,
          ...body,
        });
        setPreview(answer.letter);
        return;
      }
      await api.post(`/api/cases/${caseId}/${step}`, body);
      options.onDone();
    },
  };
}
