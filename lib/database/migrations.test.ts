import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createTestDb, type TestDb } from "../testing/db";
import { MIGRATIONS_DIR, SCHEMA_DIR, applyMigrations, diffMigrationsToSchema, loadMigrationsList, writeMigration } from "./migrations";

const opened: TestDb[] = [];
afterAll(async () => {
  for (const db of opened) await db.close();
});

describe.each(["pglite", "postgres"] as const)("migrations on a fresh %s", (kind) => {
  it("applies every migration with _prisma_migrations bookkeeping, then nothing on a second run", async () => {
    const db = await createTestDb({ kind, migrate: false });
    opened.push(db);
    const expected = loadMigrationsList().migrationDirectories.map((d) => d.path);
    expect(expected.length).toBeGreaterThan(0);

    expect(await applyMigrations({ pool: db.pool })).toEqual(expected);
    expect(await applyMigrations({ pool: db.pool })).toEqual([]);

    const client = new pg.Client(db.pool);
    await client.connect();
    try {
      const rows = await client.query(
        `SELECT migration_name, finished_at, rolled_back_at, checksum FROM _prisma_migrations ORDER BY migration_name`,
      );
      expect(rows.rows.map((r) => r.migration_name)).toEqual(expected);
      for (const row of rows.rows) {
        expect(row.finished_at).not.toBeNull();
        expect(row.rolled_back_at).toBeNull();
        expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      }
    } finally {
      await client.end();
    }
    // The Prisma client works on the migrated schema.
    const job = await db.prisma.apiKey.create({
      data: { id: crypto.randomUUID(), accessKeyId: "LWTESTKEY", secretEncrypted: "x", name: "t" },
    });
    expect((await db.prisma.apiKey.findUnique({ where: { id: job.id } }))?.name).toBe("t");
  });
});

describe("the migrations folder", () => {
  it("matches prisma/schema (run `npm run db:new-migration -- NAME` after a schema change)", async () => {
    const sql = await diffMigrationsToSchema();
    const summary = sql
      ?.split("\n")
      .filter((l) => l.startsWith("-- ") || /^(CREATE|ALTER|DROP)/.test(l))
      .slice(0, 12);
    expect(summary ?? null, "prisma/schema has changes that no migration creates").toBeNull();
  });

  it("writes a migration for a schema change, after which the folder matches again", async () => {
    const { cpSync, mkdtempSync, appendFileSync, readFileSync, rmSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const root = mkdtempSync(join(tmpdir(), "lw-newmig-"));
    cpSync(SCHEMA_DIR, join(root, "schema"), { recursive: true });
    cpSync(MIGRATIONS_DIR, join(root, "migrations"), { recursive: true });
    appendFileSync(join(root, "schema", "jobs.prisma"), "\nmodel MigrationProbe {\n  id String @id\n  n  Int @default(0)\n}\n");
    const dirs = { schemaDir: join(root, "schema"), migrationsDir: join(root, "migrations") };
    const sql = await diffMigrationsToSchema(dirs);
    expect(sql).toContain('CREATE TABLE "MigrationProbe"');
    const name = writeMigration({ name: "add probe", sql: sql!, migrationsDir: dirs.migrationsDir });
    expect(name).toMatch(/^\d{14}_add_probe$/);
    expect(readFileSync(join(dirs.migrationsDir, name, "migration.sql"), "utf8")).toBe(sql);
    expect(await diffMigrationsToSchema(dirs)).toBeNull();
    rmSync(root, { recursive: true, force: true });
  });

  it("stops at a migration that does not apply, with the database's error", async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "lw-mig-"));
    writeFileSync(join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
    mkdirSync(join(dir, "20200101000000_bad"));
    writeFileSync(join(dir, "20200101000000_bad", "migration.sql"), "CREATE TABLE t (id int);\nSELECT nope FROM missing;\n");
    const db = await createTestDb({ kind: "pglite", migrate: false });
    opened.push(db);
    await expect(applyMigrations({ pool: db.pool, migrationsDir: dir })).rejects.toThrow(/missing/);
    (await import("node:fs")).rmSync(dir, { recursive: true, force: true });
  });
});
