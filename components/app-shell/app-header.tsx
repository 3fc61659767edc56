"use client";

import AddIcon from "@mui/icons-material/Add";
import CloseIcon from "@mui/icons-material/Close";
import LogoutIcon from "@mui/icons-material/Logout";
import MenuIcon from "@mui/icons-material/Menu";
import AppBar from "@mui/material/AppBar";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Container from "@mui/material/Container";
import Divider from "@mui/material/Divider";
import Drawer from "@mui/material/Drawer";
import IconButton from "@mui/material/IconButton";
import List from "@mui/material/List";
import ListItemButton from "@mui/material/ListItemButton";
import ListItemText from "@mui/material/ListItemText";
import Toolbar from "@mui/material/Toolbar";
import Tooltip from "@mui/material/Tooltip";
import Typography from "@mui/material/Typography";
import NextLink from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { CreditBalance } from "@/components/app-shell/credit-balance";
import { isActive, NAV_ITEMS } from "@/components/app-shell/nav-items";
import { Brand } from "@/components/brand";

export type HeaderUser = { email: string; name: string | null; role: "user" | "admin" };

export function AppHeader({ user }: { user: HeaderUser }) {
  const pathname = usePathname() ?? "";
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const items = NAV_ITEMS.filter((item) => !item.adminOnly || user.role === "admin");

  const handleSignOut = () => {
    setSigningOut(true);
    void signOut({ callbackUrl: "/signin" });
  };

  return (
    <AppBar position="sticky">
      <Container maxWidth="lg" disableGutters>
        <Toolbar sx={{ gap: { xs: 1, md: 2 }, minHeight: { xs: 60, md: 64 } }}>
          <Box
            component={NextLink}
            href="/analyses"
            aria-label="Clauseflow — My analyses"
            sx={{ display: "inline-flex", textDecoration: "none", mr: { md: 1 }, borderRadius: 1 }}
          >
            <Brand />
          </Box>

          <Box
            component="nav"
            aria-label="Main"
            sx={{ display: { xs: "none", md: "flex" }, gap: 0.5, flexGrow: 1 }}
          >
            {items.map((item) => {
              const active = isActive(pathname, item.href);
              return (
                <Button
                  key={item.href}
                  href={item.href}
                  color="inherit"
                  aria-current={active ? "page" : undefined}
                  startIcon={item.href === "/upload" ? <AddIcon /> : undefined}
                  sx={{
                    color: active ? "primary.main" : "text.secondary",
                    bgcolor: active ? "action.selected" : "transparent",
                    // An admin's five items fit on one line from lg up; below, they may wrap.
                    whiteSpace: { lg: "nowrap" },
                    "&:hover": { color: "text.primary" },
                  }}
                >
                  {item.label}
                </Button>
              );
            })}
          </Box>

          <Box sx={{ flexGrow: 1, display: { md: "none" } }} />

          <CreditBalance />

          {/* The one part that gives way when the row is full (minWidth 0): a long e-mail is cut
              with an ellipsis instead of pushing the page wider than the window. */}
          <Box
            sx={{ display: { xs: "none", md: "flex" }, alignItems: "center", gap: 1, minWidth: 0 }}
          >
            <Typography
              variant="body2"
              sx={{
                color: "text.secondary",
                // Narrower below xl, so an admin's nav stays on one line beside the balance.
                maxWidth: { md: 150, xl: 220 },
                overflow: "hidden",
                textOverflow: "ellipsis",
                whiteSpace: "nowrap",
              }}
              title={user.email}
              data-testid="user-email"
            >
              {user.email}
            </Typography>
            <Tooltip title="Sign out">
              <span>
                <IconButton
                  onClick={handleSignOut}
                  disabled={signingOut}
                  aria-label="Sign out"
                  edge="end"
                  data-testid="sign-out"
                >
                  <LogoutIcon fontSize="small" />
                </IconButton>
              </span>
            </Tooltip>
          </Box>

          <IconButton
            sx={{ display: { md: "none" } }}
            edge="end"
            aria-label="Open menu"
            aria-controls="app-nav-drawer"
            aria-expanded={drawerOpen}
            onClick={() => setDrawerOpen(true)}
          >
            <MenuIcon />
          </IconButton>
        </Toolbar>
      </Container>

      <Drawer
        id="app-nav-drawer"
        anchor="right"
        open={drawerOpen}
        onClose={() => setDrawerOpen(false)}
        slotProps={{ paper: { "aria-label": "Menu", sx: { width: 280 } } }}
      >
        <Box sx={{ display: "flex", alignItems: "center", justifyContent: "space-between", p: 2 }}>
          <Brand />
          <IconButton aria-label="Close menu" onClick={() => setDrawerOpen(false)}>
            <CloseIcon />
          </IconButton>
        </Box>
        <Divider />
        <List component="nav" aria-label="Main">
          {items.map((item) => {
            const active = isActive(pathname, item.href);
            return (
              <ListItemButton
                key={item.href}
                component={NextLink}
                href={item.href}
                selected={active}
                aria-current={active ? "page" : undefined}
                onClick={() => setDrawerOpen(false)}
              >
                <ListItemText primary={item.label} />
              </ListItemButton>
            );
          })}
        </List>
        <Divider />
        <Box sx={{ p: 2 }}>
          <Typography
            variant="body2"
            sx={{ color: "text.secondary", mb: 1.5, overflowWrap: "anywhere" }}
          >
            Signed in as <strong>{user.email}</strong>
          </Typography>
          <Button
            fullWidth
            variant="outlined"
            startIcon={<LogoutIcon />}
            onClick={handleSignOut}
            disabled={signingOut}
          >
            Sign out
          </Button>
        </Box>
      </Drawer>
    </AppBar>
  );
}
