import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/signup-form";
import { getCurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage() {
  const user = await getCurrentUser();
  if (user) redirect("/analyses");
  return (
    <SignUpForm
      grantCredits={env.SIGNUP_GRANT_CREDITS}
      pagesPerCredit={env.PRICE_PAGES_PER_CREDIT}
    />
  );
}
