import { GeneratedPolicyPage } from "@/components/wizard/generated-policy-page";

export default async function UserGeneratedPolicyPage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  return <GeneratedPolicyPage kind="user" name={decodeURIComponent(name)} />;
}
