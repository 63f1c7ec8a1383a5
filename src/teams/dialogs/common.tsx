import { Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import type { CaseDetailView } from "../../contracts/views.js";
import { londonToday } from "../format.js";

/** What every step dialog gets from the case page. */
export interface StepProps {
  c: CaseDetailView;
  open: boolean;
  onClose(): void;
  /** The step was recorded: reload the case. */
  onDone(): void;
}

/**
 * A date a letter went out or something arrived. Today means "now" (the server's clock); an earlier day is taken at
 * midday London time, inside office hours, as the handler records it in embedded mode.
 */
export function instantFor(day: string): string | undefined {
  if (!day || day === londonToday()) return undefined;
  return `${day}T12:00:00Z`;
}

export function DayField({
  label,
  value,
  onChange,
  hint,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
}) {
  return (
    <Field label={label} hint={hint}>
      <Input type="date" value={value} max={londonToday()} onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}

export const useLetterStyles = makeStyles({
  letter: {
    whiteSpace: "pre-wrap",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    margin: 0,
    padding: tokens.spacingHorizontalM,
    maxHeight: "40vh",
    overflowY: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

/** The letter as it will be sent (the server's own words), read before sending. */
export function LetterPreview({ fileName, text }: { fileName: string; text: string }) {
  const styles = useLetterStyles();
  return (
    <section aria-label={`Letter preview: ${fileName}`}>
      <p style={{ margin: "0 0 4px", fontWeight: 600 }}>Preview of {fileName}</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard. */}
      <pre className={styles.letter} tabIndex={0} data-testid="letter-preview">
        {text}
      </pre>
    </section>
  );
}
