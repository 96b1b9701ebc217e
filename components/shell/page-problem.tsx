import Alert from "@cloudscape-design/components/alert";
import ContentLayout from "@cloudscape-design/components/content-layout";
import Header from "@cloudscape-design/components/header";
import { ConsoleAppLayout } from "./console-app-layout";

/**
 * A page that could not be loaded because an expected failure happened (AWS refused a call, the
 * server's credentials expired, an endpoint is unreachable): what failed, in Leastwise's words, and
 * what to do. Rendered by the page itself, since Next hides a thrown error's message in production.
 */
export function PageProblem(props: { title: string; message: string; breadcrumbs: { text: string; href: string }[] }) {
  return (
    <ConsoleAppLayout breadcrumbs={props.breadcrumbs}>
      <ContentLayout header={<Header variant="h1">{props.title}</Header>}>
        <Alert type="error" header="This page could not be loaded" data-testid="page-problem">
          {props.message} Reload the page to try again.
        </Alert>
      </ContentLayout>
    </ConsoleAppLayout>
  );
}
