import readline from "node:readline";

/**
 * A secret from the terminal without echoing it, or the first line of standard input when it is
 * piped (`printf '%s\n' "$PW" | npm run user:create -- …`).
 */
export async function readSecret(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = "";
    for await (const chunk of process.stdin) text += String(chunk);
    return text.split(/\r?\n/)[0] ?? "";
  }
  process.stderr.write(prompt);
  const rl = readline.createInterface({ input: process.stdin, terminal: true });
  // Swallow the echo of what is typed; the prompt itself was written above.
  const muted = rl as unknown as { _writeToOutput: (text: string) => void };
  muted._writeToOutput = () => {};
  try {
    return await new Promise<string>((resolve) => rl.question("", resolve));
  } finally {
    rl.close();
    process.stderr.write("\n");
  }
}
