import type { Metadata } from "next";
import { ConfirmEmailForm } from "@/components/auth/confirm-email-form";
import { firstParam, type SearchParams } from "@/lib/http/first-param";

export const metadata: Metadata = { title: "Confirm your new e-mail" };

/** The e-mail change link's page: nothing happens until its button is pressed. */
export default async function ConfirmEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const token = firstParam((await searchParams).token) ?? null;
  return <ConfirmEmailForm token={token} />;
}
