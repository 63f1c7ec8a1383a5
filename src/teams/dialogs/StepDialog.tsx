import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { type FormEvent, type ReactNode, useState } from "react";
import { ApiError } from "../../web/api/client.js";
import { GUARD_WORDS } from "../format.js";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  next: { color: tokens.colorNeutralForeground2, margin: 0 },
  list: { margin: "4px 0 0", paddingLeft: "20px" },
});

/** What went wrong, from the error's stable code (never its words): guards and fields are listed one by one. */
export function problemFrom(error: unknown): { message: string; items: string[] } {
  if (!(error instanceof ApiError)) return { message: "Something went wrong. Try again.", items: [] };
  const details = error.details as
    | { unmet?: string[]; issues?: Array<{ path?: unknown[]; message: string }> }
    | undefined;
  switch (error.code) {
    case "GUARD_NOT_MET":
      return {
        message: "Not yet: a rule of the procedure is not met.",
        items: details?.unmet?.map((g) => GUARD_WORDS[g] ?? g) ?? [error.userMessage],
      };
    case "VALIDATION_FAILED":
      return {
        message: error.userMessage,
        items: (details?.issues ?? []).map((i) => i.message).filter((m) => m !== error.userMessage),
      };
    case "VERSION_CONFLICT":
      return {
        message: "Someone else changed this case meanwhile. Close this and try again on the updated case.",
        items: [],
      };
    default:
      return { message: error.userMessage, items: [] };
  }
}

export function Problem({ error, title }: { error: unknown; title?: string }) {
  const styles = useStyles();
  if (!error) return null;
  const { message, items } = problemFrom(error);
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {message}
        {items.length > 0 && (
          <ul className={styles.list}>
            {items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

export interface StepDialogProps {
  open: boolean;
  title: string;
  /** One sentence: what happens when this is recorded, and what comes next. */
  next: string;
  submitLabel: string;
  onClose(): void;
  /** Throws ApiError to show it; resolves when done (the dialog then closes). */
  onSubmit(): Promise<void>;
  children: ReactNode;
  /** A destructive step (withdraw, redirect) gets a plain, not primary, look for its button. */
  danger?: boolean;
  submitDisabled?: boolean;
}

/** Every step of the procedure is one of these: a form, what happens next, one primary button, errors in place. */
export function StepDialog(props: StepDialogProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={props.open}
      onOpenChange={(_, data) => {
        if (!data.open) {
          setError(null);
          props.onClose();
        }
      }}
      modalType="modal"
    >
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{props.title}</DialogTitle>
            <DialogContent className={styles.form}>
              <p className={styles.next}>{props.next}</p>
              {props.children}
              <Problem error={error} />
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={props.onClose} disabled={busy}>
                Cancel
              </Button>
              <Button
                type="submit"
                appearance="primary"
                disabled={busy || props.submitDisabled}
                icon={busy ? <Spinner size="tiny" /> : undefined}
              >
                {props.submitLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
