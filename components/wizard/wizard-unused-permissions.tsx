"use client";
import { useQuery } from "@tanstack/react-query";
import Alert from "@cloudscape-design/components/alert";
import Spinner from "@cloudscape-design/components/spinner";
import { comparePermissionsAction } from "@/app/(console)/_actions/policies/actions";
import { UnusedPermissions } from "@/components/entities/unused-permissions";
import { useDebounced } from "./use-debounced";

/** The last step's "Unused permissions": today's policies against the editor's policy. */
export function WizardUnusedPermissions({
  entityArn,
  entityName,
  jobId,
  text,
}: {
  entityArn: string;
  entityName: string;
  jobId: string;
  text: string;
}) {
  const debounced = useDebounced(text, 500);
  const q = useQuery({
    queryKey: ["permission-comparison", entityArn, jobId, debounced],
    queryFn: async () => {
      const r = await comparePermissionsAction({ entityArn, jobId, proposedText: debounced });
      if (!r.ok) throw new Error(r.error.message);
      return r.data;
    },
    placeholderData: (prev) => prev,
  });
  if (q.error)
    return (
      <Alert type="warning" header="Could not compare with today's permissions">
        {q.error.message}
      </Alert>
    );
  if (!q.data) return <Spinner />;
  return <UnusedPermissions view={q.data} entityName={entityName} />;
}
