import "@cloudscape-design/global-styles/index.css";
import { cookies } from "next/headers";
import { Providers } from "@/components/shell/providers";
import { MODE_COOKIE, parseMode } from "@/components/shell/mode";

export const metadata = { title: "Leastwise", description: "Least-privilege IAM policies from CloudTrail activity" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The mode is decided on the server from the cookie so the first paint is already right (no flash).
  const mode = parseMode((await cookies()).get(MODE_COOKIE)?.value);
  return (
    <html lang="en">
      <body className={mode === "dark" ? "awsui-dark-mode" : undefined}>
        <Providers initialMode={mode}>{children}</Providers>
      </body>
    </html>
  );
}
