import { Button, Field, makeStyles, Select, Textarea, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { SUGGESTED_CATEGORIES } from "../../web/complaint-signals/categories.js";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export interface LogFormProps {
  suggestedCategory: string | null;
  busy: boolean;
  onLog(options: { note: string; category: string }): void;
}

/** The one primary action: Log complaint, with an optional note and the suggested category for triage. */
export function LogForm({ suggestedCategory, busy, onLog }: LogFormProps) {
  const styles = useStyles();
  const [note, setNote] = useState("");
  const [category, setCategory] = useState(suggestedCategory ?? "");
  const [touched, setTouched] = useState(false);
  // The suggestion arrives after first paint; it fills the field only until the person chooses.
  useEffect(() => {
    if (!touched && suggestedCategory) setCategory(suggestedCategory);
  }, [suggestedCategory, touched]);
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        onLog({ note, category });
      }}
    >
      <Field label="Category (a suggestion — the Operations Director decides)">
        <Select
          value={category}
          onChange={(_e, data) => {
            setTouched(true);
            setCategory(data.value);
          }}
        >
          <option value="">Not sure</option>
          {SUGGESTED_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Note for the Operations Director (optional)"
        hint="For example, how urgent it seems or what you already know."
      >
        <Textarea value={note} maxLength={1000} resize="vertical" onChange={(_e, data) => setNote(data.value)} />
      </Field>
      <Button appearance="primary" type="submit" disabled={busy}>
        Log complaint
      </Button>
    </form>
  );
}
