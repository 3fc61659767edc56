/**
 * Minimal GitHub-style pipe tables without remark-gfm: the memo is split into plain Markdown
 * segments and table segments; tables are rendered by us, everything else by react-markdown.
 */

export type Align = "left" | "center" | "right" | null;

export type MarkdownSegment =
  | { kind: "markdown"; text: string }
  | { kind: "table"; header: string[]; align: Align[]; rows: string[][] };

const DELIMITER_CELL = /^\s*:?-{1,}:?\s*$/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/** Split a row on unescaped pipes, dropping the optional outer pipes. */
export function splitRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith("|")) s = s.slice(1);
  if (s.endsWith("|") && !s.endsWith("\\|")) s = s.slice(0, -1);
  const cells: string[] = [];
  let current = "";
  let inCode = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === "\\" && s[i + 1] === "|") {
      current += "|";
      i++;
    } else if (ch === "`") {
      inCode = !inCode;
      current += ch;
    } else if (ch === "|" && !inCode) {
      cells.push(current.trim());
      current = "";
    } else {
      current += ch;
    }
  }
  cells.push(current.trim());
  return cells;
}

function isDelimiterRow(line: string): boolean {
  if (!line.includes("-")) return false;
  const cells = splitRow(line);
  return cells.length > 0 && cells.every((c) => DELIMITER_CELL.test(c));
}

function alignOf(cell: string): Align {
  const c = cell.trim();
  const left = c.startsWith(":");
  const right = c.endsWith(":");
  if (left && right) return "center";
  if (right) return "right";
  if (left) return "left";
  return null;
}

export function splitMarkdownTables(markdown: string): MarkdownSegment[] {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const segments: MarkdownSegment[] = [];
  let buffer: string[] = [];
  let fence: string | null = null;

  const flush = () => {
    if (buffer.length > 0) segments.push({ kind: "markdown", text: buffer.join("\n") });
    buffer = [];
  };

  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      if (fenceMatch?.[1]?.startsWith(fence)) fence = null;
      buffer.push(line);
      i++;
      continue;
    }
    if (fenceMatch?.[1]) {
      fence = fenceMatch[1].slice(0, 3);
      buffer.push(line);
      i++;
      continue;
    }

    const next = lines[i + 1];
    if (line.includes("|") && next !== undefined && isDelimiterRow(next)) {
      const header = splitRow(line);
      const align = splitRow(next).map(alignOf);
      if (align.length === header.length) {
        const rows: string[][] = [];
        let j = i + 2;
        while (j < lines.length) {
          const row = lines[j] ?? "";
          if (row.trim() === "" || !row.includes("|")) break;
          const cells = splitRow(row);
          rows.push(header.map((_, k) => cells[k] ?? ""));
          j++;
        }
        flush();
        segments.push({ kind: "table", header, align, rows });
        i = j;
        continue;
      }
    }
    buffer.push(line);
    i++;
  }
  flush();
  return segments;
}
