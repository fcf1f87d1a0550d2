// Starts a throw-away PostgreSQL server from the locally installed binaries (Debian package
// `postgresql`), for tests and benchmarks of the `DATABASE_URL` path. Nothing is installed here.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
// Where the binaries are is decided in one place, the script `npm test` installs them with.
import { postgresBinDir } from "../../../scripts/ensure-postgres.mjs";

export interface LocalPostgres {
  url: string;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** PostgreSQL refuses to run as root: run its tools as the `postgres` user then. */
function runAs(): { uid: number; gid: number; prefix: string[] } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { uid, gid, prefix: ["runuser", "-u", "postgres", "--"] };
}

/** Starts a server on 127.0.0.1 and a random port; throws with the reason when it cannot. */
export async function startLocalPostgres(): Promise<LocalPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("PostgreSQL binaries not found under /usr/lib/postgresql (apt-get install postgresql)");
  const user = runAs();
  const dir = mkdtempSync(join(tmpdir(), "npskit-pg-"));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, "data");
  const port = await freePort();
  const spawn = (tool: string, args: string[]) => {
    const [cmd, ...rest] = [...(user?.prefix ?? []), join(bin, tool), ...args];
    return spawnSync(cmd as string, rest, { encoding: "utf8", timeout: 60_000 });
  };
  const run = (tool: string, args: string[]) => {
    const result = spawn(tool, args);
    if (result.status !== 0)
      throw new Error(
        `${tool} failed: ${(result.stderr || result.stdout || String(result.error)).trim().slice(0, 500)}`,
      );
  };
  try {
    run("initdb", ["-D", data, "-U", "npskit", "-A", "trust", "-E", "UTF8", "--no-sync", "--locale=C"]);
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    run("pg_ctl", ["-D", data, "-o", options, "-l", join(dir, "server.log"), "-w", "-t", "60", "start"]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://npskit@127.0.0.1:${port}/postgres`,
    stop: () => {
      spawn("pg_ctl", ["-D", data, "-m", "immediate", "stop"]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
