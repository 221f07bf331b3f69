// The users table's options as plain data, free of zod: schema.ts builds the server's schema
// from them, and the browser's /admin/users route reads its URL with them (docs/decisions/085).
export const USER_SORTS = ["createdAt", "email", "name"] as const;
export const USER_SORT_DIRECTIONS = ["asc", "desc"] as const;
export const USER_SEARCH_MAX = 100;
/** What a plain /admin/users shows: the newest accounts first. */
export const USER_LIST_DEFAULTS = { sort: "createdAt", direction: "desc" } as const;

export type UserSort = (typeof USER_SORTS)[number];
export type UserSortDirection = (typeof USER_SORT_DIRECTIONS)[number];
