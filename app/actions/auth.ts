"use server";

import { headers } from "next/headers";
import { type ActionResult, runAction } from "@/app/actions/action-result";
import { signUpInputSchema } from "@/lib/auth/create-user";
import { type SignUpAnswer, signUpUser } from "@/lib/auth/sign-up-user";
import { clientIp } from "@/lib/rate-limit/client-ip";

export async function signUpAction(input: {
  email: string;
  password: string;
  name?: string;
}): Promise<ActionResult<SignUpAnswer>> {
  return runAction(async () =>
    signUpUser({ ...signUpInputSchema.parse(input), ip: clientIp(await headers()) }),
  );
}
