import fs from "node:fs";
import path from "node:path";

/** The running code's version (package.json), as the worker's `ready` line and deploy checks see it. */
export const APP_VERSION: string = (() => {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(process.cwd(), "package.json"), "utf8")) as {
      version?: string;
    };
    return pkg.version ?? "unknown";
  } catch {
    return "unknown";
  }
})();
