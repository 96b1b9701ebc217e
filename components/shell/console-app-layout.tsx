"use client";
import { useState } from "react";
import { usePathname, useRouter } from "next/navigation";
import AppLayout from "@cloudscape-design/components/app-layout";
import BreadcrumbGroup from "@cloudscape-design/components/breadcrumb-group";
import Flashbar from "@cloudscape-design/components/flashbar";
import SideNavigation, { type SideNavigationProps } from "@cloudscape-design/components/side-navigation";
import SplitPanel from "@cloudscape-design/components/split-panel";
import { SplitPanelContext, type SplitPanelContent } from "./split-panel";
import { useFlash } from "./flash";
import { useConsoleUser } from "./console-user";
import { useNavigationOpen } from "./providers";

export interface Crumb {
  text: string;
  href: string;
}

function navItems(isAdmin: boolean): SideNavigationProps.Item[] {
  const items: SideNavigationProps.Item[] = [
    {
      type: "section-group",
      title: "Access management",
      items: [
        { type: "link", text: "Roles", href: "/roles" },
        { type: "link", text: "Users", href: "/users" },
        { type: "link", text: "Policies", href: "/policies" },
      ],
    },
    { type: "divider" },
    {
      type: "section-group",
      title: "Policy generation",
      items: [
        { type: "link", text: "Policy generations", href: "/generations" },
        { type: "link", text: "Trails", href: "/trails" },
      ],
    },
  ];
  if (isAdmin) {
    items.push({ type: "divider" });
    items.push({
      type: "section-group",
      title: "Administration",
      items: [
        { type: "link", text: "API keys", href: "/api-keys" },
        { type: "link", text: "Console users", href: "/console-users" },
      ],
    });
  }
  return items;
}

function activeHref(pathname: string): string {
  const top = "/" + (pathname.split("/")[1] ?? "");
  return top === "/" ? "/roles" : top;
}

/** The page frame every console page renders: navigation, breadcrumbs, flash messages, content. */
export function ConsoleAppLayout({
  breadcrumbs,
  children,
  contentType = "default",
  navigationClosed = false,
}: {
  breadcrumbs: Crumb[];
  children: React.ReactNode;
  contentType?: "default" | "table" | "form" | "wizard";
  /** start with the side navigation closed on this page (the wizard needs the width at 1,024 px) */
  navigationClosed?: boolean;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const { items } = useFlash();
  const user = useConsoleUser();
  const nav = useNavigationOpen();
  const [split, setSplit] = useState<SplitPanelContent | null>(null);
  const [pageNavOpen, setPageNavOpen] = useState(false);
  const follow = (e: CustomEvent<{ href: string; external?: boolean }>) => {
    if (e.detail.external) return;
    e.preventDefault();
    router.push(e.detail.href);
  };
  return (
    <AppLayout
      headerSelector="#leastwise-top-nav"
      contentType={contentType}
      toolsHide
      navigationWidth={240}
      navigationOpen={navigationClosed ? pageNavOpen : nav.open}
      onNavigationChange={(e) => (navigationClosed ? setPageNavOpen(e.detail.open) : nav.setOpen(e.detail.open))}
      ariaLabels={{ navigation: "Side navigation", navigationClose: "Close navigation", navigationToggle: "Open navigation" }}
      navigation={
        <SideNavigation
          header={{ text: "Leastwise", href: "/roles" }}
          activeHref={activeHref(pathname)}
          items={navItems(user.role === "admin")}
          onFollow={follow}
        />
      }
      breadcrumbs={<BreadcrumbGroup items={breadcrumbs} ariaLabel="Breadcrumbs" onFollow={follow} />}
      notifications={<Flashbar items={items} stackItems={items.length > 3} />}
      content={<SplitPanelContext.Provider value={setSplit}>{children}</SplitPanelContext.Provider>}
      splitPanel={
        split ? (
          <SplitPanel
            header={split.header}
            hidePreferencesButton
            closeBehavior="hide"
            i18nStrings={{ closeButtonAriaLabel: "Close panel", openButtonAriaLabel: "Open panel", resizeHandleAriaLabel: "Resize panel" }}
          >
            {split.content}
          </SplitPanel>
        ) : undefined
      }
      splitPanelOpen={!!split}
      splitPanelPreferences={{ position: "bottom" }}
      onSplitPanelToggle={(e) => {
        if (!e.detail.open) setSplit(null);
      }}
    />
  );
}
