// `npskit validate config.json` and `npskit simulate config.json --users 10000`. The logic lives
// here so tests call it directly; packages/browser/bin/npskit.mjs only wires it to the process.
import { validateConfig } from "./validate-config.js";
import { simulate, SIMULATED_TRAFFIC, type Simulation } from "./simulate.js";
import { DEVICES, type DeviceClass } from "./config-constants.js";
import { toEpochMs } from "./dates.js";
import type { ConfigProblem } from "./config-messages.js";
import type { ValidationResult } from "./config-validation.js";
import type { CheckCode } from "./checks.js";

export interface CliIo {
  readFile(path: string): Promise<string>;
  out(line: string): void;
  err(line: string): void;
  now(): number;
}

const USAGE = `Usage:
  npskit validate <config.json> [--json]
      Check a config; exit 0 when valid, 1 with every problem listed by path.
  npskit simulate <config.json> [--users 10000] [--url URL] [--device desktop|mobile|tablet]
                  [--locale de-DE] [--attr key=value]... [--now 2026-12-01] [--json]
      Count who would see each survey, and why the others would not.`;

/** Run the CLI; resolves to the process exit code (0 ok, 1 invalid config, 2 bad usage). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, file, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
    io.out(USAGE);
    return 0;
  }
  if ((command !== "validate" && command !== "simulate") || file === undefined || file.startsWith("--")) {
    io.err(command === "validate" || command === "simulate" ? `npskit ${command}: which config file?` : `npskit: unknown command "${command}"`);
    io.err(USAGE);
    return 2;
  }
  const flags = parseFlags(rest);
  if (typeof flags === "string") {
    io.err(`npskit ${command}: ${flags}`);
    return 2;
  }
  const loaded = await loadConfig(file, io);
  if (typeof loaded === "number") return loaded;
  if (command === "validate") return reportValidation(file, loaded, flags.json, io);
  if (!loaded.ok) return reportValidation(file, loaded, flags.json, io);
  return runSimulation(loaded, flags, io);
}

interface Flags {
  json: boolean;
  users: number;
  url?: string;
  device?: DeviceClass;
  locale?: string;
  now?: number;
  attributes: Record<string, string | number | boolean>;
}

/** Parsed flags, or what is wrong with them. */
function parseFlags(args: readonly string[]): Flags | string {
  const flags: Flags = { json: false, users: 10_000, attributes: {} };
  for (let i = 0; i < args.length; i++) {
    const name = args[i]!;
    if (name === "--json") {
      flags.json = true;
      continue;
    }
    const value = args[++i];
    if (value === undefined) return `${name} needs a value`;
    if (name === "--users") {
      flags.users = Number(value);
      if (!Number.isInteger(flags.users) || flags.users < 1 || flags.users > 10_000_000) return `--users must be a whole number from 1 to 10000000, got "${value}"`;
    } else if (name === "--url") flags.url = value;
    else if (name === "--locale") flags.locale = value;
    else if (name === "--device") {
      if (!(DEVICES as readonly string[]).includes(value)) return `--device must be one of ${DEVICES.join(", ")}, got "${value}"`;
      flags.device = value as DeviceClass;
    } else if (name === "--now") {
      const now = toEpochMs(value);
      if (now === undefined) return `--now must be an ISO date such as 2026-12-01, got "${value}"`;
      flags.now = now;
    } else if (name === "--attr") {
      const eq = value.indexOf("=");
      if (eq < 1) return `--attr must look like key=value, got "${value}"`;
      flags.attributes[value.slice(0, eq)] = parseScalar(value.slice(eq + 1));
    } else return `unknown option ${name}`;
  }
  return flags;
}

const parseScalar = (v: string) => (v === "true" ? true : v === "false" ? false : v !== "" && Number.isFinite(Number(v)) ? Number(v) : v);

async function loadConfig(file: string, io: CliIo): Promise<ValidationResult | number> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (e) {
    io.err(`npskit: cannot read ${file}: ${(e as Error).message}`);
    return 2;
  }
  try {
    return validateConfig(JSON.parse(text));
  } catch (e) {
    io.err(`✗ ${file} is not valid JSON: ${(e as Error).message}`);
    return 1;
  }
}

const bullet = (p: ConfigProblem) => `  - ${p.message}`;

function reportValidation(file: string, result: ValidationResult, json: boolean, io: CliIo): number {
  if (json) {
    io.out(JSON.stringify(result.ok ? { ok: true, warnings: result.warnings } : result, null, 2));
    return result.ok ? 0 : 1;
  }
  if (result.ok) {
    const n = result.config.surveys.length;
    io.out(`✓ ${file} is valid (${n} survey${n === 1 ? "" : "s"})`);
  } else {
    io.err(`✗ ${file} has ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}:`);
    result.problems.forEach((p) => io.err(bullet(p)));
  }
  if (result.warnings.length) {
    io.err(`${result.warnings.length} warning${result.warnings.length === 1 ? "" : "s"}:`);
    result.warnings.forEach((w) => io.err(bullet(w)));
  }
  return result.ok ? 0 : 1;
}

function runSimulation(result: Extract<ValidationResult, { ok: true }>, flags: Flags, io: CliIo): number {
  const context = {
    ...(flags.url === undefined ? {} : { url: flags.url }),
    ...(flags.device === undefined ? {} : { device: flags.device }),
    ...(flags.locale === undefined ? {} : { locale: flags.locale }),
  };
  const simulation = simulate(result.config, { users: flags.users, now: flags.now ?? io.now(), context, attributes: flags.attributes });
  if (flags.json) io.out(JSON.stringify(simulation, null, 2));
  else printSimulation(simulation, context, io);
  result.warnings.forEach((w) => io.err(`warning: ${w.message}`));
  return 0;
}

const REASON_COLUMNS: ReadonlyArray<[CheckCode, string]> = [
  ["schedule", "schedule"], ["url", "page"], ["device", "device"], ["locale", "locale"],
  ["attributes", "attributes"], ["sample", "sampled out"],
];

const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;
const mix = (choices: ReadonlyArray<readonly [string, number]>) => choices.map(([v, w]) => `${v} ${Math.round(w * 100)}%`).join(", ");

function printSimulation(sim: Simulation, context: Record<string, string>, io: CliIo): void {
  io.out(`Simulated ${sim.users.toLocaleString("en-US")} new users at ${sim.now}, each survey's trigger firing once.`);
  const pages = SIMULATED_TRAFFIC.urls.map(([url, w]) => [new URL(url).pathname, w] as const);
  io.out(`  pages:   ${context.url ?? `${new URL(SIMULATED_TRAFFIC.urls[0]![0]).origin} ${mix(pages)}`}`);
  io.out(`  devices: ${context.device ?? mix(SIMULATED_TRAFFIC.devices)}`);
  io.out(`  locales: ${context.locale ?? mix(SIMULATED_TRAFFIC.locales)}`);
  io.out("");
  const header = ["survey", "shown", "excluded", ...REASON_COLUMNS.map(([, label]) => label)];
  const rows = sim.surveys.map((s) => [
    s.surveyId,
    `${s.shown} (${pct(s.shown, sim.users)})`,
    `${s.excluded} (${pct(s.excluded, sim.users)})`,
    ...REASON_COLUMNS.map(([code]) => String(s.byReason[code] ?? 0)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ").trimEnd();
  io.out(line(header));
  rows.forEach((r) => io.out(line(r)));
  io.out("");
  io.out("A user excluded by several rules counts in each of their columns.");
}
