import { GeneratePage } from "@/components/generation/generate-page";

export default async function UserGeneratePage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  return <GeneratePage kind="user" name={decodeURIComponent(name)} />;
}
