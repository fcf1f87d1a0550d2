// The collector's PostgreSQL suites need the server binaries (initdb, pg_ctl); they start a
// throw-away server in a temp directory on a random port. Debian's package is the one that installs here.
import { execSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const ROOT = "/usr/lib/postgresql";

/** The newest installed `bin` directory with initdb and pg_ctl, if any. */
export function postgresBinDir() {
  if (!existsSync(ROOT)) return undefined;
  return readdirSync(ROOT)
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => join(ROOT, version, "bin"))
    .find((bin) => existsSync(join(bin, "initdb")) && existsSync(join(bin, "pg_ctl")));
}

export function ensurePostgres() {
  const found = postgresBinDir();
  if (found) return found;
  const sudo = process.getuid && process.getuid() === 0 ? "" : "sudo ";
  console.log("[npskit] installing PostgreSQL for the collector's database tests (apt-get)…");
  execSync(`${sudo}apt-get update -qq && ${sudo}DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql`, {
    stdio: "inherit",
    shell: "/bin/bash",
  });
  const installed = postgresBinDir();
  if (!installed) throw new Error(`PostgreSQL binaries not found under ${ROOT} after install`);
  return installed;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensurePostgres());
