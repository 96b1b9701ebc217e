import { GeneratedPolicyPage } from "@/components/wizard/generated-policy-page";

export default async function RoleGeneratedPolicyPage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  return <GeneratedPolicyPage kind="role" name={decodeURIComponent(name)} />;
}
