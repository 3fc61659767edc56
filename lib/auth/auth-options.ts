import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticateUser } from "@/lib/auth/authenticate-user";
import { type SessionUser, sessionUserFromToken } from "@/lib/auth/session-user";
import { AppError } from "@/lib/errors";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { guardSignIn } from "@/lib/rate-limit/guard-sign-in";
import { signInRateLimitError } from "@/lib/rate-limit/sign-in-rate-limit";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  // Errors too: a locked or disabled sign-in posted without script lands on the form, which
  // says what happened (components/auth/validation.ts).
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        if (!credentials?.email || !credentials.password) return null;
        const { email, password } = credentials;
        try {
          // Every password check goes through here, so the sign-in limits cover them all.
          const user = await guardSignIn({ email, ip: clientIp(req.headers ?? {}) }, () =>
            authenticateUser(email, password),
          );
          return user ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
        } catch (error) {
          // next-auth turns a thrown message into `?error=<message>` for the sign-in page.
          if (error instanceof AppError && error.code === "account_disabled") {
            throw new Error("AccountDisabled");
          }
          // "RateLimited:<seconds>": the route turns it into a 429 + Retry-After, the form into
          // "try again in N minutes" (lib/rate-limit/sign-in-rate-limit.ts).
          if (error instanceof AppError && error.code === "rate_limited") {
            throw new Error(signInRateLimitError(error.retryAfterSeconds ?? 1));
          }
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = (user as { role?: SessionUser["role"] }).role ?? "user";
      }
      return token;
    },
    session({ session, token }) {
      const user = sessionUserFromToken(token);
      if (session.user && user) {
        session.user.id = user.id;
        session.user.role = user.role;
      }
      return session;
    },
  },
};
