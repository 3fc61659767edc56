import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * The Docker image's /app, laid out on this machine from the Dockerfile itself, so tests that
 * cannot build images (no Docker daemon or registry here) still run exactly the image's commands
 * on exactly its files. Reads the runtime stage's COPY lines and maps each source: `--from=build`
 * → this checkout after a standalone build, `--from=production-deps /app/node_modules` → this
 * checkout's node_modules (linked: it holds the dev tools too, a superset), a plain COPY → the
 * checkout. A COPY this function does not understand fails loudly instead of drifting.
 */
export type ImageLayout = {
  dir: string;
  /** The image's commands, run with `cwd: dir`. */
  commands: { web: string[]; worker: string[]; migrate: string[] };
};

const root = path.resolve(import.meta.dirname, "../..");

export function buildStandalone(log: (line: string) => void = () => {}): void {
  if (fs.existsSync(path.join(root, ".next/standalone/server.js"))) return;
  log("building the standalone server (NEXT_OUTPUT=standalone next build)");
  const build = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], {
    cwd: root,
    env: { ...process.env, NEXT_OUTPUT: "standalone" },
    stdio: "inherit",
  });
  if (build.status !== 0) throw new Error("next build (standalone) failed");
}

function runtimeCopies(): { from?: string; source: string; target: string }[] {
  const dockerfile = fs.readFileSync(path.join(root, "Dockerfile"), "utf8");
  const stage = dockerfile.split(/^FROM .* AS runtime$/m)[1];
  if (!stage) throw new Error("Dockerfile: no `FROM … AS runtime` stage");
  return [...stage.matchAll(/^COPY (--from=(\S+) )?(.+) (\S+)$/gm)].flatMap((m) => {
    const [, , from, sources, target] = m as unknown as [
      string,
      string,
      string | undefined,
      string,
      string,
    ];
    return sources.split(/\s+/).map((source) => ({ from, source, target }));
  });
}

function place(source: string, target: string, link: boolean): void {
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (link) fs.symlinkSync(source, target);
  else fs.cpSync(source, target, { recursive: true, verbatimSymlinks: true });
}

/** Lays the image's /app out in `dir` (emptied first). Needs a standalone build. */
export function assembleImageLayout(dir: string): ImageLayout {
  if (!fs.existsSync(path.join(root, ".next/standalone/server.js"))) {
    throw new Error("no standalone build: run buildStandalone() first");
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const { from, source, target } of runtimeCopies()) {
    const inApp = (p: string) => path.join(dir, path.relative("./", p === "./" ? "." : p));
    if (from === "build") {
      const src = path.join(root, path.relative("/app", source));
      if (target === "./") {
        for (const entry of fs.readdirSync(src)) {
          place(path.join(src, entry), path.join(dir, entry), false);
        }
      } else place(src, inApp(target), false);
    } else if (from === "production-deps" && source === "/app/node_modules") {
      place(path.join(root, "node_modules"), inApp(target), true);
    } else if (from === undefined) {
      const target_ = target.endsWith("/") ? path.join(inApp(target), source) : inApp(target);
      place(path.join(root, source), target_, false);
    } else {
      throw new Error(`Dockerfile: COPY --from=${from} ${source} is not understood here`);
    }
  }
  const dockerfile = fs.readFileSync(path.join(root, "Dockerfile"), "utf8");
  const cmd = /^CMD (\[.*\])$/m.exec(dockerfile)?.[1];
  if (!cmd) throw new Error("Dockerfile: no CMD");
  return {
    dir,
    commands: {
      web: JSON.parse(cmd) as string[],
      worker: ["node", "--import", "tsx", "worker/index.ts"],
      migrate: ["node", "--import", "tsx", "scripts/migrate.ts"],
    },
  };
}
