// Prisma's `startsWith` becomes SQL `LIKE 'value%'` with the value's own `%`, `_` and `\` left as
// LIKE syntax (PostgreSQL's default escape character is the backslash). IAM's PathPrefix is a
// literal prefix and those characters are valid in paths, so they are escaped here.
export function pathStartsWith(prefix: string): { startsWith: string } {
  return { startsWith: prefix.replace(/[\\%_]/g, (c) => `\\${c}`) };
}
