// Serves one PGlite instance to many PostgreSQL clients (node-postgres pools of this process and of
// other processes: the CLI, standalone workers) over a Unix socket.
//
// PGlite is a single backend. Its wire protocol is stateful between messages (an unnamed prepared
// statement lives from Parse to Sync; a transaction lives from BEGIN to COMMIT), so messages of two
// clients must never interleave inside either. This server groups each client's messages into
// batches ending at Sync/Query and hands the backend to one client at a time; a client that is
// inside a transaction block keeps the backend until the block ends (or it disconnects, or idles
// past a timeout, in which case the block is rolled back).
import { createServer, type Server, type Socket } from "node:net";
import { rmSync } from "node:fs";
import type { PGlite } from "@electric-sql/pglite";

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

export interface PgliteServer {
  socketPath: string;
  stop(): Promise<void>;
}

class BackendLock {
  private owner: number | null = null;
  private waiters: Array<{ id: number; resolve: () => void }> = [];

  async acquire(id: number): Promise<void> {
    if (this.owner === id) return;
    if (this.owner === null) {
      this.owner = id;
      return;
    }
    await new Promise<void>((resolve) => this.waiters.push({ id, resolve }));
  }

  release(id: number): void {
    if (this.owner !== id) return;
    const next = this.waiters.shift();
    this.owner = next ? next.id : null;
    next?.resolve();
  }

  /** Removes a client that disconnected while waiting. */
  forget(id: number): void {
    this.waiters = this.waiters.filter((w) => w.id !== id);
  }

  isOwner(id: number): boolean {
    return this.owner === id;
  }
}

export async function startPgliteServer(options: {
  db: PGlite;
  socketPath: string;
  /** a client idle inside a transaction longer than this loses it (rolled back) */
  idleInTransactionMs?: number;
}): Promise<PgliteServer> {
  const { db, socketPath } = options;
  const idleMs = options.idleInTransactionMs ?? 60_000;
  const lock = new BackendLock();
  const sockets = new Set<Socket>();
  let nextId = 1;
  await db.waitReady;

  const exec = (message: Uint8Array, socket: Socket) =>
    db.runExclusive(() =>
      db.execProtocolRawStream(message, {
        onRawData: (chunk) => {
          if (socket.writable) socket.write(Buffer.from(chunk));
        },
      }),
    );

  const handle = (socket: Socket) => {
    const id = nextId++;
    sockets.add(socket);
    let buffer: Buffer = Buffer.alloc(0);
    let started = false;
    let batch: Buffer[] = [];
    let chain = Promise.resolve();
    let idleTimer: NodeJS.Timeout | undefined;
    let closed = false;

    const finishBatch = (keepLock: boolean) => {
      if (keepLock) {
        clearTimeout(idleTimer);
        idleTimer = setTimeout(() => socket.destroy(), idleMs);
      } else {
        clearTimeout(idleTimer);
        lock.release(id);
      }
    };

    const runBatch = (messages: Buffer[], endsWithSync: boolean) => {
      chain = chain
        .then(async () => {
          if (closed) return;
          await lock.acquire(id);
          clearTimeout(idleTimer);
          if (closed) {
            lock.release(id);
            return;
          }
          for (const message of messages) await exec(new Uint8Array(message), socket);
          // A Flush ends a batch without ending the extended-protocol exchange: keep the backend.
          finishBatch(!endsWithSync || db.isInTransaction());
        })
        .catch((error: unknown) => {
          socket.destroy(error instanceof Error ? error : new Error(String(error)));
        });
    };

    const onData = (data: Buffer) => {
      buffer = buffer.length ? Buffer.concat([buffer, data]) : data;
      for (;;) {
        if (!started) {
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) return;
          const code = buffer.readInt32BE(4);
          const message = buffer.subarray(0, length);
          buffer = buffer.subarray(length);
          if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
            socket.write("N");
            continue;
          }
          if (code === CANCEL_REQUEST) {
            socket.end();
            return;
          }
          started = true;
          runBatch([Buffer.from(message)], true);
          continue;
        }
        if (buffer.length < 5) return;
        const length = buffer.readInt32BE(1) + 1;
        if (buffer.length < length) return;
        const type = String.fromCharCode(buffer[0]);
        const message = Buffer.from(buffer.subarray(0, length));
        buffer = buffer.subarray(length);
        if (type === "X") {
          socket.end();
          return;
        }
        batch.push(message);
        if (type === "S" || type === "Q" || type === "H") {
          const messages = batch;
          batch = [];
          runBatch(messages, type !== "H");
        }
      }
    };

    const onClose = () => {
      if (closed) return;
      closed = true;
      sockets.delete(socket);
      clearTimeout(idleTimer);
      lock.forget(id);
      chain = chain.then(async () => {
        if (lock.isOwner(id)) {
          // The client vanished inside a transaction: roll it back so nobody inherits it.
          // (exec takes the query mutex itself; wrapping it in runExclusive would deadlock)
          if (db.isInTransaction()) await db.exec("ROLLBACK").catch(() => {});
          lock.release(id);
        }
      });
    };

    socket.on("data", onData);
    socket.on("close", onClose);
    socket.on("error", () => socket.destroy());
  };

  rmSync(socketPath, { force: true });
  const server: Server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, () => {
      server.off("error", reject);
      resolve();
    });
  });

  return {
    socketPath,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(socketPath, { force: true });
    },
  };
}
