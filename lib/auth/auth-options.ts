import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticateUser } from "@/lib/auth/authenticate-user";
import { type SessionUser, sessionUserFromToken } from "@/lib/auth/session-user";
import { AppError } from "@/lib/errors";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials) {
        if (!credentials?.email || !credentials.password) return null;
        try {
          const user = await authenticateUser(credentials.email, credentials.password);
          return user ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
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
