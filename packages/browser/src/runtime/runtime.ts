// The running SDK after a valid init: decides (core's engine), asks (widget, via the presenter)
// and delivers (client, via the session). One survey at a time; a delayed survey is decided
// again when its delay ends, so it never appears after the person left the page it targets.
// When calls run is not decided here: the instance calls these methods in order, after load().
import {
  decide,
  deviceClassOf,
  pickSurvey,
  randomId,
  type EngineContext,
  type NpsKitConfig,
  type SurveyConfig,
  type TargetingEvent,
} from "@npskit/core/runtime";
import type { EventName, Explanation, NpsKit } from "../api.js";
import { nextTask, whenIdle } from "./idle.js";
import { createDelays } from "./delays.js";
import type { Report } from "../sdk/safe-calls.js";
import { watchNavigation } from "./navigation.js";
import { createPresenter } from "./presenter.js";
import { createSession, type Session } from "./session.js";
import type { LazyParts } from "../lazy-parts.js";

export interface RuntimeEnv {
  win: Window;
  parts: LazyParts;
  emit: (name: EventName, payload?: unknown) => void;
  report: Report;
  /** Runs `fn` after every call made before it (the instance's order): for page views from navigation. */
  queue: (where: string, fn: (runtime: Runtime) => unknown) => void;
}

/**
 * The running SDK implements the public API itself, but for what the instance keeps (init, and the
 * listeners, which work before init too). Methods that change state return the promise of their
 * work, so the instance runs the next call after it; and the runtime's own lifecycle is added.
 */
export interface Runtime extends Omit<NpsKit, "init" | "on" | "off"> {
  /** Loads the person's state in idle time and applies the identity given so far; emits `ready`. */
  load(): Promise<void>;
  identify(...args: Parameters<NpsKit["identify"]>): Promise<void>;
  show(...args: Parameters<NpsKit["show"]>): Promise<void>;
  consent(granted: boolean): Promise<void>;
  reset(): Promise<void>;
  /** Removes any survey and stops waiting delays at once (reset, destroy). */
  close(): void;
}

const PREFETCH_AFTER_MS = 3000;

