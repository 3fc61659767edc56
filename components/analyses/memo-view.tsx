"use client";

import Box from "@mui/material/Box";
import Link from "@mui/material/Link";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import { useMemo } from "react";
import Markdown, { type Components } from "react-markdown";
import { type Align, splitMarkdownTables } from "@/components/analyses/markdown-tables";
import { monospace, serif } from "@/components/fonts";

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
  a: ({ node: _node, href, children }) => {
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
  },
  img: ({ alt }) => (alt ? <span>[{alt}]</span> : null),
};

/** For table cells: same rendering, but no paragraph wrapper. */
const inlineComponents: Components = {
  ...blockComponents,
  p: ({ children }) => <>{children}</>,
};

function cellAlign(align: Align | undefined): "left" | "center" | "right" | undefined {
  return align ?? undefined;
}

function MarkdownCell({ text, align }: { text: string; align: Align | undefined }) {
  return (
    <TableCell align={cellAlign(align)} sx={{ verticalAlign: "top" }}>
      <Markdown components={inlineComponents} skipHtml>
        {text}
      </Markdown>
    </TableCell>
  );
}

export function MemoView({ markdown }: { markdown: string }) {
  const segments = useMemo(() => splitMarkdownTables(markdown), [markdown]);
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
      {segments.map((segment, index) =>
        segment.kind === "markdown" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reordered
          <Markdown key={index} components={blockComponents} skipHtml>
            {segment.text}
          </Markdown>
        ) : (
          <TableContainer
            // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reordered
            key={index}
            sx={{ my: 2.5, border: 1, borderColor: "divider", borderRadius: 1.5 }}
          >
            <Table size="small">
              <TableHead>
                <TableRow>
                  {segment.header.map((cell, k) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                    <TableCell key={k} align={cellAlign(segment.align[k])}>
                      <Markdown components={inlineComponents} skipHtml>
                        {cell}
                      </Markdown>
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {segment.rows.map((row, r) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
                  <TableRow key={r}>
                    {row.map((cell, k) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                      <MarkdownCell key={k} text={cell} align={segment.align[k]} />
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        ),
      )}
    </Box>
  );
}
