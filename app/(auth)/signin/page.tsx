import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/signin-form";
import { Notice } from "@/components/notice";
import { getCurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = first(params.callbackUrl);
  const user = await getCurrentUser();
  if (user) redirect("/analyses");
  const form = (
    <SignInForm
      callbackUrl={callbackUrl ?? null}
      initialError={first(params.error) ?? null}
      grantCredits={env.SIGNUP_GRANT_CREDITS}
      notice={first(params.notice) ?? null}
      initialEmail={first(params.email) ?? ""}
    />
  );
  // Set by the account page after the account was deleted (components/account/delete-account-card).
  if (first(params.deleted) !== "1") return form;
  return (
    <>
      <Notice severity="success" sx={{ mb: 2 }} data-testid="account-deleted-notice">
        Your account was deleted, with every file and memo. You have been signed out.
      </Notice>
      {form}
    </>
  );
}
