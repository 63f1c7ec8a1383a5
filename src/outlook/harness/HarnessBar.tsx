import { Caption1, Checkbox, Field, makeStyles, Select, shorthands, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { PERSONAS } from "./personas.js";
import { SAMPLE_EMAILS } from "./samples.js";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    flex: "1 1 18rem",
    maxWidth: "28rem",
    minWidth: 0,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  drop: {
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  dropActive: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  label: { margin: 0 },
  // A sample's label is long: the list narrows to the column rather than widening it.
  select: { minWidth: 0, maxWidth: "100%" },
});

export interface HarnessBarProps {
  /** The sample playing the open email, or null when a file does. */
  sampleId: string | null;
  /** The dropped or chosen file's name, when a file plays the open email. */
  fileName: string | null;
  persona: string;
  delegate: boolean;
  onSample(id: string): void;
  onFile(file: File): void;
  onPersona(persona: string): void;
  onDelegate(delegate: boolean): void;
}

/** The harness's controls: which email plays the open one, who is signed in, and a delegate without permission. */
export function HarnessBar(props: HarnessBarProps) {
  const styles = useStyles();
  const [dragging, setDragging] = useState(false);
  return (
    <section className={styles.bar} aria-label="Development harness">
      <Text as="p" weight="semibold" className={styles.label}>
        Development harness — this page is not in Outlook, so a sample email or an .eml file plays the open email.
      </Text>
      <Field label="Email">
        <Select
          className={styles.select}
          value={props.sampleId ?? ""}
          onChange={(_e, data) => props.onSample(data.value)}
        >
          {props.fileName !== null ? <option value="">{props.fileName}</option> : null}
          {SAMPLE_EMAILS.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Signed in as">
        <Select className={styles.select} value={props.persona} onChange={(_e, data) => props.onPersona(data.value)}>
          {PERSONAS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </Select>
      </Field>
      <Checkbox
        label="Delegate in a shared mailbox (no permission to add categories)"
        checked={props.delegate}
        onChange={(_e, data) => props.onDelegate(data.checked === true)}
      />
      <label
        className={`${styles.drop} ${dragging ? styles.dropActive : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const file = e.dataTransfer.files[0];
          if (file) props.onFile(file);
        }}
      >
        <Caption1>Drop an .eml file here, or choose one: </Caption1>
        <input
          type="file"
          accept=".eml,message/rfc822"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) props.onFile(file);
          }}
        />
      </label>
    </section>
  );
}
