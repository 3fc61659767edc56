import Stack from "@mui/material/Stack";
import type { Metadata } from "next";
import { DeleteAccountCard } from "@/components/account/delete-account-card";
import { EmailCard } from "@/components/account/email-card";
import { NotificationsCard } from "@/components/account/notifications-card";
import { PasswordCard } from "@/components/account/password-card";
import { ProfileCard } from "@/components/account/profile-card";
import { PageHeader } from "@/components/page-header";
import { getAccount } from "@/lib/auth/get-account";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser();
  const account = await getAccount(user.id);
  return (
    <>
      <PageHeader title="Account" description="Your name, e-mail, password and notifications." />
      <Stack spacing={3} sx={{ maxWidth: 720 }}>
        <ProfileCard account={account} />
        <EmailCard account={account} />
        <PasswordCard account={account} />
        <NotificationsCard account={account} />
        <DeleteAccountCard account={account} />
      </Stack>
    </>
  );
}
