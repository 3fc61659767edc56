import type { Nodes, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

/** Markdown → mdast as the memo page reads it (remark-parse + remark-gfm, as react-markdown). */
export function parseGfm(markdown: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(markdown);
}

/** Nodes whose children are blocks (or rows, cells), read with a space between them. */
const BLOCK_CONTAINERS = new Set(["root", "blockquote", "list", "listItem", "table", "tableRow"]);

/** Text as a reader sees it: escapes resolved, emphasis and pipes gone, blocks space-separated. */
export function nodeText(node: Nodes): string {
  if ("value" in node) return node.value;
  if (!("children" in node)) return "";
  return node.children.map(nodeText).join(BLOCK_CONTAINERS.has(node.type) ? " " : "");
}
