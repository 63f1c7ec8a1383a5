import fs from "node:fs/promises";
import path from "node:path";

/** Flushes a file's bytes and then its directory entry, so a rename survives a crash or power loss. */
export async function fsyncFile(file: string): Promise<void> {
  const handle = await fs.open(file, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Moves `from` to `to` atomically and durably; both must be on the same file system. */
export async function durableRename(from: string, to: string): Promise<void> {
  await fsyncFile(from);
  await fs.mkdir(path.dirname(to), { recursive: true });
  await fs.rename(from, to);
  await fsyncDirectory(path.dirname(to));
}
