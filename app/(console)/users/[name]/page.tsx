import { EntityPage } from "@/components/entities/entity-page";

export default async function UserPage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  return <EntityPage kind="user" name={decodeURIComponent(name)} />;
}
