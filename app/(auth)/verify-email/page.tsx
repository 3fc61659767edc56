import type { Metadata } from "next";
import { VerifyEmailForm } from "@/components/auth/verify-email-form";
import { env } from "@/lib/env";
import { firstParam, type SearchParams } from "@/lib/http/first-param";

export const metadata: Metadata = { title: "Verify your e-mail" };

/** The verification link's page: nothing happens until its button is pressed (see the form). */
export default async function VerifyEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const token = firstParam((await searchParams).token) ?? null;
  return <VerifyEmailForm token={token} grantCredits={env.SIGNUP_GRANT_CREDITS} />;
}
