import { parseArgs } from "node:util";
import { createUser } from "@/lib/auth/create-user";
import { closeDb } from "@/lib/db/client";

/** `npm run user:create -- --email a@b.c --password secret123 [--role admin] [--credits 100]` */
const { values } = parseArgs({
  options: {
    email: { type: "string" },
    password: { type: "string" },
    name: { type: "string" },
    role: { type: "string", default: "user" },
    credits: { type: "string" },
  },
});
if (!values.email || !values.password || (values.role !== "user" && values.role !== "admin")) {
  console.error(
    "usage: npm run user:create -- --email EMAIL --password PASSWORD [--role user|admin] [--credits N]",
  );
  process.exit(2);
}
try {
  const { userId } = await createUser({
    email: values.email,
    password: values.password,
    name: values.name,
    role: values.role,
    ...(values.credits !== undefined ? { grantCredits: Number(values.credits) } : {}),
  });
  console.log(JSON.stringify({ userId, email: values.email, role: values.role }));
} finally {
  await closeDb();
}
