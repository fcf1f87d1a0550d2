// mountSurvey: the widget's seam. It shows one survey and reports through callbacks; it stores
// and sends nothing.
import { render } from "preact";
import { MAX_COMMENT } from "./FollowUp.js";
import { copyFor, fill, isRtl, loadTexts, negotiate } from "./i18n.js";
import { createHost } from "./shadow.js";
import { CSS } from "./styles.js";
import { Survey, type SurveyState } from "./Survey.js";
import { themeCss } from "./theme.js";
import type { MountOptions, SurveyHandle } from "./types.js";

/** How long the thank-you stays before the widget closes itself. */
export const THANKS_MS = 4000;
/** Screen readers hear the remaining comment length only near the limit, once typing pauses. */
const ANNOUNCE_BELOW = 100;
const ANNOUNCE_AFTER_MS = 800;

/** Errors (ours or the integration's callbacks) are logged, never thrown into the page. */
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

/**
 * Show the survey, in three tasks: its host and styles, the first render, then the focus (which
 * forces style and layout). Together they would block a slow phone for more than 50 ms.
 * Returns the function that removes it.
 */
function show(options: MountOptions, lang: string, texts: string): () => void {
  const { survey, theme = {} } = options;
  const previous = focusedElement();
  const { host, root } = createHost(options.parent ?? document.documentElement, [CSS, themeCss(theme)]);
  let closed = false;
  // The one pending timer: the remaining-length announcement while typing, then the thank-you's close.
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A step runs in a later task, guarded like the rest: a failure is logged, never thrown.
  const later = (step: () => void) => setTimeout(() => closed || report(step));
  const focusDialog = () => root.querySelector<HTMLElement>(".d")!.focus({ preventScroll: true });

  const close = () => {
    if (closed) return;
    closed = true;
    clearTimeout(timer);
    // Give focus back only if it is still ours: the person may have moved on in the page.
    const hadFocus = root.activeElement !== null;
    render(null, root);
    host.remove();
    // (An element removed from the page meanwhile ignores focus().)
    if (hadFocus) (previous as HTMLElement | null)?.focus({ preventScroll: true });
  };

  const copy = copyFor(survey, texts, options.product);
  // The survey's state: every change renders the dialog again (Preact diffs the tree).
  const state: SurveyState = { comment: "" };
  const update = (change: Partial<SurveyState>) => {
    Object.assign(state, change);
    render(
      <Survey
        kind={survey.kind}
        copy={copy}
        {...state}
        lang={lang}
        rtl={isRtl(lang)}
        position={theme.position}
        onPick={(score) => {
          update({ score });
          report(() => options.onScore(score));
        }}
        onComment={(comment) => {
          const left = MAX_COMMENT - comment.length;
          clearTimeout(timer);
          if (left > ANNOUNCE_BELOW) return update({ comment, left: "" });
          update({ comment });
          timer = setTimeout(() => update({ left: fill(copy.left, "n", `${left}`) }), ANNOUNCE_AFTER_MS);
        }}
        onSend={() => {
          update({ done: true });
          // The focused Send button is gone: keep focus inside, so it can be returned on close.
          focusDialog();
          clearTimeout(timer);
          timer = setTimeout(close, THANKS_MS);
          report(() => options.onComplete({ score: state.score!, comment: state.comment.trim() }));
        }}
        onDismiss={() => {
          if (!state.done) report(options.onDismiss);
          close();
        }}
      />,
      root,
    );
  };
  later(() => {
    update({}); // the first render
    // Focus the dialog itself, not a score: a ring on "0" would read as a suggested answer. Someone
    // typing in the page keeps their focus (unless the survey is a modal that blocks the page) and
    // hears the question instead.
    later(() => {
      if (theme.position === "center" || !focusedElement()?.matches(":read-write")) focusDialog();
      else update({ notice: copy.question });
      report(options.onShown);
    });
  });
  return close;
}

/**
 * Show one survey (after its language's texts arrive, usually at once) and report through the
 * callbacks. `close()` removes it silently, even before it appeared.
 */
export function mountSurvey(options: MountOptions): SurveyHandle {
  let closed = false;
  let close = (): void => {
    closed = true;
  };
  loadTexts(negotiate(options.locale ?? navigator.language)).then(({ lang, texts }) =>
    report(() => {
      if (!closed) close = show(options, lang, texts);
    }),
  );
  return { close: () => close() };
}
