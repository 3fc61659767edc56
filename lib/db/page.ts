/** One page of a server-side paginated list (admin tables). `page` starts at 0. */
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
