import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/next-auth-options";

export const dynamic = "force-dynamic";

async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  // next-auth v4 reads params synchronously; Next 16 hands them over as a promise.
  const params = await ctx.params;
  return NextAuth(getAuthOptions())(req, { params });
}

export { handler as GET, handler as POST };
