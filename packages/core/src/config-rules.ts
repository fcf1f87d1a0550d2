// Rules that relate fields of a config, which JSON Schema cannot say (and config.schema.json does
// not carry). They read the raw input defensively, so they still report when other fields are malformed.
import { problem, type Issue, type Path } from "./config-messages.js";
import { DAY_OPS, LIST_OPS, ORDER_OPS } from "./config-constants.js";
import { CATEGORIES } from "./kinds.js";
import { scheduleEndMs, scheduleStartMs, toEpochMs } from "./dates.js";
import { unknownKeyMessage } from "./config-warnings.js";
import { isRecord, type Dict } from "./values.js";

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export interface RuleOptions {
  /** A transport function was passed in code, so no endpoint is needed. */
  hasTransport?: boolean;
}

export function configRuleProblems(config: unknown, options: RuleOptions = {}): Issue[] {
  if (!isRecord(config)) return [];
  const out: Issue[] = [];
  if (config.endpoint === undefined && config.configUrl === undefined && !options.hasTransport) {
    out.push(problem(["endpoint"], "is required (or set configUrl, or pass a transport function in code)"));
  }
  const firstIndexOf = new Map<unknown, number>();
  list(config.surveys).forEach((survey, i) => {
    if (!isRecord(survey)) return;
    const seen = firstIndexOf.get(survey.id);
    if (typeof survey.id === "string" && seen !== undefined) {
      out.push(
        problem(["surveys", i, "id"], `"${survey.id}" is already used by surveys[${seen}]; survey ids must be unique`),
      );
    } else firstIndexOf.set(survey.id, i);
    out.push(...surveyRuleProblems(survey, ["surveys", i]));
  });
  return out;
}

function surveyRuleProblems(survey: Dict, at: Path): Issue[] {
  const out: Issue[] = [];
  const { trigger, followUp, schedule, audience } = survey;
  if (isRecord(trigger)) {
    const hasEvent = trigger.event !== undefined;
    if (hasEvent === (trigger.pageview !== undefined)) {
      out.push(problem([...at, "trigger"], 'needs exactly one of "pageview": true or "event": "<event name>"'));
    } else if (!hasEvent && trigger.properties !== undefined) {
      out.push(problem([...at, "trigger", "properties"], 'only applies to an "event" trigger'));
    }
  }
  if (isRecord(followUp)) {
    for (const key of Object.keys(followUp)) {
      if (!(CATEGORIES as readonly string[]).includes(key)) {
        out.push(problem([...at, "followUp", key], unknownKeyMessage(key, CATEGORIES, "is not a category")));
      }
    }
  }
  if (isRecord(schedule)) out.push(...scheduleProblems(schedule, [...at, "schedule"]));
  if (isRecord(audience)) {
    list(audience.attributes).forEach(
      (c, j) => isRecord(c) && out.push(...conditionProblems(c, [...at, "audience", "attributes", j])),
    );
  }
  return out;
}

function scheduleProblems(schedule: Dict, at: Path): Issue[] {
  const out: Issue[] = [];
  const ms = (key: "start" | "end") => {
    const v = schedule[key];
    if (typeof v !== "string") return undefined;
    const t = key === "start" ? scheduleStartMs(v) : scheduleEndMs(v);
    // A well-formed but impossible date ("2026-02-30"); malformed ones are the schema's to report.
    if (t === undefined && /^\d{4}-\d{2}-\d{2}/.test(v))
      out.push(problem([...at, key], `is not a real date, got "${v}"`));
    return t;
  };
  const start = ms("start");
  const end = ms("end");
  if (start !== undefined && end !== undefined && start >= end) {
    out.push(problem([...at, "end"], `must be after start (${schedule.start}), got "${schedule.end}"`));
  }
  return out;
}

const isScalar = (v: unknown) => ["string", "number", "boolean"].includes(typeof v);

/** What each attribute op needs as its value: [ops, check, what to say when it does not fit]. */
const VALUE_RULES: ReadonlyArray<readonly [readonly string[], (v: unknown) => boolean, string]> = [
  [["exists"], (v) => v === undefined || typeof v === "boolean", "must be true or false (or left out)"],
  [LIST_OPS, Array.isArray, 'must be a list such as ["pro", "team"]'],
  [DAY_OPS, (v) => typeof v === "number" && v >= 0, "must be a number of days (0 or more)"],
  [ORDER_OPS, (v) => typeof v === "number" || toEpochMs(v) !== undefined, "must be a number or an ISO date"],
  [["contains"], isScalar, "must be text, a number or true/false"],
  [["eq", "neq"], isScalar, 'must be one text, number or true/false (use "in" for a list)'],
];

/** The problem with an attribute condition's value, if any (an unknown op is the schema's to report). */
function conditionValueProblem(op: unknown, value: unknown): string | undefined {
  const rule = VALUE_RULES.find(([ops]) => ops.includes(op as string));
  if (!rule) return undefined;
  if (value === undefined && op !== "exists") return `is required for op "${op}"`;
  return rule[1](value) ? undefined : `${rule[2]} for op "${op}"`;
}

function conditionProblems(condition: Dict, at: Path): Issue[] {
  const message = conditionValueProblem(condition.op, condition.value);
  return message ? [problem([...at, "value"], message)] : [];
}
