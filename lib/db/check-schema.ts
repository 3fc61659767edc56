import fs from "node:fs";
import path from "node:path";
import { is } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import { getTableConfig, isPgEnum, PgTable } from "drizzle-orm/pg-core";
import type postgres from "postgres";
import * as schema from "./schema";

// Web and worker never migrate (that is the release step, `npm run db:migrate`); they check at
// start that the database is the one their code was built for and refuse to start otherwise.
// Checking the migrations journal alone is not enough: a migration can be marked applied while
// its columns are missing (a hand-edited database, a restore from an older dump), so the tables,
// columns and enum values the code uses are checked against the database itself too.

/** The database is older (or otherwise other) than this code; `message` names every gap. */
export class SchemaMismatchError extends Error {
  override name = "SchemaMismatchError";
}

type JournalEntry = { tag: string; when: number };

function readJournal(migrationsFolder: string): JournalEntry[] {
  const file = path.join(migrationsFolder, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(file, "utf8")) as { entries: JournalEntry[] };
  return journal.entries;
}

type ExpectedSchema = {
  columns: Map<string, string[]>;
  enums: Map<string, readonly string[]>;
};

/** Tables, columns and enum values as the drizzle schema declares them. */
export function expectedSchema(): ExpectedSchema {
  const columns = new Map<string, string[]>();
  const enums = new Map<string, readonly string[]>();
  for (const value of Object.values(schema)) {
    if (is(value, PgTable)) {
      const config = getTableConfig(value);
      columns.set(
        config.name,
        config.columns.map((c) => (c.keyAsName ? toSnakeCase(c.name) : c.name)),
      );
    } else if (isPgEnum(value)) {
      enums.set(value.enumName, value.enumValues);
    }
  }
  return { columns, enums };
}

/** What the database lacks, one line per gap (empty when it has everything). */
export async function findSchemaGaps(
  sql: postgres.Sql,
  migrationsFolder = path.join(process.cwd(), "drizzle"),
): Promise<string[]> {
  const gaps: string[] = [];

  const [journal] = await sql<{ exists: boolean }[]>`
    select to_regclass('drizzle.__drizzle_migrations') is not null as exists`;
  const applied = journal?.exists
    ? new Set(
        (
          await sql<{ created_at: string }[]>`select created_at from drizzle.__drizzle_migrations`
        ).map((r) => Number(r.created_at)),
      )
    : new Set<number>();
  const missingMigrations = readJournal(migrationsFolder).filter((m) => !applied.has(m.when));
  if (missingMigrations.length > 0) {
    gaps.push(`migrations not applied: ${missingMigrations.map((m) => m.tag).join(", ")}`);
  }

  const expected = expectedSchema();
  const rows = await sql<{ table_name: string; column_name: string }[]>`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and table_name in ${sql([...expected.columns.keys()])}`;
  const present = new Set(rows.map((r) => `${r.table_name}.${r.column_name}`));
  const presentTables = new Set(rows.map((r) => r.table_name));
  for (const [table, columns] of expected.columns) {
    if (!presentTables.has(table)) {
      gaps.push(`table ${table} is missing`);
      continue;
    }
    const missing = columns.filter((c) => !present.has(`${table}.${c}`));
    if (missing.length > 0) gaps.push(`table ${table} lacks column(s) ${missing.join(", ")}`);
  }

  const enumRows = await sql<{ enum_name: string; value: string }[]>`
    select t.typname as enum_name, e.enumlabel as value
    from pg_type t join pg_enum e on e.enumtypid = t.oid
    join pg_namespace n on n.oid = t.typnamespace
    where n.nspname = 'public'`;
  for (const [name, values] of expected.enums) {
    const have = new Set(enumRows.filter((r) => r.enum_name === name).map((r) => r.value));
    if (have.size === 0) {
      gaps.push(`enum ${name} is missing`);
      continue;
    }
    const missing = values.filter((v) => !have.has(v));
    if (missing.length > 0) gaps.push(`enum ${name} lacks value(s) ${missing.join(", ")}`);
  }
  return gaps;
}

/** Throws SchemaMismatchError naming every gap, with what to do about it. */
export async function assertSchemaCurrent(sql: postgres.Sql): Promise<void> {
  const gaps = await findSchemaGaps(sql);
  if (gaps.length === 0) return;
  throw new SchemaMismatchError(
    `The database schema is not the one this version needs:\n${gaps.map((g) => `  - ${g}`).join("\n")}\nRun the release step first: npm run db:migrate`,
  );
}
