// An unknown address, or a role, user, policy or generation that does not exist (notFound()).
export default function NotFound() {
  return (
    <main style={{ maxWidth: 720, margin: "64px auto", padding: "0 24px", fontFamily: "system-ui, sans-serif" }} data-testid="not-found-page">
      <h1 style={{ fontSize: 24 }}>Not found</h1>
      <p>There is nothing at this address: the role, user or policy may have been deleted or renamed, or the link is wrong.</p>
      <p>
        <a href="/roles">Roles</a> · <a href="/users">Users</a> · <a href="/generations">Generations</a>
      </p>
    </main>
  );
}
