export type ConsoleRoleName = "admin" | "viewer";

export interface ConsoleUserView {
  id: string;
  username: string;
  role: ConsoleRoleName;
  signInMethod: "password" | "oidc";
  createdAt: string;
  lastSignInAt: string | null;
}

export function roleFromDb(role: "ADMIN" | "VIEWER"): ConsoleRoleName {
  return role === "ADMIN" ? "admin" : "viewer";
}

export function roleToDb(role: ConsoleRoleName): "ADMIN" | "VIEWER" {
  return role === "admin" ? "ADMIN" : "VIEWER";
}

export const USERNAME_PATTERN = /^[A-Za-z0-9._@+-]{1,128}$/;
export const MIN_PASSWORD_LENGTH = 12;
/** bcrypt uses only the first 72 bytes of a password: longer ones are refused, never silently cut. */
export const MAX_PASSWORD_BYTES = 72;

export function passwordTooLongMessage(): string {
  return `Passwords can be at most ${MAX_PASSWORD_BYTES} bytes long (${MAX_PASSWORD_BYTES} plain letters and digits; fewer with accented or other non-ASCII characters).`;
}
