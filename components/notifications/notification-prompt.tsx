"use client";

import NotificationsActiveIcon from "@mui/icons-material/NotificationsActive";
import Button from "@mui/material/Button";
import { useEffect, useState } from "react";
import { Notice } from "@/components/notice";
import {
  rememberNotificationsDeclined,
  shouldOfferNotifications,
} from "@/components/notifications/browser-notifications";

/**
 * "Get a browser notification when it's done?" — shown only where an analysis the user just
 * confirmed is under way (never on a first load of the app), and only while the browser has the
 * API, nobody answered its permission question yet and this browser got no "no thanks".
 */
export function NotificationPrompt({ show }: { show: boolean }) {
  // Read after mount: the server render knows neither the API nor localStorage.
  const [offer, setOffer] = useState(false);
  useEffect(() => {
    if (show) setOffer(shouldOfferNotifications());
  }, [show]);
  if (!show || !offer) return null;

  const ask = () => {
    void Notification.requestPermission().finally(() => setOffer(false));
  };
  const decline = () => {
    rememberNotificationsDeclined();
    setOffer(false);
  };
  return (
    <Notice
      severity="info"
      icon={<NotificationsActiveIcon />}
      data-testid="notification-prompt"
      action={
        <>
          <Button color="inherit" size="small" onClick={ask} data-testid="notification-allow">
            Notify me
          </Button>
          <Button color="inherit" size="small" onClick={decline} data-testid="notification-decline">
            No thanks
          </Button>
        </>
      }
    >
      Get a browser notification when it's done? Useful if you switch to another tab.
    </Notice>
  );
}
