export type NavItem = { href: string; label: string; adminOnly?: boolean };

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/upload", label: "New analysis" },
  { href: "/analyses", label: "My analyses" },
  { href: "/portfolio", label: "Portfolio" },
  { href: "/deadlines", label: "Deadlines" },
  { href: "/credits", label: "Credits" },
  { href: "/account", label: "Account" },
  { href: "/admin", label: "Admin", adminOnly: true },
];

export function isActive(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
