/**
 * Document names that are safe both in a local folder (Windows, macOS, Linux) and in a SharePoint library.
 * Names come from senders (attachment file names) and must never choose a path, hide an extension or collide.
 */

/** SharePoint and the local folder both cope with longer names, but full paths are capped (400 in SharePoint). */
export const MAX_DOCUMENT_NAME_LENGTH = 120;

// Forbidden on Windows or in SharePoint; '#' and '%' break SharePoint URLs.
const FORBIDDEN_CHARACTERS = /["*:<>?/\\|#%]/g;
// C0 and C1 controls, plus the bidirectional overrides used to disguise "invoice\u202Efdp.exe" as a PDF.
const INVISIBLE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Windows refuses these as the part before the first dot, whatever the extension ("CON.txt", "com1.tar.gz").
const RESERVED_WINDOWS_BASE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
// An extension worth keeping when shortening: short and without spaces, as real extensions are.
const EXTENSION = /\.[^.\s]{1,16}$/u;

const codePoints = (text: string): string[] => Array.from(text);

const splitExtension = (name: string): { base: string; extension: string } => {
  const match = EXTENSION.exec(name);
  if (!match || match.index === 0) return { base: name, extension: "" };
  return { base: name.slice(0, match.index), extension: match[0] };
};

const trimSpacesAndDots = (text: string): string => text.replace(/^[\s.]+|[\s.]+$/gu, "");

/** Shortens to `max` code points (never splitting a surrogate pair), keeping the extension. */
const capLength = (name: string, max: number): string => {
  if (codePoints(name).length <= max) return name;
  const { base, extension } = splitExtension(name);
  const room = Math.max(1, max - codePoints(extension).length);
  const shortBase = trimSpacesAndDots(codePoints(base).slice(0, room).join(""));
  return codePoints(`${shortBase}${extension}`).slice(0, max).join("");
};

const clean = (raw: string): string => {
  // Only the last path segment counts: "../../etc/passwd" and "C:\\temp\\x.doc" name a file, not a place.
  const lastSegment = raw.normalize("NFC").split(/[/\\]/).pop() ?? "";
  let name = lastSegment.replace(INVISIBLE_CHARACTERS, "").replace(FORBIDDEN_CHARACTERS, "_").replace(/\s+/gu, " ");
  // Leading dots go too: hidden files, ".." and SharePoint's reserved ".lock" all start with one.
  name = trimSpacesAndDots(name);
  // SharePoint refuses names starting "~$" (Office owner files) and any name containing "_vti_".
  while (name.startsWith("~$")) name = trimSpacesAndDots(name.slice(2));
  while (/_vti_/i.test(name)) name = name.replace(/_vti_/gi, "vti-");
  const firstPart = name.split(".")[0] ?? "";
  if (RESERVED_WINDOWS_BASE.test(firstPart.trim())) name = `_${name}`;
  return trimSpacesAndDots(capLength(name, MAX_DOCUMENT_NAME_LENGTH));
};

/**
 * A file name safe on a local disk and in SharePoint, made from what a sender supplied. Keeps Unicode letters and
 * the extension; falls back to `fallback` (cleaned the same way) when nothing usable is left.
 */
export function safeDocumentName(raw: string | undefined, fallback: string): string {
  const name = raw === undefined ? "" : clean(raw);
  if (name !== "") return name;
  return clean(fallback) || "document";
}

/**
 * `name` itself when no name in `taken` equals it ignoring case (SharePoint and Windows folders are
 * case-insensitive), else "name (2).ext", "name (3).ext"… — the first free one, still within the length cap.
 */
export function uniqueDocumentName(name: string, taken: ReadonlySet<string>): string {
  const used = new Set(Array.from(taken, (n) => n.normalize("NFC").toLowerCase()));
  if (!used.has(name.normalize("NFC").toLowerCase())) return name;
  const { base, extension } = splitExtension(name);
  for (let n = 2; ; n++) {
    const suffix = ` (${n})${extension}`;
    const room = Math.max(1, MAX_DOCUMENT_NAME_LENGTH - codePoints(suffix).length);
    const candidate = `${trimSpacesAndDots(codePoints(base).slice(0, room).join("")) || "document"}${suffix}`;
    if (!used.has(candidate.normalize("NFC").toLowerCase())) return candidate;
  }
}
