/**
 * Where `npm run dev` puts its own Postgres and Redis. Kept apart from lib/env so tooling can read
 * them without parsing (and freezing) the process environment.
 */
export const LOCAL_DATABASE_URL = "postgres://postgres:postgres@127.0.0.1:54329/clauseflow";
export const LOCAL_REDIS_URL = "redis://127.0.0.1:63790";
