"use client";
// Any page that fails unexpectedly: a plain explanation and a retry, never Next's generic page.
// Expected failures (AWS errors and the like) are rendered by the pages themselves with their
// message (components/shell/page-problem.tsx); what reaches here is a bug, logged on the server.
import Link from "next/link";
import { useEffect } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main style={{ maxWidth: 720, margin: "64px auto", padding: "0 24px", fontFamily: "system-ui, sans-serif" }} data-testid="error-page">
      <h1 style={{ fontSize: 24 }}>Something went wrong on this page</h1>
      <p>
        Leastwise could not show this page. The error was logged on the server{error.digest ? ` (reference ${error.digest})` : ""}. Try
        again; if it keeps failing, an administrator can find the reference in the server log.
      </p>
      <p>
        <button type="button" onClick={() => reset()}>
          Try again
        </button>{" "}
        <Link href="/roles">Go to Roles</Link>
      </p>
    </main>
  );
}
