import { parseArgs } from "node:util";
import { createUser } from "@/lib/auth/create-user";
import { closeDb } from "@/lib/db/client";
import { readSecret } from "./lib/read-secret";

/**
 * `npm run user:create -- --email a@b.c [--role admin] [--name N] [--credits 100]`
 * The password is never an argument (shell history, `ps`): it comes from `USER_PASSWORD`, from
 * standard input when piped, or from a prompt that does not echo. Nothing prints it.
 */
const usage =
  "usage: npm run user:create -- --email EMAIL [--role user|admin] [--name NAME] [--credits N]\n" +
  "       password: typed at the prompt, piped on stdin, or in USER_PASSWORD";
const { values } = parseArgs({
  options: {
    email: { type: "string" },
    password: { type: "string" },
    name: { type: "string" },
    role: { type: "string", default: "user" },
    credits: { type: "string" },
  },
});
if (values.password !== undefined) {
  console.error(`--password is not accepted (it would stay in shell history). ${usage}`);
  process.exit(2);
}
if (!values.email || (values.role !== "user" && values.role !== "admin")) {
  console.error(usage);
  process.exit(2);
}
const password = process.env.USER_PASSWORD ?? (await readSecret(`Password for ${values.email}: `));
if (password.length < 8) {
  console.error("The password needs at least 8 characters.");
  process.exit(2);
}
try {
  const { userId } = await createUser({
    email: values.email,
    password,
    name: values.name,
    role: values.role,
    ...(values.credits !== undefined ? { grantCredits: Number(values.credits) } : {}),
  });
  console.log(JSON.stringify({ userId, email: values.email, role: values.role }));
} finally {
  await closeDb();
}
