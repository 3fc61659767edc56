"use client";

import Tab from "@mui/material/Tab";
import Tabs from "@mui/material/Tabs";
import { usePathname } from "next/navigation";
import { isActive } from "@/components/app-shell/nav-items";

const SECTIONS = [
  { value: "jobs", href: "/admin", label: "Jobs" },
  { value: "queue", href: "/admin/queue", label: "Queue" },
  { value: "users", href: "/admin/users", label: "Users" },
  { value: "ledger", href: "/admin/ledger", label: "Ledger" },
  { value: "audit", href: "/admin/audit", label: "Audit log" },
] as const;

type Section = (typeof SECTIONS)[number]["value"];

function sectionFor(pathname: string): Section {
  if (isActive(pathname, "/admin/queue")) return "queue";
  if (isActive(pathname, "/admin/audit")) return "audit";
  if (isActive(pathname, "/admin/users")) return "users";
  if (isActive(pathname, "/admin/ledger")) return "ledger";
  return "jobs";
}

/** Jobs · Queue · Users · Ledger · Audit log, above every admin page. Plain links, so each tab is a real URL. */
export function AdminNav() {
  const current = sectionFor(usePathname() ?? "");
  return (
    <Tabs
      value={current}
      role="navigation"
      aria-label="Admin"
      variant="scrollable"
      allowScrollButtonsMobile
      data-testid="admin-nav"
      sx={{ mb: { xs: 2.5, md: 3 }, borderBottom: 1, borderColor: "divider", minHeight: 44 }}
    >
      {SECTIONS.map((section) => (
        <Tab
          key={section.value}
          value={section.value}
          label={section.label}
          href={section.href}
          aria-current={current === section.value ? "page" : undefined}
          data-testid={`admin-nav-${section.value}`}
          sx={{ minHeight: 44, px: 2 }}
        />
      ))}
    </Tabs>
  );
}
