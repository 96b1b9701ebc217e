import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

export default async function globalSetup() {
  mkdirSync(fileURLToPath(new URL("../screenshots", import.meta.url)), { recursive: true });
}
