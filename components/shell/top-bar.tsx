"use client";
import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import TopNavigation from "@cloudscape-design/components/top-navigation";
import { useColorMode } from "./providers";
import { useConsoleUser } from "./console-user";

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
            iconName: mode === "dark" ? "star" : "star-filled",
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
