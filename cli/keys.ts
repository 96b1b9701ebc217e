// `leastwise keys create --name NAME --scopes S[,S] | list | revoke ID`: SigV4 access keys for the Access
// Analyzer-compatible API. Works while the server runs (the embedded database is reached through
// the server's socket). The secret is printed once, at creation.
import { createApiKey, listApiKeys, revokeApiKey } from "@/lib/auth/api-keys";
import { API_KEY_SCOPE_LABELS, API_KEY_SCOPES } from "@/lib/auth/api-key-scopes";
import { closeDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";

const USAGE = `usage: leastwise keys create --name NAME --scopes SCOPE[,SCOPE...] [--json]
       leastwise keys list [--json]
       leastwise keys revoke ID|ACCESS_KEY_ID
scopes (what the key may do; choose only what it needs):
${API_KEY_SCOPES.map((s) => `  ${s.padEnd(20)} ${API_KEY_SCOPE_LABELS[s]}`).join("\n")}`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

function usage(reason: string): number {
  process.stderr.write(`leastwise keys: ${reason}\n${USAGE}\n`);
  return 2;
}

export async function keysCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const json = rest.includes("--json");
  const positional = rest.filter((a) => a !== "--json");
  try {
    switch (sub) {
      case "create": {
        const name = option(positional, "--name");
        if (!name) return usage("create needs --name NAME");
        const scopes = option(positional, "--scopes");
        if (!scopes) return usage("create needs --scopes: a key gets only the scopes chosen for it");
        const key = await createApiKey({ name, scopes: [scopes], createdBy: "cli" });
        if (json) {
          process.stdout.write(`${JSON.stringify(key)}\n`);
        } else {
          process.stdout.write(
            `Created API key "${name}" (id ${key.id}) with scopes ${key.scopes.join(", ")}\n` +
              `AWS_ACCESS_KEY_ID=${key.accessKeyId}\n` +
              `AWS_SECRET_ACCESS_KEY=${key.secretAccessKey}\n` +
              `The secret is shown only now; store it safely. Use it with --endpoint-url and any region, e.g.\n` +
              `  AWS_ACCESS_KEY_ID=... AWS_SECRET_ACCESS_KEY=... aws accessanalyzer list-policy-generations --region us-east-1 --endpoint-url http://localhost:3000\n`,
          );
        }
        return 0;
      }
      case "list": {
        if (positional.length) return usage(`unexpected argument ${positional[0]}`);
        const keys = await listApiKeys();
        if (json) {
          process.stdout.write(`${JSON.stringify(keys)}\n`);
          return 0;
        }
        if (!keys.length) {
          process.stdout.write("No API keys. Create one with: npm run leastwise -- keys create --name NAME --scopes generations:read\n");
          return 0;
        }
        const rows = keys.map((k) => [
          k.id,
          k.accessKeyId,
          k.name,
          `${k.scopes.join(",")}${k.scoped ? "" : " (key from before scopes)"}`,
          k.createdAt.toISOString(),
          k.lastUsedAt?.toISOString() ?? "never",
          k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : "active",
        ]);
        const head = ["ID", "ACCESS KEY ID", "NAME", "SCOPES", "CREATED", "LAST USED", "STATUS"];
        const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
        for (const r of [head, ...rows])
          process.stdout.write(
            `${r
              .map((v, c) => v.padEnd(widths[c]))
              .join("  ")
              .trimEnd()}\n`,
          );
        return 0;
      }
      case "revoke": {
        if (positional.length !== 1) return usage("revoke needs exactly one key id or access key ID");
        const key = await revokeApiKey({ id: positional[0] });
        process.stdout.write(`Revoked ${key.accessKeyId} ("${key.name}"); requests signed with it are refused from now on.\n`);
        return 0;
      }
      case undefined:
      case "--help":
      case "-h":
        process.stdout.write(`${USAGE}\n`);
        return sub === undefined ? 2 : 0;
      default:
        return usage(`unknown subcommand "${sub}"`);
    }
  } catch (error) {
    process.stderr.write(
      `leastwise keys: ${isAppError(error) ? error.userMessage : error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  } finally {
    await closeDb().catch(() => {});
  }
}
