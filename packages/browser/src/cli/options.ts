// The options of each command: parsed from argv, every unknown option or value an error that
// lists the valid ones (a typo must never be silently ignored).
import { DEVICES, type DeviceClass } from "@npskit/core";
import { toEpochMs } from "@npskit/core/runtime";

export interface Options {
  json: boolean;
  users: number;
  url?: string;
  device?: DeviceClass;
  locale?: string;
  now?: number;
  attributes: Record<string, string | number | boolean>;
  // Observed rates for the forecast.
  monthlyUsers?: number;
  responseRate?: number;
  promoters?: number;
  detractors?: number;
  answers?: number;
  survey?: string;
  summary?: string;
  margin?: number;
}

type Setter = (options: Options, value: string) => string | undefined;

interface OptionSpec {
  /** Shown in usage and in the list of valid options. */
  value?: string;
  set: Setter;
}

const whole =
  (name: string, min: number, max: number, set: (o: Options, n: number) => void): Setter =>
  (o, value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      return `${name} must be a whole number from ${min} to ${max}, got "${value}"`;
    set(o, n);
  };

/** A share as 0.14 or 14%. */
const share =
  (name: string, set: (o: Options, n: number) => void): Setter =>
  (o, value) => {
    const n = value.endsWith("%") ? Number(value.slice(0, -1)) / 100 : Number(value);
    if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 1)
      return `${name} must be a share such as 0.14 or 14%, got "${value}"`;
    set(o, n);
  };

const COMMON: Record<string, OptionSpec> = {
  "--json": { set: (o) => void (o.json = true) },
};

const SIMULATE: Record<string, OptionSpec> = {
  "--users": { value: "10000", set: whole("--users", 1, 10_000_000, (o, n) => (o.users = n)) },
  "--url": {
    value: "/app/settings",
    set(o, value) {
      if (!/^(\/|https?:\/\/)/.test(value))
        return `--url must be a path such as /app/settings or a full http(s) URL, got "${value}"`;
      o.url = value;
    },
  },
  "--device": {
    value: DEVICES.join("|"),
    set(o, value) {
      if (!(DEVICES as readonly string[]).includes(value))
        return `--device must be one of ${DEVICES.join(", ")}, got "${value}"`;
      o.device = value as DeviceClass;
    },
  },
  "--locale": {
    value: "de-DE",
    set(o, value) {
      if (!knownLocale(value))
        return `--locale must be a language tag a browser reports, such as en-US, de-DE, fr-FR, es-ES, pt-BR, ja-JP, ar-SA; got "${value}"`;
      o.locale = value;
    },
  },
  "--attr": {
    value: "key=value",
    set(o, value) {
      const eq = value.indexOf("=");
      if (eq < 1) return `--attr must look like key=value (e.g. --attr plan=pro), got "${value}"`;
      o.attributes[value.slice(0, eq)] = scalar(value.slice(eq + 1));
    },
  },
  "--now": {
    value: "2026-12-01",
    set(o, value) {
      const now = toEpochMs(value);
      if (now === undefined) return `--now must be an ISO date such as 2026-12-01, got "${value}"`;
      o.now = now;
    },
  },
  "--monthly-users": { value: "N", set: whole("--monthly-users", 0, 1e12, (o, n) => (o.monthlyUsers = n)) },
  "--response-rate": { value: "0.15", set: share("--response-rate", (o, n) => (o.responseRate = n)) },
  "--promoters": { value: "0.45", set: share("--promoters", (o, n) => (o.promoters = n)) },
  "--detractors": { value: "0.2", set: share("--detractors", (o, n) => (o.detractors = n)) },
  "--answers": { value: "N", set: whole("--answers", 0, 1e12, (o, n) => (o.answers = n)) },
  "--survey": { value: "ID", set: (o, value) => void (o.survey = value) },
  "--summary": { value: "summary.json", set: (o, value) => void (o.summary = value) },
  "--margin": {
    value: "5",
    set(o, value) {
      const n = Number(value);
      if (!(n > 0 && n <= 200)) return `--margin must be a number of NPS points above 0 (such as 5), got "${value}"`;
      o.margin = n;
    },
  },
};

export const COMMANDS = {
  validate: { ...COMMON },
  simulate: { ...SIMULATE, ...COMMON },
} satisfies Record<string, Record<string, OptionSpec>>;

export type Command = keyof typeof COMMANDS;

/** "--users 10000 --url /app/settings …", for the usage text. */
export const optionList = (command: Command) =>
  Object.entries(COMMANDS[command] as Record<string, OptionSpec>).map(([name, spec]) =>
    spec.value ? `${name} ${spec.value}` : name,
  );

/** The options after `<config.json>` (`--name value` or `--name=value`), or what is wrong with them. */
export function parseOptions(command: Command, args: readonly string[]): Options | string {
  const specs: Record<string, OptionSpec> = COMMANDS[command];
  const options: Options = { json: false, users: 10_000, attributes: {} };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const spec = specs[name];
    const valid = `valid options for ${command}: ${Object.keys(specs).join(", ")}`;
    if (!spec)
      return name.startsWith("-")
        ? `unknown option ${name}; ${valid}`
        : `unexpected argument "${arg}" (one config file at a time); ${valid}`;
    if (!spec.value) {
      if (inline !== undefined) return `${name} takes no value`;
      spec.set(options, "");
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined || (inline === undefined && value.startsWith("--")))
      return `${name} needs a value, such as ${name} ${spec.value}`;
    const problem = spec.set(options, value);
    if (problem) return problem;
  }
  return options;
}

const scalar = (v: string) =>
  v === "true" ? true : v === "false" ? false : v !== "" && Number.isFinite(Number(v)) ? Number(v) : v;

/** A well-formed tag whose language (and region, if any) Intl knows: "xx" and "en-XX" are not. */
function knownLocale(tag: string): boolean {
  try {
    return new Intl.DisplayNames(["en"], { type: "language", fallback: "none" }).of(tag) !== undefined;
  } catch {
    return false;
  }
}
