"use server";

import { type ActionResult, runAction } from "@/app/actions/action-result";
import { createUser, signUpInputSchema } from "@/lib/auth/create-user";

export async function signUpAction(input: {
  email: string;
  password: string;
  name?: string;
}): Promise<ActionResult<{ userId: string }>> {
  return runAction(() => createUser(signUpInputSchema.parse(input)));
}
