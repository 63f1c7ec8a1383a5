import { Field, Input, Select, Textarea } from "@fluentui/react-components";
import { ROOT_CAUSE_LABELS, ROOT_CAUSES, type RootCause } from "../../server/domain/learning.js";

export interface LearningValue {
  rootCause: RootCause | "";
  rootCauseNote: string;
  lessonsLearned: string;
}

export const EMPTY_LEARNING: LearningValue = { rootCause: "", rootCauseNote: "", lessonsLearned: "" };

/** The request fields: an unchosen root cause is left out, so the server names the missing field. */
export const learningBody = (v: LearningValue) => ({
  ...(v.rootCause ? { rootCause: v.rootCause } : {}),
  rootCauseNote: v.rootCauseNote || null,
  lessonsLearned: v.lessonsLearned,
});

/** Policy aim 6: why the complaint arose and what CMS learned, asked on every outcome (they feed the Board's report). */
export function LearningFields({ value, onChange }: { value: LearningValue; onChange(v: LearningValue): void }) {
  return (
    <>
      <Field label="Root cause" required hint="Why this complaint arose. Counted on the Reports page.">
        <Select
          value={value.rootCause}
          onChange={(_, d) => onChange({ ...value, rootCause: d.value as RootCause | "" })}
        >
          <option value="">Choose a root cause</option>
          {ROOT_CAUSES.map((r) => (
            <option key={r} value={r}>
              {ROOT_CAUSE_LABELS[r]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="The cause in your own words">
        <Input value={value.rootCauseNote} onChange={(_, d) => onChange({ ...value, rootCauseNote: d.value })} />
      </Field>
      <Field label="Lessons learned" required hint="What CMS will do differently. If none, say why.">
        <Textarea
          value={value.lessonsLearned}
          onChange={(_, d) => onChange({ ...value, lessonsLearned: d.value })}
          resize="vertical"
        />
      </Field>
    </>
  );
}
