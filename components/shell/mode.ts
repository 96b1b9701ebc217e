export type ColorMode = "light" | "dark";
export const MODE_COOKIE = "leastwise-mode";

export function parseMode(value: string | undefined): ColorMode {
  return value === "dark" ? "dark" : "light";
}
