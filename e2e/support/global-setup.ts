import { mkdirSync } from "node:fs";
import path from "node:path";

export default async function globalSetup() {
  mkdirSync(path.join(__dirname, "..", "screenshots"), { recursive: true });
}
