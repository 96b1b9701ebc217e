"use client";
import { createContext, useCallback, useContext, useState } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { I18nProvider } from "@cloudscape-design/components/i18n";
import enMessages from "@cloudscape-design/components/i18n/messages/all.en";
import { applyMode, Mode } from "@cloudscape-design/global-styles";
import { MODE_COOKIE, type ColorMode } from "./mode";
import { FlashProvider } from "./flash";

const ModeContext = createContext<{ mode: ColorMode; setMode: (m: ColorMode) => void }>({
  mode: "light",
  setMode: () => {},
});

export function useColorMode() {
  return useContext(ModeContext);
}

// Kept above the pages so the side navigation stays as the user left it across page changes
// (each page renders its own AppLayout).
const NavContext = createContext<{ open: boolean; setOpen: (o: boolean) => void }>({ open: true, setOpen: () => {} });

export function useNavigationOpen() {
  return useContext(NavContext);
}

export function Providers({ initialMode, children }: { initialMode: ColorMode; children: React.ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } }));
  const [mode, setModeState] = useState<ColorMode>(initialMode);
  const [navOpen, setNavOpen] = useState(true);
  const setMode = useCallback((m: ColorMode) => {
    setModeState(m);
    applyMode(m === "dark" ? Mode.Dark : Mode.Light);
    document.cookie = `${MODE_COOKIE}=${m}; path=/; max-age=31536000; samesite=lax`;
  }, []);
  return (
    <I18nProvider locale="en" messages={[enMessages]}>
      <QueryClientProvider client={queryClient}>
        <ModeContext.Provider value={{ mode, setMode }}>
          <NavContext.Provider value={{ open: navOpen, setOpen: setNavOpen }}>
            <FlashProvider>{children}</FlashProvider>
          </NavContext.Provider>
        </ModeContext.Provider>
      </QueryClientProvider>
    </I18nProvider>
  );
}
