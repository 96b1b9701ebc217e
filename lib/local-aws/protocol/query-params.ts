// Reads the form-encoded parameters of an awsQuery request (`Action=ListRoles&Version=...&
// Tags.member.1.Key=...`). Lists arrive flattened as `Name.member.N[.Field]`; N starts at 1.

export class QueryParams {
  private readonly map: Map<string, string>;

  constructor(body: string) {
    this.map = new Map(new URLSearchParams(body));
  }

  get action(): string | undefined {
    return this.map.get("Action");
  }

  string(name: string): string | undefined {
    return this.map.get(name);
  }

  integer(name: string): number | undefined {
    const raw = this.map.get(name);
    if (raw === undefined) return undefined;
    return /^-?\d+$/.test(raw) ? Number(raw) : NaN;
  }

  boolean(name: string): boolean | undefined {
    const raw = this.map.get(name);
    if (raw === undefined) return undefined;
    return raw.toLowerCase() === "true";
  }

  /** `Name.member.1`, `Name.member.2`, ... in order, stopping at the first gap. */
  stringList(name: string): string[] | undefined {
    return this.collect(name, (prefix) => this.map.get(prefix));
  }

  /** Lists of structures: each element is read with the member prefix, e.g. `Tags.member.1.` */
  structList<T>(name: string, read: (prefix: string) => T | undefined): T[] | undefined {
    return this.collect(name, (prefix) => (this.hasPrefix(`${prefix}.`) ? read(`${prefix}.`) : undefined));
  }

  private collect<T>(name: string, read: (prefix: string) => T | undefined): T[] | undefined {
    const present = this.map.has(name) || this.hasPrefix(`${name}.`);
    if (!present) return undefined;
    const items: T[] = [];
    for (let i = 1; ; i++) {
      const item = read(`${name}.member.${i}`);
      if (item === undefined) break;
      items.push(item);
    }
    return items;
  }

  private hasPrefix(prefix: string): boolean {
    for (const key of this.map.keys()) if (key.startsWith(prefix)) return true;
    return false;
  }
}
