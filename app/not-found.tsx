// An unknown address, or a role, user, policy or generation that does not exist (notFound()).
import Link from "next/link";

export default function NotFound() {
  return (
    <main
      style={{ maxWidth: 720, margin: "64px auto", padding: "0 24px", fontFamily: "system-ui, sans-serif" }}
      data-testid="not-found-page"
    >
      <h1 style={{ fontSize: 24 }}>Not found</h1>
      <p>There is nothing at this address: the role, user or policy may have been deleted or renamed, or the link is wrong.</p>
      <p>
        <Link href="/roles">Roles</Link> · <Link href="/users">Users</Link> · <Link href="/generations">Generations</Link>
      </p>
    </main>
  );
}