export function startRuntime(config: NpsKitConfig, env: RuntimeEnv): Runtime {
  const { win, emit, report } = env;
  const now = () => Date.now(); // read at each use: tests move the browser's clock
  const locale = () => config.locale || win.navigator.language || "en";
  const session = createSession(config, { ...env, loadClient: env.parts.client, loadStorage: env.parts.storage });
  const delays = createDelays(win);
  const presenter = surveyPresenter(config, env, session, locale);
  // Absent fields are undefined here, which the engine reads as "none".
  const context = (event?: TargetingEvent) =>
    ({
      url: win.location.href,
      device: deviceClassOf(win.navigator.userAgent, win.innerWidth, win.navigator.maxTouchPoints),
      locale: locale(),
      event,
      visibleSurveyId: presenter.showing(),
    }) as EngineContext;
  let stopped = false;
  // Debug mode: every decision also goes to the debug chunk, which holds all of its messages.
  const debugLog =
    (config.debug || /[?&]npskit_debug=1(?:&|$)/.test(win.location.search)) &&
    env.parts.debug().then(
      (create) => create(config),
      (e: unknown) => void report("debug", e),
    );

  /** Fetches the UI chunk in idle time (a failure is retried when the survey shows). */
  const preload = () => whenIdle(win, () => void env.parts.ui().catch(() => {}));

  function display(survey: SurveyConfig): void {
    if (!stopped) presenter.present(survey).catch((e: unknown) => report("show", e));
  }

  /** A page view (no event) or an event: the first eligible survey is shown, or waits its delay. */
  function consider(event?: TargetingEvent): void {
    const consent = session.canShow();
    const state = session.state();
    const where = context(event);
    const at = now();
    const decision = consent ? pickSurvey(config, state, where, at) : undefined;
    if (debugLog)
      void debugLog.then((log) => log?.({ state, context: where, now: at, consent, shown: decision?.survey.id }));
    if (!decision) return;
    const { survey } = decision;
    if (decision.delaySeconds <= 0) {
      display(survey);
      return;
    }
    preload(); // ready before the delay ends
    delays.start(survey.id, decision.delaySeconds * 1000, () => {
      if (eligible(survey, event)) display(survey);
    });
  }

  /**
   * A visitor this page could ask when an event happens (everything but the event passes): the
   * UI chunk is fetched once the page has settled (idle, a few seconds after ready, so it never
   * competes with the page's own start-up), and the survey appears without a round trip after
   * the trigger. Visitors who cannot be asked never download it.
   */
  function prefetch(): void {
    if (config.surveys.some((s) => s.trigger.event && eligible(s, asIfTriggered(s))))
      win.setTimeout(preload, PREFETCH_AFTER_MS);
  }

  const stopNavigation = watchNavigation(win, () => env.queue("page", (r) => r.page()));
  const close = () => {
    presenter.close();
    delays.cancelAll();
  };

  return {
    async load() {
      await new Promise<void>((resolve) => whenIdle(win, resolve));
      await session.load();
      emit("ready", session.who());
    },
    identify: (...args) => session.identify(...args),
    track: (name, properties) => consider({ name: String(name), properties } as TargetingEvent),
    page() {
      consider();
      prefetch();
    },
    async show(surveyId, options) {
      const survey = config.surveys.find((s) => s.id === String(surveyId));
      // "no survey with id …", reported when its words have loaded: later calls do not wait for them.
      if (!survey) return void explainNow(surveyId).then(({ reasons }) => report("show", reasons.pop()));
      if (options?.force ? session.canShow() : eligible(survey, asIfTriggered(survey))) display(survey);
    },
    explain: explainNow,
    async consent(granted) {
      await session.consent(granted === true);
      if (granted === true) consider();
      else presenter.close();
    },
    flush: () => session.flush(),
    close,
    reset: () => session.reset(),
    destroy() {
      stopped = true;
      stopNavigation();
      close();
      session.destroy();
    },
  };

  /** Whether `survey` may show now (consent, targeting, throttling) for this event or page view. */
  function eligible(survey: SurveyConfig, event?: TargetingEvent): boolean {
    return session.canShow() && decide(config, survey, session.state(), context(event), now()).eligible;
  }

  /**
   * Why a survey would (not) show now, in words (a chunk of its own: explanation.ts). An
   * event-triggered survey is judged as if its event had just happened.
   */
  async function explainNow(id: string): Promise<Explanation> {
    const surveyId = String(id);
    const survey = config.surveys.find((s) => s.id === surveyId);
    const [state, where, at, consent] = [
      session.state(),
      context(survey && asIfTriggered(survey)),
      now(),
      session.canShow(),
    ];
    const words = await env.parts.explain().catch(() => undefined);
    if (words) return words(config, surveyId, state, where, at, consent);
    // Its words could not load (offline, or a sandboxed frame that cannot fetch chunks): the same
    // verdict, each reason the code of a rule in the way.
    const reasons = survey
      ? decide(config, survey, state, where, at)
          .checks.filter((c) => !c.ok)
          .map((c) => c.code)
      : [`no survey "${surveyId}"`];
    if (!consent) reasons.unshift("consent");
    return { eligible: !reasons.length, reasons };
  }
}

/** The event an event-triggered survey waits for, as if it had just happened; a page view otherwise. */
const asIfTriggered = ({ trigger }: SurveyConfig): TargetingEvent | undefined =>
  // Absent properties are undefined here, which targeting reads as "none".
  trigger.event ? ({ name: trigger.event, properties: trigger.properties } as TargetingEvent) : undefined;

/** Shows surveys one at a time; each survey's answers go through the session (state, delivery). */
function surveyPresenter(config: NpsKitConfig, env: RuntimeEnv, session: Session, locale: () => string) {
  const { win, emit, report } = env;
  /**
   * What a survey needs before it appears: the UI. Delivery for its answers starts loading once
   * the UI has arrived (so the two downloads never compete), beside the survey's first render.
   */
  const loadUI = async () => {
    const ui = await env.parts.ui();
    // The chunk's evaluation and the first render each get their own task: together they would
    // block a slow phone for more than 50 ms.
    await nextTask(win);
    session.prepareDelivery().catch((e: unknown) => report("delivery", e));
    return ui.ask;
  };
  return createPresenter(loadUI, () => ({ config, session, win, locale, newId: randomId, emit, report }));
}
