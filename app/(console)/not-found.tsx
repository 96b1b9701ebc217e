import { NotFoundPage } from "@/components/shell/not-found-page";

export const metadata = { title: "Not found - Leastwise" };

export default function ConsoleNotFound() {
  return <NotFoundPage />;
}
