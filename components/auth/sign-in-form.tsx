"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import Form from "@cloudscape-design/components/form";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { MAX_PASSWORD_BYTES, passwordTooLongMessage } from "@/lib/auth/users-types";

export function SignInForm({
  returnTo,
  oidcName,
  initialError,
}: {
  returnTo: string;
  oidcName: string | null;
  initialError: string | null;
}) {
  const router = useRouter();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(initialError);
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (!username.trim() || !password) {
      setError("Enter your user name and password.");
      return;
    }
    if (new TextEncoder().encode(password).length > MAX_PASSWORD_BYTES) {
      setError(passwordTooLongMessage());
      return;
    }
    setBusy(true);
    setError(null);
    const result = await signIn("credentials", { redirect: false, username: username.trim(), password });
    if (!result || result.error) {
      setBusy(false);
      // The server's own message when it refused for another reason (too many failures, too long).
      setError(!result?.error || result.error === "CredentialsSignin" ? "The user name or password is not correct." : result.error);
      return;
    }
    router.replace(returnTo);
    router.refresh();
  }

  return (
    <main style={{ maxWidth: 440, margin: "10vh auto", padding: "0 16px" }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Form
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              {oidcName && (
                <Button formAction="none" onClick={() => void signIn("oidc", { callbackUrl: returnTo })}>
                  Sign in with {oidcName}
                </Button>
              )}
              <Button variant="primary" loading={busy} data-testid="signin-submit">
                Sign in
              </Button>
            </SpaceBetween>
          }
        >
          <Container
            header={
              <Header variant="h1" description="Least-privilege IAM policies from CloudTrail activity">
                Sign in to Leastwise
              </Header>
            }
          >
            <SpaceBetween size="l">
              {error && (
                <Alert type="error" header="Could not sign in">
                  {error}
                </Alert>
              )}
              <FormField label="User name">
                <Input value={username} onChange={(e) => setUsername(e.detail.value)} autoComplete="username" name="username" autoFocus />
              </FormField>
              <FormField
                label="Password"
                constraintText={`At most ${MAX_PASSWORD_BYTES} bytes. Repeated wrong passwords lock sign-in for a while.`}
              >
                <Input
                  value={password}
                  onChange={(e) => setPassword(e.detail.value)}
                  type="password"
                  autoComplete="current-password"
                  name="password"
                />
              </FormField>
              <Box variant="small" color="text-body-secondary">
                No account yet? Ask a Leastwise administrator.
              </Box>
            </SpaceBetween>
          </Container>
        </Form>
      </form>
    </main>
  );
}
