import { GeneratePage } from "@/components/generation/generate-page";

export default async function RoleGeneratePage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  return <GeneratePage kind="role" name={decodeURIComponent(name)} />;
}
