"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import ButtonDropdown from "@cloudscape-design/components/button-dropdown";
import Form from "@cloudscape-design/components/form";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import Modal from "@cloudscape-design/components/modal";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import { createConsoleUserAction, deleteConsoleUserAction, setConsoleUserRoleAction } from "@/app/(console)/_actions/console-users/actions";
import { useFlash } from "@/components/shell/flash";
import { formatDate } from "@/components/generation/format";
import type { ConsoleUserView } from "@/lib/auth/users-types";
import { SecretOnceModal } from "./secret-once";

const ROLE_OPTIONS = [
  { value: "viewer", label: "Viewer", description: "Generates and reviews policies" },
  { value: "admin", label: "Administrator", description: "Also creates and attaches policies, manages trails, keys and users" },
];

export function ConsoleUsersTable({ users, me }: { users: ConsoleUserView[]; me: string }) {
  const router = useRouter();
  const flash = useFlash();
  const [creating, setCreating] = useState(false);
  const [username, setUsername] = useState("");
  const [role, setRole] = useState("viewer");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<{ label: string; value: string }[] | null>(null);

  async function create() {
    setBusy(true);
    setErrors({});
    const r = await createConsoleUserAction({ username, role, password });
    setBusy(false);
    if (!r.ok) {
      setErrors({ [r.error.field ?? "form"]: r.error.message });
      return;
    }
    setCreating(false);
    flash.push({ type: "success", header: `Created console user ${r.data.username}` });
    if (r.data.password)
      setSecret([
        { label: "User name", value: r.data.username },
        { label: "Password", value: r.data.password },
      ]);
    setUsername("");
    setPassword("");
    router.refresh();
  }

  async function act(user: ConsoleUserView, id: string) {
    const r =
      id === "delete"
        ? await deleteConsoleUserAction({ id: user.id })
        : await setConsoleUserRoleAction({ id: user.id, role: id === "make-admin" ? "admin" : "viewer" });
    if (!r.ok) flash.push({ type: "error", header: `Could not change ${user.username}`, content: r.error.message });
    else {
      flash.push({
        type: "success",
        header: id === "delete" ? `Deleted ${user.username}` : `Changed the role of ${user.username}`,
        content: id === "delete" ? undefined : "It takes effect at their next sign-in.",
      });
      router.refresh();
    }
  }

  return (
    <>
      <Table
        data-testid="console-users"
        variant="full-page"
        items={users}
        trackBy="id"
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={`(${users.length})`}
            description="Who can sign in to this console. Viewers generate and review policies; administrators also create and attach them and manage trails, API keys and users."
            actions={
              <Button variant="primary" onClick={() => setCreating(true)} data-testid="create-console-user">
                Create user
              </Button>
            }
          >
            Console users
          </Header>
        }
        columnDefinitions={[
          { id: "name", header: "User name", cell: (u) => `${u.username}${u.username === me ? " (you)" : ""}` },
          { id: "role", header: "Role", cell: (u) => (u.role === "admin" ? "Administrator" : "Viewer") },
          { id: "method", header: "Sign-in", cell: (u) => (u.signInMethod === "password" ? "Password" : "Single sign-on") },
          { id: "created", header: "Created", cell: (u) => formatDate(u.createdAt) },
          { id: "last", header: "Last sign-in", cell: (u) => formatDate(u.lastSignInAt) },
          {
            id: "actions",
            header: "Actions",
            cell: (u) => (
              <ButtonDropdown
                variant="inline-icon"
                ariaLabel={`Actions for ${u.username}`}
                items={[
                  u.role === "admin" ? { id: "make-viewer", text: "Make viewer" } : { id: "make-admin", text: "Make administrator" },
                  { id: "delete", text: "Delete", disabled: u.username === me },
                ]}
                onItemClick={(e) => void act(u, e.detail.id)}
              />
            ),
          },
        ]}
      />
      <Modal visible={creating} onDismiss={() => setCreating(false)} header="Create console user">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <Form
            errorText={errors.form}
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button formAction="none" variant="link" onClick={() => setCreating(false)}>
                  Cancel
                </Button>
                <Button variant="primary" loading={busy} data-testid="create-console-user-submit">
                  Create user
                </Button>
              </SpaceBetween>
            }
          >
            <SpaceBetween size="m">
              <FormField label="User name" errorText={errors.username}>
                <Input value={username} onChange={(e) => setUsername(e.detail.value)} ariaLabel="New user name" />
              </FormField>
              <FormField label="Role" errorText={errors.role}>
                <Select
                  selectedOption={ROLE_OPTIONS.find((o) => o.value === role) ?? null}
                  onChange={(e) => setRole(e.detail.selectedOption.value ?? "viewer")}
                  options={ROLE_OPTIONS}
                  ariaLabel="Role"
                />
              </FormField>
              <FormField
                label="Password - optional"
                errorText={errors.password}
                constraintText="At least 12 characters. Leave empty to generate one, shown once."
              >
                <Input value={password} onChange={(e) => setPassword(e.detail.value)} type="password" ariaLabel="New user password" />
              </FormField>
            </SpaceBetween>
          </Form>
        </form>
      </Modal>
      <SecretOnceModal title="New user's credentials" items={secret} onClose={() => setSecret(null)} />
      {users.length === 0 && <Box>No users.</Box>}
    </>
  );
}
