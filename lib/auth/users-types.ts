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
