import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Select,
  Spinner,
  Text,
  Textarea,
  Title1,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownload20Regular } from "@fluentui/react-icons";
import { useCallback, useEffect, useState } from "react";
import type { GovernanceDocumentView, MeetingPackResponse, MeetingView } from "../../contracts/governance-views.js";
import type { PackCase } from "../../server/domain/governance/meeting-pack.js";
import { ApiError } from "../../web/api/client.js";
import { londonToday, ukDate } from "../format.js";
import { useSession } from "../shell/session.js";
import { downloadFile } from "./download.js";
import { ImprovementActionsPanel } from "./ImprovementActionsPanel.js";
import { PackTable } from "./PackTable.js";

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    maxWidth: "1200px",
  },
  title: { margin: 0 },
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Policy 2.1: the Operations Meeting — its pack, the notes per case, the agenda for the documents store. */
export function MeetingsView({ onOpenCase }: { onOpenCase(caseId: string): void }) {
  const styles = useStyles();
  const { api, generation } = useSession();
  const [meetings, setMeetings] = useState<MeetingView[]>([]);
  const [meetingId, setMeetingId] = useState("");
  const [pack, setPack] = useState<MeetingPackResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [agenda, setAgenda] = useState<GovernanceDocumentView | null>(null);
  const [newDate, setNewDate] = useState(londonToday());
  const [attendees, setAttendees] = useState("");
  const [notesFor, setNotesFor] = useState<PackCase | null>(null);
  const [notes, setNotes] = useState("");

  const load = useCallback(
    async (id: string) => {
      setError(null);
      try {
        const [list, answer] = await Promise.all([
          api.get<{ meetings: MeetingView[] }>("/api/meetings"),
          api.get<MeetingPackResponse>("/api/meetings/pack", { query: { meetingId: id || undefined } }),
        ]);
        setMeetings(list.meetings);
        setPack(answer);
      } catch (e) {
        setError(e instanceof ApiError ? e.userMessage : "The meeting pack could not be loaded.");
      }
    },
    [api],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when the person or the chosen meeting changes.
  useEffect(() => {
    void load(meetingId);
  }, [generation, meetingId]);

  const run = async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e instanceof ApiError ? e.userMessage : "That did not work. Please try again.");
    }
  };

  const meeting = pack?.meeting ?? null;
  const names = pack?.people ?? {};
  const onNotes = meeting
    ? (c: PackCase) => {
        setNotes(c.discussion?.notes ?? "");
        setNotesFor(c);
      }
    : undefined;
  const p = pack?.pack;
  return (
    <main className={styles.page}>
      <Title1 as="h1" className={styles.title}>
        Operations Meeting
      </Title1>
      <div className={styles.row}>
        <Field label="Meeting">
          <Select value={meetingId} onChange={(_, d) => setMeetingId(d.value)}>
            <option value="">Next meeting (everything since the last one)</option>
            {meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {ukDate(m.meetingDate)}
              </option>
            ))}
          </Select>
        </Field>
        {meeting && (
          <Button
            appearance="primary"
            icon={<ArrowDownload20Regular />}
            onClick={() =>
              void run(async () => {
                const answer = await api.post<{ document: GovernanceDocumentView }>(
                  `/api/meetings/${meeting.id}/agenda`,
                  {},
                );
                setAgenda(answer.document);
              })
            }
          >
            Export agenda (.docx)
          </Button>
        )}
      </div>
      <form
        className={styles.row}
        aria-label="Record a meeting"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            const list = attendees
              .split(",")
              .map((a) => a.trim())
              .filter(Boolean);
            const answer = await api.post<{ meeting: MeetingView }>("/api/meetings", {
              meetingDate: newDate,
              attendees: list,
            });
            setMeetingId(answer.meeting.id);
          });
        }}
      >
        <Field label="New meeting on">
          <Input type="date" value={newDate} onChange={(_, d) => setNewDate(d.value)} />
        </Field>
        <Field label="Attendees (optional, separated by commas)">
          <Input value={attendees} onChange={(_, d) => setAttendees(d.value)} />
        </Field>
        <Button type="submit">Record meeting</Button>
      </form>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {agenda && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            The agenda is saved to {agenda.folder}.{" "}
            <Link as="button" onClick={() => void downloadFile(api, agenda.url, agenda.name)}>
              Download {agenda.name}
            </Link>
          </MessageBarBody>
        </MessageBar>
      )}
      {!p ? (
        !error && <Spinner label="Loading the meeting pack…" />
      ) : (
        <>
          <Text className={styles.muted} data-testid="pack-since">
            {meeting ? `Meeting of ${ukDate(meeting.meetingDate)}. ` : "The next meeting. "}
            {p.since ? `Since the last meeting on ${ukDate(p.since)}.` : "No earlier meeting is recorded."}
            {meeting ? " Record notes on each case discussed; serious complaints go in full in the minutes." : ""}
          </Text>
          <PackTable
            id="pack-outcomes"
            title="Outcomes since the last meeting"
            empty="No outcomes since the last meeting."
            cases={p.outcomes}
            names={names}
            onOpen={onOpenCase}
            onNotes={onNotes}
          />
          <PackTable
            id="pack-serious"
            title="Serious complaints"
            empty="No serious complaints are open."
            cases={p.serious}
            names={names}
            onOpen={onOpenCase}
            onNotes={onNotes}
          />
          <PackTable
            id="pack-overdue"
            title="Overdue cases"
            empty="No case is past its deadline."
            cases={p.overdue}
            names={names}
            onOpen={onOpenCase}
            onNotes={onNotes}
          />
          <PackTable
            id="pack-appeals"
            title="Appeals"
            empty="No appeals since the last meeting."
            cases={p.appeals}
            names={names}
            onOpen={onOpenCase}
            onNotes={onNotes}
          />
          <PackTable
            id="pack-awaiting"
            title="Awaiting discussion before closing"
            empty="Every case with an outcome has been discussed."
            cases={p.awaitingDiscussion}
            names={names}
            onOpen={onOpenCase}
            onNotes={onNotes}
          />
          {meeting && (
            <PackTable
              id="pack-discussed"
              title="Discussed at this meeting"
              empty="No notes recorded for this meeting yet."
              cases={p.discussed}
              names={names}
              onOpen={onOpenCase}
              onNotes={onNotes}
            />
          )}
        </>
      )}
      <ImprovementActionsPanel meetingId={meeting?.id ?? null} />
      <Dialog open={notesFor !== null} onOpenChange={(_, d) => !d.open && setNotesFor(null)}>
        <DialogSurface>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const c = notesFor;
              if (!c || !meeting) return;
              void run(async () => {
                await api.post(`/api/cases/${c.id}/meeting`, { meetingId: meeting.id, notes });
                setNotesFor(null);
                await load(meeting.id);
              });
            }}
          >
            <DialogBody>
              <DialogTitle>Notes on {notesFor?.reference}</DialogTitle>
              <DialogContent>
                <Field label="What the meeting said" required>
                  <Textarea value={notes} onChange={(_, d) => setNotes(d.value)} resize="vertical" />
                </Field>
              </DialogContent>
              <DialogActions>
                <Button appearance="secondary" onClick={() => setNotesFor(null)}>
                  Cancel
                </Button>
                <Button type="submit" appearance="primary">
                  Save notes
                </Button>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>
    </main>
  );
}
