import { notFound, redirect } from "next/navigation";
import { requirePageSession } from "@/lib/auth/next-auth-session";
import { getGenerationView } from "@/lib/console/get-generation-view";
import { parsePrincipalArn } from "@/lib/core/arn";
import { isAppError } from "@/lib/errors";

/** A generation by its job ID (as the API and the CLI print it): its entity's page, or a clear 404. */
export default async function GenerationPage({ params }: { params: Promise<{ jobId: string }> }) {
  const { jobId } = await params;
  await requirePageSession({ returnTo: `/generations/${encodeURIComponent(jobId)}` });
  let arn: string;
  try {
    arn = (await getGenerationView({ jobId })).principalArn;
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const p = parsePrincipalArn(arn);
  redirect(`/${p.kind === "role" ? "roles" : "users"}/${encodeURIComponent(p.name)}`);
}
