// Real-browser tests need a Chromium binary. Debian's package is the one that installs here.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  const sudo = process.getuid && process.getuid() === 0 ? "" : "sudo ";
  console.log("[npskit] installing Chromium for browser tests (apt-get)…");
  execSync(`${sudo}apt-get update -qq && ${sudo}DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, {
    stdio: "inherit",
    shell: "/bin/bash",
  });
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} after install`);
  return CHROMIUM;
}

if (import.meta.url === `file://${process.argv[1]}`) ensureChromium();
