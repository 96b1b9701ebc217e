/** Every item of a paged IAM listing: follows the marker until IAM stops returning one. */
export async function collectPages<T>(fetch: (marker: string | undefined) => Promise<{ items: T[]; marker?: string }>): Promise<T[]> {
  const all: T[] = [];
  let marker: string | undefined;
  do {
    const page = await fetch(marker);
    all.push(...page.items);
    marker = page.marker;
  } while (marker);
  return all;
}
