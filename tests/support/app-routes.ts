import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const appDir = path.join(root, "app");

export type AppRoute = {
  /** As in `app/`, route groups dropped: `/api/analyses/[id]/cancel`. */
  route: string;
  file: string;
};

/** Every `page.tsx` or `route.ts` under app/, as route templates, sorted. */
export function appRoutes(fileName: "page.tsx" | "route.ts"): AppRoute[] {
  const found: AppRoute[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === fileName) {
        const segments = path
          .relative(appDir, dir)
          .split(path.sep)
          .filter((s) => s !== "" && !s.startsWith("("));
        found.push({ route: `/${segments.join("/")}`, file: full });
      }
    }
  };
  walk(appDir);
  return found.sort((a, b) => a.route.localeCompare(b.route));
}

const MUTATING = ["POST", "PUT", "PATCH", "DELETE"] as const;
export type MutatingMethod = (typeof MUTATING)[number];

/**
 * The mutating methods a route file exports, read from its source: `export const POST =`,
 * `export (async) function POST`, `export { handler as POST }`.
 */
export function mutatingMethods(file: string): MutatingMethod[] {
  const source = fs.readFileSync(file, "utf8");
  return MUTATING.filter((method) =>
    new RegExp(
      `export\\s+(?:const|(?:async\\s+)?function)\\s+${method}\\b|export\\s*\\{[^}]*\\bas\\s+${method}\\b`,
    ).test(source),
  );
}

/** A URL for a route template: each `[param]` from `params`, else a random uuid. */
export function fillRoute(route: string, params: Record<string, string> = {}): string {
  return route.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) =>
    encodeURI(params[name] ?? crypto.randomUUID()),
  );
}
