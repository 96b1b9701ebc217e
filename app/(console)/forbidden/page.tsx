import Alert from "@cloudscape-design/components/alert";
import ContentLayout from "@cloudscape-design/components/content-layout";
import Header from "@cloudscape-design/components/header";
import { requirePageSession } from "@/lib/auth/next-auth-session";
import { ConsoleAppLayout } from "@/components/shell/console-app-layout";

export default async function ForbiddenPage() {
  const session = await requirePageSession();
  return (
    <ConsoleAppLayout
      breadcrumbs={[
        { text: "Leastwise", href: "/roles" },
        { text: "Not allowed", href: "/forbidden" },
      ]}
    >
      <ContentLayout header={<Header variant="h1">Administrators only</Header>}>
        <Alert type="warning" header="You do not have access to this page">
          You are signed in as {session.username}, a viewer. Viewers can generate and review policies; creating and attaching policies,
          managing trails, API keys and console users needs an administrator.
        </Alert>
      </ContentLayout>
    </ConsoleAppLayout>
  );
}
