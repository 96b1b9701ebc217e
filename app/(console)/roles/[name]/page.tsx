import { EntityPage } from "@/components/entities/entity-page";

export default async function RolePage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  return <EntityPage kind="role" name={decodeURIComponent(name)} />;
}
