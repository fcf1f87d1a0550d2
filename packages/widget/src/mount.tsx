// mountSurvey: the widget's seam. It shows one survey and reports through callbacks; it stores
// and sends nothing.
import { render } from "preact";
import { copyFor, isRtl, negotiate } from "./i18n.js";
import { createHost } from "./shadow.js";
import { CSS } from "./styles.js";
import { Survey } from "./Survey.js";
import { themeCss } from "./theme.js";
import type { MountOptions, SurveyHandle } from "./types.js";

/** How long the thank-you stays before the widget closes itself. */
export const THANKS_MS = 4000;

/** Callbacks belong to the integration: their errors are logged, never thrown into the page. */
function report(callback: (() => void) | undefined) {
  try {
    callback?.();
  } catch (error) {
    console.error("[npskit]", error);
  }
}

/** The element that has focus, looking inside open shadow roots. */
function focusedElement(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

export function mountSurvey(options: MountOptions): SurveyHandle {
  const { survey, theme = {} } = options;
  const lang = negotiate(options.locale ?? navigator.language);
  const previous = focusedElement();
  const { host, root } = createHost(options.parent ?? document.body, [CSS, themeCss(theme)]);
  let score = 0;
  let completed = false;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const close = () => {
    if (closed) return;
    closed = true;
    clearTimeout(timer);
    // Give focus back only if it is still ours: the person may have moved on in the page.
    const hadFocus = root.activeElement !== null;
    render(null, root);
    host.remove();
    if (hadFocus && previous instanceof HTMLElement && previous.isConnected) previous.focus({ preventScroll: true });
  };

  render(
    <Survey
      kind={survey.kind}
      copy={copyFor(survey, lang, options.product)}
      lang={lang}
      rtl={isRtl(lang)}
      position={theme.position}
      onPick={(n) => {
        score = n;
        report(() => options.onScore(n));
      }}
      onSend={(comment) => {
        completed = true;
        timer = setTimeout(close, THANKS_MS);
        report(() => options.onComplete({ score, comment }));
      }}
      onDismiss={() => {
        if (!completed) report(options.onDismiss);
        close();
      }}
    />,
    root,
  );
  root.querySelector<HTMLElement>("[tabindex='0']")?.focus({ preventScroll: true });
  report(options.onShown);
  return { close };
}
