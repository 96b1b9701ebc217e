"use client";
import { usePathname } from "next/navigation";
import Alert from "@cloudscape-design/components/alert";
import ContentLayout from "@cloudscape-design/components/content-layout";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { ConsoleAppLayout } from "./console-app-layout";

const KIND: Record<string, [string, string]> = {
  roles: ["role", "Roles"],
  users: ["user", "Users"],
  policies: ["customer managed policy", "Policies"],
  generations: ["policy generation", "Policy generations"],
};

/** The console's 404, inside the console shell: what was not found and where to look instead. */
export function NotFoundPage() {
  const pathname = usePathname() ?? "/";
  const [section, name, ...rest] = pathname
    .split("/")
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  const known = section ? KIND[section] : undefined;
  const message =
    known && name && rest.length === 0
      ? section === "generations"
        ? `There is no policy generation with the job ID "${name}": it does not exist, or it expired (results are kept 7 days).`
        : `There is no ${known[0]} named "${name}" in this account. It may have been deleted or renamed.`
      : `There is no page at ${pathname}.`;
  return (
    <ConsoleAppLayout
      breadcrumbs={[
        { text: "Leastwise", href: "/roles" },
        ...(known ? [{ text: known[1], href: `/${section}` }] : []),
        { text: "Not found", href: pathname },
      ]}
    >
      <ContentLayout header={<Header variant="h1">Not found</Header>}>
        <Alert type="warning" header="Page not found" data-testid="not-found">
          <SpaceBetween size="s">
            <span>{message}</span>
            <span>{known ? <Link href={`/${section}`}>Back to {known[1]}</Link> : <Link href="/roles">Go to Roles</Link>}</span>
          </SpaceBetween>
        </Alert>
      </ContentLayout>
    </ConsoleAppLayout>
  );
}
