import { randomUUID } from "node:crypto";
import { linkIn, waitForMail } from "@/tests/support/mailbox";

/**
 * A signed-in HTTP client for the real server: signs up (or in) through next-auth's credentials
 * flow exactly as a script using the API would, and keeps the session cookie.
 */
export class ApiClient {
  private cookies = new Map<string, string>();

  /** `headers` go with every request (e.g. an X-Forwarded-For naming this client's IP). */
  constructor(
    readonly baseUrl: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  /**
   * Signs up and in. By default it then follows the verification mail (as its owner would:
   * the mail from the stack's SMTP server, its link's token POSTed), so the account has its
   * starting grant; `verify: false` leaves it unverified, without credits.
   */
  static async signUp(
    baseUrl: string,
    overrides: {
      email?: string;
      password?: string;
      headers?: Record<string, string>;
      verify?: boolean;
    } = {},
  ) {
    const client = new ApiClient(baseUrl, overrides.headers);
    const email = overrides.email ?? `user-${randomUUID()}@example.com`;
    const password = overrides.password ?? "correct horse battery";
    const since = new Date().toISOString();
    const created = await client.request("POST", "/api/users", { json: { email, password } });
    if (created.status !== 201)
      throw new Error(`sign-up failed: ${created.status} ${await created.text()}`);
    await client.signIn(email, password);
    if (overrides.verify ?? true) await client.verifyEmail(email, since);
    return { client, email, password };
  }

  /** Follows the verification mail to `email` received since `since` (an ISO time; an address
   *  can be signed up again after its account was deleted): the link's token, POSTed. */
  async verifyEmail(email: string, since = new Date(0).toISOString()): Promise<void> {
    const mail = await waitForMail(email, {
      subject: /verify your e-mail/i,
      where: (received) => received.receivedAt >= since,
    });
    const token = linkIn(mail, "/verify-email").searchParams.get("token");
    const verified = await this.request("POST", "/api/auth/verify-email", { json: { token } });
    if (verified.status !== 200) {
      throw new Error(`verification failed: ${verified.status} ${await verified.text()}`);
    }
  }

  async signIn(email: string, password: string): Promise<void> {
    const csrf = await this.request("GET", "/api/auth/csrf");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await this.request("POST", "/api/auth/callback/credentials", {
      form: { email, password, csrfToken, json: "true" },
    });
    if (!this.cookies.has("next-auth.session-token")) {
      throw new Error(`sign-in failed for ${email}: ${response.status} ${await response.text()}`);
    }
  }

  /** The `cookie` header this client sends (its session), for other HTTP tools. */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(
    method: string,
    path: string,
    body?: {
      json?: unknown;
      form?: Record<string, string>;
      multipart?: FormData;
      headers?: Record<string, string>;
    },
  ): Promise<Response> {
    const headers: Record<string, string> = { ...this.headers, ...body?.headers };
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader();
    let payload: BodyInit | undefined;
    if (body?.json !== undefined) {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(body.json);
    } else if (body?.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      payload = new URLSearchParams(body.form).toString();
    } else if (body?.multipart) {
      payload = body.multipart;
    }
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: payload,
      redirect: "manual",
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const eq = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    return response;
  }

  async json<T>(
    method: string,
    path: string,
    body?: Parameters<ApiClient["request"]>[2],
  ): Promise<{ status: number; body: T }> {
    const response = await this.request(method, path, body);
    return { status: response.status, body: (await response.json()) as T };
  }

  upload(bytes: Uint8Array, filename: string, type = "application/octet-stream") {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(bytes)], { type }), filename);
    return this.request("POST", "/api/documents", { multipart: form });
  }
}
