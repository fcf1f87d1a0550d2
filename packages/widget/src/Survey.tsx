// The dialog: question, scale, follow-up by category, thank-you; Escape and Close dismiss. A view
// of the survey's state, which mount.tsx owns and renders again on every change (so the widget
// needs no hooks or component state).
import { categoryOf, type SurveyKind } from "@npskit/core/runtime";
import { FollowUp } from "./FollowUp.js";
import type { Copy } from "./i18n.js";
import { Scale } from "./Scale.js";
import type { WidgetTheme } from "./types.js";

/** What changes while the survey is shown; absent fields are not set yet. */
export interface SurveyState {
  score?: number | undefined;
  comment: string;
  done?: boolean | undefined;
  /** Said politely when the survey appears without taking focus (someone is typing in the page). */
  notice?: string | undefined;
  /** The remaining comment length, said near the limit once typing pauses. */
  left?: string | undefined;
}

export interface SurveyProps extends SurveyState {
  kind: SurveyKind;
  copy: Copy;
  lang: string;
  rtl: boolean;
  position: WidgetTheme["position"];
  onPick(score: number): void;
  onComment(text: string): void;
  onSend(): void;
  onDismiss(): void;
}

/** Keep Tab inside a modal dialog: wrap from the last control to the first and back. */
function trapTab(e: KeyboardEvent, dialog: HTMLElement) {
  const controls = [...dialog.querySelectorAll<HTMLElement>("button,textarea")];
  const edge = e.shiftKey ? [controls[0], dialog] : [controls[controls.length - 1]];
  // The target is the focused element: the listener is inside the shadow root, so not retargeted.
  if (edge.includes(e.target as HTMLElement)) {
    e.preventDefault();
    controls[e.shiftKey ? controls.length - 1 : 0]?.focus();
  }
}

export function Survey(props: SurveyProps) {
  const { kind, copy, lang, rtl, position = "bottom-right", score, done, onPick, onDismiss } = props;
  const modal = position === "center";

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      onDismiss();
    } else if (modal && e.key === "Tab") trapTab(e, e.currentTarget as HTMLElement);
  };

  return (
    <div class={`w ${position}`} lang={lang} dir={rtl ? "rtl" : "ltr"}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useKeyWithClickEvents: the backdrop is for pointers; Escape and Close do the same by keyboard */}
      {modal && <div class="bd" onClick={onDismiss} />}
      <div
        class="d"
        role="dialog"
        aria-modal={modal || undefined}
        aria-labelledby={done ? "t" : "q"}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        {!done && (
          <>
            <h2 id="q">{copy.question}</h2>
            <Scale kind={kind} copy={copy} rtl={rtl} value={score} onPick={onPick} />
            {score !== undefined && (
              <FollowUp
                label={copy[categoryOf(kind, score)]}
                copy={copy}
                comment={props.comment}
                left={props.left}
                onInput={props.onComment}
                onSend={props.onSend}
              />
            )}
          </>
        )}
        {/* Present from the start so the thank-you is announced when it appears. */}
        <div role="status" id="t">
          {done ? <p>{copy.thanks}</p> : <span class="sr">{props.notice}</span>}
        </div>
        <button type="button" class="x" aria-label={copy.close} onClick={onDismiss}>
          ×
        </button>
      </div>
    </div>
  );
}
