import http from "node:http";
import type { AddressInfo } from "node:net";

export type ChatRequest = {
  model: string;
  messages: { role: string; content: string }[];
  temperature?: number;
  response_format?: { type: string };
  authorization: string | undefined;
};

export type ChatAnswer = { status?: number; content?: string; delayMs?: number };

/**
 * A local server that speaks the OpenAI chat-completions API (`POST /v1/chat/completions`), so
 * the LLM provider is tested over real HTTP with the real SDK. `answer` decides each reply.
 */
export async function startFakeChatServer(answer: (request: ChatRequest, n: number) => ChatAnswer) {
  const requests: ChatRequest[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
    });
    req.on("end", () => {
      if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
        res.writeHead(404).end();
        return;
      }
      const parsed = JSON.parse(body) as Omit<ChatRequest, "authorization">;
      const request = { ...parsed, authorization: req.headers.authorization };
      requests.push(request);
      const reply = answer(request, requests.length);
      const send = () => {
        if (res.destroyed) return;
        if (reply.status && reply.status >= 400) {
          res.writeHead(reply.status, { "content-type": "application/json" });
          res.end(JSON.stringify({ error: { message: "fake failure", type: "server_error" } }));
          return;
        }
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            id: `chatcmpl-${requests.length}`,
            object: "chat.completion",
            created: Math.floor(Date.now() / 1000),
            model: request.model,
            choices: [
              {
                index: 0,
                finish_reason: "stop",
                message: { role: "assistant", content: reply.content ?? "{}" },
              },
            ],
            usage: { prompt_tokens: 1000, completion_tokens: 50, total_tokens: 1050 },
          }),
        );
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Which result section a provider prompt asks for (`{"keyClauses": …}` in its system message). */
export function sectionAsked(request: ChatRequest): string {
  const system = request.messages.find((m) => m.role === "system")?.content ?? "";
  return /Answer with one JSON object \{"(\w+)"/.exec(system)?.[1] ?? "";
}

/** The first sentence of the prompt's contract text matching `pattern`, with its page marker. */
export function findInPrompt(
  request: ChatRequest,
  pattern: RegExp,
): { quote: string; unit: number } | null {
  const text = request.messages.find((m) => m.role === "user")?.content ?? "";
  let unit = 0;
  for (const line of text.split("\n")) {
    const marker = /^\[(?:page|paragraph) (\d+)\]$/.exec(line);
    if (marker) {
      unit = Number(marker[1]);
      continue;
    }
    const match = pattern.exec(line);
    if (match) {
      const start = Math.max(0, line.lastIndexOf(".", match.index) + 1);
      return { quote: line.slice(start, start + 250).trim(), unit };
    }
  }
  return null;
}
