"use client";
import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import TopNavigation from "@cloudscape-design/components/top-navigation";
import { useColorMode } from "./providers";
import { useConsoleUser } from "./console-user";

const SUN = (
  <svg viewBox="0 0 16 16" focusable="false" aria-hidden="true">
    <circle cx="8" cy="8" r="3" fill="none" stroke="currentColor" strokeWidth="2" />
    <path
      d="M8 0.5v2M8 13.5v2M0.5 8h2M13.5 8h2M2.7 2.7l1.4 1.4M11.9 11.9l1.4 1.4M2.7 13.3l1.4-1.4M11.9 4.1l1.4-1.4"
      stroke="currentColor"
      strokeWidth="1.5"
      fill="none"
    />
  </svg>
);
const MOON = (
  <svg viewBox="0 0 16 16" focusable="false" aria-hidden="true">
    <path d="M10.5 1.5a6.5 6.5 0 1 0 4 11.6A7 7 0 0 1 10.5 1.5z" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
  </svg>
);

export function TopBar() {
  const router = useRouter();
  const user = useConsoleUser();
  const { mode, setMode } = useColorMode();
  return (
    <div id="leastwise-top-nav" style={{ position: "sticky", top: 0, zIndex: 1002 }}>
      <TopNavigation
        identity={{ href: "/roles", title: "Leastwise", onFollow: (e) => (e.preventDefault(), router.push("/roles")) }}
        i18nStrings={{ overflowMenuTriggerText: "More", overflowMenuTitleText: "All" }}
        utilities={[
          {
            type: "button",
            text: mode === "dark" ? "Light mode" : "Dark mode",
            // A sun to go back to light, a moon to go dark (Cloudscape has no moon: its "night" is one).
            iconSvg: mode === "dark" ? SUN : MOON,
            ariaLabel: mode === "dark" ? "Switch to light mode" : "Switch to dark mode",
            onClick: () => setMode(mode === "dark" ? "light" : "dark"),
          },
          {
            type: "menu-dropdown",
            text: user.username,
            description: user.role === "admin" ? "Administrator" : "Viewer (can generate and review)",
            iconName: "user-profile",
            items: [{ id: "signout", text: "Sign out" }],
            onItemClick: (e) => {
              if (e.detail.id !== "signout") return;
              void signOut({ redirect: false }).then(() => {
                router.replace("/signin");
                router.refresh();
              });
            },
          },
        ]}
      />
    </div>
  );
}
