/** Fetch a console route handler's JSON; throws the server's user-facing message on failure. */
export async function fetchJson<T>(url: string, init?: RequestInit & { signal?: AbortSignal }): Promise<T> {
  const res = await fetch(url, { ...init, headers: { "content-type": "application/json", ...(init?.headers ?? {}) } });
  const body = (await res.json().catch(() => null)) as (T & { error?: { message?: string; code?: string } }) | null;
  if (!res.ok) {
    // Only the console's own sign-in check answers UNAUTHENTICATED; any other refusal (the server's
    // AWS credentials, say) keeps the server's own message.
    if (res.status === 401 && (!body?.error?.code || body.error.code === "UNAUTHENTICATED"))
      throw new Error("Your session has ended. Reload the page and sign in again.");
    throw new Error(body?.error?.message ?? `The server answered ${res.status}.`);
  }
  return body as T;
}
