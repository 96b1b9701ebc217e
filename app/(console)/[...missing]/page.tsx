import { notFound } from "next/navigation";
import { requirePageSession } from "@/lib/auth/next-auth-session";

// Any other path under the console: the styled 404 inside the console shell (not Next's bare one).
export default async function MissingPage() {
  await requirePageSession();
  notFound();
}
