import { COMPLAINT_THRESHOLD, NOT_DISSATISFACTION, SIGNAL_RULES } from "./lexicon.js";

export interface ComplaintSignal {
  ruleId: string;
  reason: string;
  /** The words in the email that matched, as written (at most three per rule). */
  phrases: string[];
  weight: number;
}

export interface ComplaintReading {
  readsLikeComplaint: boolean;
  score: number;
  signals: ComplaintSignal[];
}

/**
 * Whether a text reads like a complaint, and why. Pure and local: nothing leaves the machine. Each rule counts once
 * however often it matches, so one long email does not outweigh a short angry one.
 */
export function readComplaintSignals(text: string): ComplaintReading {
  let cleaned = text.replace(/[’‘]/g, "'");
  for (const pattern of NOT_DISSATISFACTION) cleaned = cleaned.replace(pattern, " ");
  const signals: ComplaintSignal[] = [];
  for (const rule of SIGNAL_RULES) {
    const found = new Map<string, string>();
    for (const match of cleaned.matchAll(rule.pattern)) {
      const phrase = match[0].replace(/\s+/g, " ").trim();
      if (!found.has(phrase.toLowerCase())) found.set(phrase.toLowerCase(), phrase);
      if (found.size === 3) break;
    }
    if (found.size > 0) {
      signals.push({ ruleId: rule.id, reason: rule.reason, phrases: [...found.values()], weight: rule.weight });
    }
  }
  signals.sort((a, b) => b.weight - a.weight);
  const score = signals.reduce((sum, s) => sum + s.weight, 0);
  return { readsLikeComplaint: score >= COMPLAINT_THRESHOLD, score, signals };
}
