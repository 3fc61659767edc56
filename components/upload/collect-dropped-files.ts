/**
 * The files of a drop, folders included: `DataTransferItem.webkitGetAsEntry` (every current
 * browser) walks dropped folders; without it only the top-level files of `dataTransfer.files`.
 * Entries must be taken synchronously in the drop handler — the list is emptied after it returns.
 */
export async function collectDroppedFiles(
  data: DataTransfer,
): Promise<{ files: File[]; hadFolder: boolean }> {
  const entries = Array.from(data.items)
    .filter((item) => item.kind === "file")
    .map((item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.length === 0 || entries.some((entry) => entry === null)) {
    return { files: Array.from(data.files), hadFolder: false };
  }
  const files: File[] = [];
  let hadFolder = false;
  for (const entry of entries as FileSystemEntry[]) {
    if (entry.isDirectory) hadFolder = true;
    await walk(entry, files);
  }
  return { files, hadFolder };
}

const isFile = (entry: FileSystemEntry): entry is FileSystemFileEntry => entry.isFile;
const isDirectory = (entry: FileSystemEntry): entry is FileSystemDirectoryEntry =>
  entry.isDirectory;

async function walk(entry: FileSystemEntry, into: File[]): Promise<void> {
  // Hidden files (.DS_Store) and folders (.git) are never contracts.
  if (entry.name.startsWith(".")) return;
  if (isFile(entry)) {
    into.push(await new Promise<File>((resolve, reject) => entry.file(resolve, reject)));
  } else if (isDirectory(entry)) {
    for (const child of await readAllEntries(entry)) await walk(child, into);
  }
}

/** `readEntries` answers in pieces (100 at a time in Chrome) until it returns an empty list. */
async function readAllEntries(directory: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = directory.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}
