// Test page script: exposes mountSurvey with callbacks that record what the widget reports, and
// records CSP violations. Served as a module so the page itself needs no inline script.
import { mountSurvey, type MountOptions } from "@npskit/widget";

type Options = Omit<MountOptions, "onScore" | "onComplete" | "onDismiss" | "onShown">;

const events: unknown[][] = [];
const violations: string[] = [];
document.addEventListener("securitypolicyviolation", (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));

Object.assign(window, {
  widget: {
    events,
    violations,
    show(options: Options) {
      return mountSurvey({
        ...options,
        onShown: () => events.push(["shown"]),
        onScore: (score) => events.push(["score", score]),
        onComplete: (answer) => events.push(["complete", answer]),
        onDismiss: () => events.push(["dismiss"]),
      });
    },
  },
});
