import { Caption1, Checkbox, Field, makeStyles, Select, shorthands, Text, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { TDevTokenRequest } from "../../contracts/api.js";
import { ApiClient } from "../../web/api/client.js";
import { DevAccountManager } from "../../web/auth/account-manager.js";
import { TaskPane } from "../pane/TaskPane.js";
import { createEmlMailbox } from "./eml-mailbox.js";
import { SAMPLE_EMAILS } from "./samples.js";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalL,
    alignItems: "end",
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  drop: {
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  dropActive: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  label: { flexBasis: "100%", margin: 0 },
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

/**
 * The personas, checked against the contracts at compile time (a missing or unknown one fails to build) without
 * bringing zod into the browser.
 */
const PERSONAS = Object.keys({
  staff: true,
  "staff-2": true,
  handler: true,
  "handler-2": true,
  "ops-director": true,
  director: true,
  "director-2": true,
  "board-member": true,
  "board-member-2": true,
  admin: true,
} satisfies Record<TDevTokenRequest["persona"], true>);

/** One mailbox's master categories, shared by every email opened in this page. */
const masterCategories = new Set<string>();

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
  const [dragging, setDragging] = useState(false);
  const [opened, setOpened] = useState(0);

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

  return (
    <>
      <section className={styles.bar} aria-label="Development harness">
        <Text as="p" weight="semibold" className={styles.label}>
          Development harness — this page is not in Outlook, so a sample email or an .eml file plays the open email.
        </Text>
        <Field label="Email">
          <Select
            value={loaded?.key.startsWith("sample:") ? loaded.key.slice("sample:".length) : ""}
            onChange={(_e, data) => {
              setLoaded(sampleBytes(data.value));
              setOpened((n) => n + 1);
            }}
          >
            {loaded && !loaded.key.startsWith("sample:") ? <option value="">{loaded.name}</option> : null}
            {SAMPLE_EMAILS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Signed in as">
          <Select value={persona} onChange={(_e, data) => setPersona(data.value)}>
            {PERSONAS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </Select>
        </Field>
        <Checkbox
          label="Delegate in a shared mailbox (no permission to add categories)"
          checked={delegate}
          onChange={(_e, data) => setDelegate(data.checked === true)}
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
            if (file) void readFile(file);
          }}
        >
          <Caption1>Drop an .eml file here, or choose one: </Caption1>
          <input
            type="file"
            accept=".eml,message/rfc822"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void readFile(file);
            }}
          />
        </label>
      </section>
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
    </>
  );
}
