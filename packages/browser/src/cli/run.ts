// `npskit validate config.json` and `npskit simulate config.json …`: the CLI behind bin/npskit.mjs,
// which only wires it to the process (files, console, clock). Node presentation code: it lives
// with the bin, not in @npskit/core's library.
import {
  forecast,
  observedRatesFromSummary,
  simulate,
  validateConfig,
  type ConfigProblem,
  type NpsKitConfig,
  type ObservedRates,
  type ValidationResult,
} from "@npskit/core";
import { parseJson } from "./json-source.js";
import { optionList, parseOptions, type Command, type Options } from "./options.js";
import { printForecast, printSimulation } from "./simulation-report.js";

export interface CliIo {
  readFile(path: string): Promise<string>;
  out(line: string): void;
  err(line: string): void;
  now(): number;
}

/** `words` in lines of at most about 96 characters, each starting with `indent`. */
function wrap(words: string[], indent: string): string {
  const lines = [indent];
  for (const word of words) {
    if (lines.at(-1)!.length + word.length > 96) lines.push(indent);
    lines[lines.length - 1] += (lines.at(-1) === indent ? "" : " ") + word;
  }
  return lines.join("\n");
}

export const USAGE = `Usage:
  npskit validate <config.json> [--json]
      Check a config: exit 0 when valid, 1 with every problem listed by path.
  npskit simulate <config.json> [options]
      Who would see each survey, and which rule removed how many simulated users. With observed
      rates (flags, or --summary with a collector's /api/summary JSON): answers a month, their
      margin of error, and the sample that reaches the target margin.
${wrap(
  optionList("simulate").map((o) => `[${o}]`),
  "                 ",
)}
      Observed rates: --monthly-users people a month reaching each trigger; --response-rate share
      of those shown who answer; --promoters, --detractors shares of the answers; --answers answers
      a month seen for --survey, to work out the rate not given; --summary the JSON of a collector's
      /api/summary?surveyId=…; --margin the target in NPS points (default 5).
In this repository, after \`npm run build\`: node packages/browser/bin/npskit.mjs <command> …`;

/** Run the CLI; resolves to the process exit code (0 ok, 1 invalid config, 2 bad usage). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, file, ...rest] = argv;
  if (command === "help" || command === "--help" || command === "-h") {
    io.out(USAGE);
    return 0;
  }
  const usage = (problem: string) => {
    io.err(`npskit: ${problem}`);
    io.err(USAGE);
    return 2;
  };
  if (command === undefined) return usage("which command? validate or simulate");
  if (command !== "validate" && command !== "simulate")
    return usage(`unknown command "${command}"; the commands are validate and simulate`);
  if (file === undefined || file.startsWith("--"))
    return usage(`${command}: which config file? e.g. npskit ${command} config.json`);
  const options = parseOptions(command, rest);
  if (typeof options === "string") {
    io.err(`npskit ${command}: ${options}`);
    return 2;
  }
  const loaded = await readJson(file, io);
  if (typeof loaded === "number") return loaded;
  const result = validateConfig(loaded.value);
  if (command === "validate" || !result.ok) return reportValidation(file, result, options.json, io);
  return runSimulation(command, result.config, options, io).then((code) => {
    result.warnings.forEach((w) => io.err(`warning: ${w.message}`));
    return code;
  });
}

async function readJson(file: string, io: CliIo): Promise<{ value: unknown } | number> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (e) {
    io.err(`npskit: cannot read ${file}: ${(e as Error).message}`);
    return 2;
  }
  const parsed = parseJson(text, file);
  if (parsed.ok) return parsed;
  parsed.lines.forEach((l) => io.err(l));
  return 1;
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

async function runSimulation(command: Command, config: NpsKitConfig, options: Options, io: CliIo): Promise<number> {
  const problem = attributeProblem(config, options);
  if (problem) {
    io.err(`npskit ${command}: ${problem}`);
    return 2;
  }
  const now = options.now ?? io.now();
  const context = {
    ...(options.url === undefined ? {} : { url: options.url }),
    ...(options.device === undefined ? {} : { device: options.device }),
    ...(options.locale === undefined ? {} : { locale: options.locale }),
  };
  const settings = { users: options.users, now, context, attributes: options.attributes };
  const simulation = simulate(config, settings);

  const observed = await observedRates(options, now, io);
  if (typeof observed === "number") return observed;
  const predicted =
    observed &&
    forecast(config, observed.rates, {
      ...settings,
      ...(options.margin === undefined ? {} : { targetMargin: options.margin }),
    });
  if (predicted && "problem" in predicted) {
    io.err(`npskit ${command}: ${predicted.problem}`);
    return 2;
  }
  if (options.json) {
    io.out(JSON.stringify(predicted ? { ...simulation, forecast: predicted } : simulation, null, 2));
    return 0;
  }
  printSimulation(simulation, config, { ...context, attributes: options.attributes }, now, io.out);
  if (predicted) printForecast(predicted, observed.source, io.out);
  else
    io.out(
      "How many answers a month, and how precise? Add --monthly-users N --response-rate 0.15, or --summary summary.json.",
    );
  return 0;
}

/** `--attr` keys must be ones the config's rules read: a typo would silently change nothing. */
function attributeProblem(config: NpsKitConfig, options: Options): string | undefined {
  const used = [...new Set(config.surveys.flatMap((s) => s.audience.attributes.map((a) => a.key)))];
  const unknown = Object.keys(options.attributes).filter((k) => !used.includes(k));
  if (!unknown.length) return undefined;
  const keys = unknown.map((k) => `"${k}"`).join(", ");
  return used.length
    ? `--attr ${keys}: no survey has a rule on it; the rules use ${used.join(", ")}`
    : `--attr ${keys}: no survey has attribute rules, so --attr changes nothing`;
}

/** Flags win over the summary file; undefined when no observed rate was given at all. */
async function observedRates(
  options: Options,
  now: number,
  io: CliIo,
): Promise<{ rates: ObservedRates; source: string } | undefined | number> {
  let rates: ObservedRates = {};
  const sources: string[] = [];
  if (options.summary !== undefined) {
    const loaded = await readJson(options.summary, io);
    if (typeof loaded === "number") return loaded;
    rates = observedRatesFromSummary(loaded.value, now);
    const found = Object.keys(rates).filter((k) => k !== "surveyId");
    if (!found.length) {
      io.err(
        `npskit simulate: ${options.summary} has none of nps, trend (period month) or responseRate: is it a collector's /api/summary JSON?`,
      );
      return 2;
    }
    sources.push(`${options.summary}: ${found.join(", ")}`);
  }
  const flags: ObservedRates = {
    ...(options.monthlyUsers === undefined ? {} : { monthlyUsers: options.monthlyUsers }),
    ...(options.responseRate === undefined ? {} : { responseRate: options.responseRate }),
    ...(options.promoters === undefined ? {} : { promoters: options.promoters }),
    ...(options.detractors === undefined ? {} : { detractors: options.detractors }),
    ...(options.answers === undefined ? {} : { answersPerMonth: options.answers }),
    ...(options.survey === undefined ? {} : { surveyId: options.survey }),
  };
  if (Object.keys(flags).length) sources.push(`flags: ${Object.keys(flags).join(", ")}`);
  if (!sources.length) return undefined;
  return { rates: { ...rates, ...flags }, source: sources.join("; ") };
}
