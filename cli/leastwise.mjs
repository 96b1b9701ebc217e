#!/usr/bin/env node
// Launcher without npm's banner lines on stdout: `node cli/leastwise.mjs generate ...` (also the
// package's `leastwise` bin). Registers tsx's loader, then runs the TypeScript CLI.
import { register } from "tsx/esm/api";

register();
await import("./leastwise.ts");
