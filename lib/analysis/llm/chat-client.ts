import OpenAI from "openai";

export type ChatMessage = { role: "system" | "user"; content: string };

export type ChatReply = { content: string; promptTokens: number; completionTokens: number };

export type ChatClient = {
  model: string;
  /** One JSON-mode completion. Throws after the SDK's retries are spent. */
  complete(messages: ChatMessage[], signal?: AbortSignal): Promise<ChatReply>;
};

export type ChatClientConfig = {
  baseUrl: string;
  apiKey: string | undefined;
  model: string;
  timeoutMs: number;
  maxRetries: number;
};

/**
 * An OpenAI-compatible chat-completions client (the official SDK: it retries timeouts, 429 and
 * 5xx with exponential backoff and honours Retry-After). Temperature 0 and JSON mode, because
 * the answer is data checked against a schema, not prose.
 */
export function createChatClient(config: ChatClientConfig): ChatClient {
  const openai = new OpenAI({
    baseURL: config.baseUrl,
    // Local servers (vLLM, Ollama) accept any key; the SDK insists on one.
    apiKey: config.apiKey ?? "not-needed",
    timeout: config.timeoutMs,
    maxRetries: config.maxRetries,
  });
  return {
    model: config.model,
    async complete(messages, signal) {
      const completion = await openai.chat.completions.create(
        { model: config.model, messages, temperature: 0, response_format: { type: "json_object" } },
        { signal },
      );
      return {
        content: completion.choices[0]?.message?.content ?? "",
        promptTokens: completion.usage?.prompt_tokens ?? 0,
        completionTokens: completion.usage?.completion_tokens ?? 0,
      };
    },
  };
}
