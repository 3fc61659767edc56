import { createUser, type SignUpInput } from "@/lib/auth/create-user";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { deliverMailsSoon } from "@/lib/mail/deliver-mail";
import { consumeOrThrow } from "@/lib/rate-limit/consume-or-throw";

export type SignUpAnswer = { email: string };

/**
 * Public sign-up (API and form), limited per client IP. The account starts unverified and
 * without credits: a verification mail goes out, and following its link gives the starting
 * grant (so a script signing up many addresses gets nothing without their mailboxes).
 *
 * It answers the same whether or not the e-mail already has an account, so sign-up cannot be
 * used to find out who has one: a taken e-mail creates nothing, grants nothing and mails
 * nothing (the owner is not bothered by strangers' attempts), and costs the same password hash
 * as a new one (createUser hashes before it looks). The caller then signs in; with a taken
 * e-mail that works only with that account's own password.
 */
export async function signUpUser(input: SignUpInput & { ip: string }): Promise<SignUpAnswer> {
  await consumeOrThrow("signUpIp", input.ip);
  try {
    await createUser({
      email: input.email,
      password: input.password,
      name: input.name,
      verified: false,
    });
    deliverMailsSoon();
  } catch (error) {
    if (!(error instanceof AppError && error.code === "conflict")) throw error;
    logger.info("sign-up for an e-mail that already has an account: nothing created");
  }
  return { email: input.email };
}
