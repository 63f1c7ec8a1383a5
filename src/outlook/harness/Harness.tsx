import { makeStyles, Text } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { ApiClient } from "../../web/api/client.js";
import { DevAccountManager } from "../../web/auth/account-manager.js";
import { TaskPane } from "../pane/TaskPane.js";
import { afterPaint } from "../pane/use-task-pane.js";
import { createEmlMailbox } from "./eml-mailbox.js";
import { PERSONAS } from "./personas.js";
import { SAMPLE_EMAILS } from "./samples.js";

type HarnessBarComponent = typeof import("./HarnessBar.js").HarnessBar;

const useStyles = makeStyles({
  // The pane on the left at its Outlook width, the harness's controls beside it (below it on a narrow window), so
  // the controls arriving never move the pane.
  page: { display: "flex", flexWrap: "wrap", alignItems: "flex-start" },
  pane: { flex: "0 1 34rem" },
});

interface Loaded {
  key: string;
  name: string;
  bytes: Uint8Array;
}

const encoder = new TextEncoder();
const sampleBytes = (id: string): Loaded | null => {
  const sample = SAMPLE_EMAILS.find((s) => s.id === id);
  return sample ? { key: `sample:${sample.id}`, name: sample.label, bytes: encoder.encode(sample.eml) } : null;
};

/** One mailbox's master categories, shared by every email opened in this page. */
const masterCategories = new Set<string>();

/** Resolves when the page is idle (the pane's own work done), or after `timeoutMs` at the latest. */
const whenIdle = (timeoutMs: number): Promise<void> =>
  new Promise((resolve) =>
    typeof requestIdleCallback === "function"
      ? requestIdleCallback(() => resolve(), { timeout: timeoutMs })
      : setTimeout(resolve, 0),
  );

/**
 * The harness's controls are fetched and rendered once the pane has painted and settled: inside Outlook there are
 * none, so the pane here does what it does in Outlook first — its summary, then its lookup and actions — and the
 * controls' components never compete with either.
 */
function useHarnessBar(): HarnessBarComponent | null {
  const [bar, setBar] = useState<{ component: HarnessBarComponent } | null>(null);
  useEffect(() => {
    let live = true;
    void afterPaint()
      .then(() => whenIdle(1000))
      .then(() => import("./HarnessBar.js"))
      .then(
        (m) => live && setBar({ component: m.HarnessBar }),
        () => {},
      );
    return () => {
      live = false;
    };
  }, []);
  return bar?.component ?? null;
}

/**
 * Outside Outlook: pick a sample email or drop an .eml, choose who you are, and use the same pane. Everything the
 * pane does goes to the real local server; only the mailbox is played by the file.
 */
export function Harness({
  initialSample,
  initialPersona,
}: {
  initialSample: string | null;
  initialPersona: string | null;
}) {
  const styles = useStyles();
  const [loaded, setLoaded] = useState<Loaded | null>(() => sampleBytes(initialSample ?? SAMPLE_EMAILS[0]?.id ?? ""));
  const [persona, setPersona] = useState(
    initialPersona && PERSONAS.includes(initialPersona) ? initialPersona : "staff",
  );
  const [delegate, setDelegate] = useState(false);
  const [opened, setOpened] = useState(0);
  const HarnessBar = useHarnessBar();

  const api = useMemo(() => new ApiClient(new DevAccountManager(persona)), [persona]);
  // A new adapter per email (and per reopen), as Outlook gives a new item.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `opened` reopens the same email on purpose
  const mailbox = useMemo(
    () => (loaded ? createEmlMailbox({ bytes: loaded.bytes, categoriesPermitted: !delegate, masterCategories }) : null),
    [loaded, delegate, opened],
  );

  const readFile = async (file: File) => {
    setLoaded({
      key: `file:${file.name}:${file.size}:${Date.now()}`,
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
  };
  const isSample = loaded?.key.startsWith("sample:") ?? false;

  return (
    <div className={styles.page}>
      <div className={styles.pane}>
        {mailbox ? (
          <TaskPane
            key={`${loaded?.key}:${persona}:${delegate}:${opened}`}
            mailbox={mailbox}
            api={api}
            teamsAppId={null}
          />
        ) : (
          <main>
            <Text as="p">Choose a sample email or drop an .eml file.</Text>
          </main>
        )}
      </div>
      {HarnessBar ? (
        <HarnessBar
          sampleId={isSample && loaded ? loaded.key.slice("sample:".length) : null}
          fileName={loaded && !isSample ? loaded.name : null}
          persona={persona}
          delegate={delegate}
          onSample={(id) => {
            setLoaded(sampleBytes(id));
            setOpened((n) => n + 1);
          }}
          onFile={(file) => void readFile(file)}
          onPersona={setPersona}
          onDelegate={setDelegate}
        />
      ) : null}
    </div>
  );
}
