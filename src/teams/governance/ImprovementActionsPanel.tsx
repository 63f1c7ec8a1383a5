import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import type { ImprovementActionView } from "../../contracts/governance-views.js";
import { ApiError } from "../../web/api/client.js";
import { londonToday, ukDate } from "../format.js";
import { useSession } from "../shell/session.js";

const useStyles = makeStyles({
  form: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  grow: { flexGrow: 1, minWidth: "260px" },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** Policy aim 6: improvements to what CMS does, each with an owner and a due date, tracked to done. */
export function ImprovementActionsPanel({ meetingId }: { meetingId: string | null }) {
  const styles = useStyles();
  const { api, people, generation } = useSession();
  const [actions, setActions] = useState<ImprovementActionView[]>([]);
  const [description, setDescription] = useState("");
  const [ownerId, setOwnerId] = useState("");
  const [dueDate, setDueDate] = useState(londonToday());
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const answer = await api.get<{ improvementActions: ImprovementActionView[] }>("/api/improvement-actions");
    setActions(answer.improvementActions);
  }, [api]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when the signed-in person changes.
  useEffect(() => {
    void load().catch(() => setError("The improvement actions could not be loaded."));
  }, [generation, load]);

  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      await load();
    } catch (e) {
      setError(e instanceof ApiError ? e.userMessage : "That did not work. Please try again.");
    }
  };

  return (
    <section aria-labelledby="improvement-actions">
      <Title3 as="h2" id="improvement-actions">
        Improvement actions
      </Title3>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {actions.length === 0 ? (
        <p>No improvement actions yet. Add one below when a complaint or the meeting shows something to improve.</p>
      ) : (
        <Table size="small" aria-label="Improvement actions">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Action</TableHeaderCell>
              <TableHeaderCell>Owner</TableHeaderCell>
              <TableHeaderCell>Due</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {actions.map((a) => (
              <TableRow key={a.id}>
                <TableCell>{a.description}</TableCell>
                <TableCell>{a.ownerName}</TableCell>
                <TableCell>
                  <span className={a.overdue ? styles.overdue : undefined}>
                    {ukDate(a.dueDate)}
                    {a.overdue ? " (overdue)" : ""}
                  </span>
                </TableCell>
                <TableCell>
                  {a.done ? (
                    `Done ${ukDate(a.doneAt?.slice(0, 10))}${a.doneNote ? `: ${a.doneNote}` : ""}`
                  ) : (
                    <Button
                      size="small"
                      aria-label={`Mark done: ${a.description}`}
                      onClick={() => void run(() => api.post(`/api/improvement-actions/${a.id}/complete`, {}))}
                    >
                      Mark done
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <form
        className={styles.form}
        aria-label="Add an improvement action"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await api.post("/api/improvement-actions", { description, ownerId, dueDate, meetingId });
            setDescription("");
          });
        }}
      >
        <Field label="New improvement action" required className={styles.grow}>
          <Textarea value={description} onChange={(_, d) => setDescription(d.value)} resize="vertical" />
        </Field>
        <Field label="Owner" required>
          <Select value={ownerId} onChange={(_, d) => setOwnerId(d.value)}>
            <option value="">Choose an owner</option>
            {people.everyone.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Due" required>
          <Input type="date" value={dueDate} onChange={(_, d) => setDueDate(d.value)} />
        </Field>
        <Button type="submit">Add action</Button>
      </form>
    </section>
  );
}
