"use client";

import Box from "@mui/material/Box";
import Link from "@mui/material/Link";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import { type ReactNode, useMemo } from "react";
import Markdown, { type Components, type ExtraProps } from "react-markdown";
import remarkGfm from "remark-gfm";
import { linkUnitReferences, unitOfReference } from "@/components/analyses/memo-page-links";
import { monospace, serif } from "@/components/fonts";

function MemoLink({ href, children }: { href?: string; children?: ReactNode }) {
  const external = typeof href === "string" && /^https?:\/\//i.test(href);
  return (
    <Link
      href={href}
      underline="always"
      {...(external ? { target: "_blank", rel: "noopener noreferrer nofollow" } : {})}
    >
      {children}
    </Link>
  );
}

/**
 * Headings are shifted one level down: the page already has an h1 (the document name).
 * Images are not loaded (a memo has none; a remote image would be a tracking pixel).
 */
const blockComponents: Components = {
  h1: ({ node: _node, ...props }) => <h2 {...props} />,
  h2: ({ node: _node, ...props }) => <h3 {...props} />,
  h3: ({ node: _node, ...props }) => <h4 {...props} />,
  h4: ({ node: _node, ...props }) => <h5 {...props} />,
  h5: ({ node: _node, ...props }) => <h6 {...props} />,
  a: ({ href, children }) => <MemoLink href={href}>{children}</MemoLink>,
  img: ({ alt }) => (alt ? <span>[{alt}]</span> : null),
};

/** Table cells' alignment from the delimiter row (`:--`, `:-:`, `--:`), as GFM sets it. */
function cellAlign(node: ExtraProps["node"]): "left" | "center" | "right" | undefined {
  const align = node?.properties.align;
  return align === "left" || align === "center" || align === "right" ? align : undefined;
}

/** GFM tables (remark-gfm) as MUI tables; the memo's key-terms and risk tables are pipe tables. */
const tableComponents: Components = {
  table: ({ children }) => (
    <TableContainer sx={{ my: 2.5, border: 1, borderColor: "divider", borderRadius: 1.5 }}>
      {/* Cells wrap between words (the memo's own anywhere-wrapping would cut "Effective" in
          two on a phone); a table wider than the screen scrolls inside its frame. */}
      <Table size="small" sx={{ "& td, & th": { overflowWrap: "normal", wordBreak: "normal" } }}>
        {children}
      </Table>
    </TableContainer>
  ),
  thead: ({ children }) => <TableHead>{children}</TableHead>,
  tbody: ({ children }) => <TableBody>{children}</TableBody>,
  tr: ({ children }) => <TableRow>{children}</TableRow>,
  th: ({ node, children }) => <TableCell align={cellAlign(node)}>{children}</TableCell>,
  td: ({ node, children }) => (
    <TableCell align={cellAlign(node)} sx={{ verticalAlign: "top" }}>
      {children}
    </TableCell>
  ),
};

const components: Components = { ...blockComponents, ...tableComponents };
const remarkPlugins = [remarkGfm];

type CitedUnitRef = NonNullable<ReturnType<typeof unitOfReference>>;

/**
 * The memo as the page shows it. With `onOpenUnit`, its page and paragraph references ("p. 12",
 * "page 12", "¶ 4") are buttons that open the cited unit of the original.
 */
export function MemoView({
  markdown,
  onOpenUnit,
}: {
  markdown: string;
  onOpenUnit?: (unit: CitedUnitRef) => void;
}) {
  const source = useMemo(
    () => (onOpenUnit ? linkUnitReferences(markdown) : markdown),
    [markdown, onOpenUnit],
  );
  const withReferences = useMemo<Components>(() => {
    if (!onOpenUnit) return components;
    return {
      ...components,
      a: ({ href, children }) => {
        const unit = unitOfReference(href);
        if (!unit) return <MemoLink href={href}>{children}</MemoLink>;
        return (
          <Link
            component="button"
            type="button"
            underline="always"
            onClick={() => onOpenUnit(unit)}
            data-testid="memo-page-link"
            sx={{ font: "inherit", verticalAlign: "baseline" }}
          >
            {children}
          </Link>
        );
      },
    };
  }, [onOpenUnit]);
  return (
    <Box
      sx={{
        fontSize: "1rem",
        lineHeight: 1.7,
        color: "text.primary",
        overflowWrap: "anywhere",
        "& > :first-of-type": { mt: 0 },
        "& h2, & h3, & h4, & h5, & h6": {
          fontFamily: serif,
          fontWeight: 600,
          lineHeight: 1.3,
          mt: 4,
          mb: 1.5,
        },
        "& h2": { fontSize: "1.6rem" },
        "& h3": { fontSize: "1.3rem", pb: 0.75, borderBottom: 1, borderColor: "divider" },
        "& h4": { fontSize: "1.1rem" },
        "& h5, & h6": { fontSize: "1rem" },
        "& p": { my: 1.5 },
        "& ul, & ol": { pl: 3, my: 1.5 },
        "& li": { my: 0.5 },
        "& li > p": { my: 0.5 },
        "& blockquote": {
          m: 0,
          my: 2,
          py: 0.5,
          px: 2,
          borderLeft: 4,
          borderColor: "secondary.main",
          bgcolor: "background.default",
          color: "text.secondary",
          borderRadius: 1,
        },
        "& code": {
          fontFamily: monospace,
          fontSize: "0.875em",
          bgcolor: "background.default",
          border: 1,
          borderColor: "divider",
          borderRadius: 0.75,
          px: 0.5,
        },
        "& pre": {
          fontFamily: monospace,
          bgcolor: "background.default",
          border: 1,
          borderColor: "divider",
          borderRadius: 1.5,
          p: 2,
          overflowX: "auto",
          "& code": { border: 0, p: 0, bgcolor: "transparent" },
        },
        "& hr": { border: 0, borderTop: 1, borderColor: "divider", my: 3 },
        "& strong": { fontWeight: 650 },
      }}
    >
      <Markdown components={withReferences} remarkPlugins={remarkPlugins} skipHtml>
        {source}
      </Markdown>
    </Box>
  );
}
