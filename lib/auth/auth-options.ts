import type { NextAuthOptions, Session } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { endSession } from "@/lib/auth/end-user-sessions";
import { getLiveSessionUser } from "@/lib/auth/get-live-session-user";
import { SESSION_MAX_AGE_SECONDS, sessionSecret } from "@/lib/auth/session-cookie";
import type { SessionUser } from "@/lib/auth/session-user";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { startUserSession } from "@/lib/auth/start-user-session";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { signInRateLimitError } from "@/lib/rate-limit/sign-in-rate-limit";

type AuthorizedUser = SessionUser & { sessionId: string };

export const authOptions: NextAuthOptions = {
  secret: sessionSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // Errors too: a locked or disabled sign-in lands on the form, which says what happened
  // (components/auth/validation.ts).
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req): Promise<AuthorizedUser | null> {
        if (!credentials?.email || !credentials.password) return null;
        const { email, password } = credentials;
        try {
          const user = await signInWithPassword({
            email,
            password,
            ip: clientIp(req.headers ?? {}),
          });
          if (!user) return null;
          const userAgent = req.headers?.["user-agent"];
          const { sessionId } = await startUserSession(db, {
            userId: user.id,
            userAgent: typeof userAgent === "string" ? userAgent : null,
          });
          return { ...user, sessionId };
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
        const signedIn = user as Partial<AuthorizedUser>;
        token.uid = user.id;
        token.role = signedIn.role ?? "user";
        token.sid = signedIn.sessionId;
      }
      return token;
    },
    // `GET /api/auth/session` (the client's SessionProvider) reads the account live too: an ended
    // session answers `{}`, which next-auth's client reads as signed out.
    async session({ session, token }) {
      const user = await getLiveSessionUser(token);
      if (!user) return {} as Session;
      session.user = { ...session.user, id: user.id, role: user.role, email: user.email };
      return session;
    },
  },
  events: {
    // With JWT sessions next-auth hands over the token being cleared: end its session row, so a
    // copy of the cookie kept elsewhere stops working too.
    async signOut({ token }) {
      if (typeof token?.sid !== "string") return;
      await endSession(db, { sessionId: token.sid, reason: "sign_out" }).catch((err: unknown) =>
        logger.error({ err }, "could not end the session at sign-out"),
      );
    },
  },
};
