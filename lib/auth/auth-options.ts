import type { NextAuthOptions, Session } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticateUser } from "@/lib/auth/authenticate-user";
import { endSession } from "@/lib/auth/end-user-sessions";
import { getLiveSessionUser } from "@/lib/auth/get-live-session-user";
import { SESSION_MAX_AGE_SECONDS, sessionSecret } from "@/lib/auth/session-cookie";
import type { SessionUser } from "@/lib/auth/session-user";
import { startUserSession } from "@/lib/auth/start-user-session";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

type AuthorizedUser = SessionUser & { sessionId: string };

export const authOptions: NextAuthOptions = {
  secret: sessionSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req): Promise<AuthorizedUser | null> {
        if (!credentials?.email || !credentials.password) return null;
        try {
          const user = await authenticateUser(credentials.email, credentials.password);
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
