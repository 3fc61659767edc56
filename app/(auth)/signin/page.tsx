import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/signin-form";
import { Notice } from "@/components/notice";
import { getCurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { firstParam, type SearchParams } from "@/lib/http/first-param";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = firstParam(params.callbackUrl);
  const user = await getCurrentUser();
  if (user) redirect("/analyses");
  const form = (
    <SignInForm
      callbackUrl={callbackUrl ?? null}
      initialError={firstParam(params.error) ?? null}
      grantCredits={env.SIGNUP_GRANT_CREDITS}
      notice={firstParam(params.notice) ?? null}
      initialEmail={firstParam(params.email) ?? ""}
    />
  );
  // Set by the account page after the account was deleted (components/account/delete-account-card).
  if (firstParam(params.deleted) !== "1") return form;
  return (
    <>
      <Notice severity="success" sx={{ mb: 2 }} data-testid="account-deleted-notice">
        Your account was deleted, with every file and memo. You have been signed out.
      </Notice>
      {form}
    </>
  );
}
