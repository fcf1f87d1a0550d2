// The dialog: question, scale, follow-up by category, thank-you; Escape and Close dismiss.
import { categoryOf, type SurveyKind } from "@npskit/core/runtime";
import { useSignal, type Signal } from "@preact/signals";
import { FollowUp } from "./FollowUp.js";
import type { Copy } from "./i18n.js";
import { Scale } from "./Scale.js";
import type { WidgetTheme } from "./types.js";

export interface SurveyProps {
  kind: SurveyKind;
  copy: Copy;
  lang: string;
  rtl: boolean;
  position: WidgetTheme["position"];
  /** Said politely when the survey appears without taking focus (someone is typing in the page). */
  notice: Signal<string>;
  onPick(score: number): void;
  onSend(comment: string): void;
  onDismiss(): void;
}

/** Keep Tab inside a modal dialog: wrap from the last control to the first and back. */
function trapTab(e: KeyboardEvent, dialog: HTMLElement) {
  const controls = [...dialog.querySelectorAll<HTMLElement>("button,textarea")].filter((el) => el.tabIndex >= 0);
  const active = (dialog.getRootNode() as ShadowRoot).activeElement;
  const edge = e.shiftKey ? [controls[0], dialog] : [controls[controls.length - 1]];
  if (edge.includes(active as HTMLElement)) {
    e.preventDefault();
    controls[e.shiftKey ? controls.length - 1 : 0]?.focus();
  }
}

export function Survey({ kind, copy, lang, rtl, position = "bottom-right", notice, onPick, onSend, onDismiss }: SurveyProps) {
  const score = useSignal<number | null>(null);
  const done = useSignal(false);
  const modal = position === "center";

  const pick = (n: number) => {
    score.value = n;
    onPick(n);
  };
  const send = (comment: string) => {
    done.value = true;
    onSend(comment);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      onDismiss();
    } else if (modal && e.key === "Tab") trapTab(e, e.currentTarget as HTMLElement);
  };

  return (
    <div class={`w ${position}`} lang={lang} dir={rtl ? "rtl" : "ltr"}>
      {modal && <div class="bd" onClick={onDismiss} />}
      <div
        class="d"
        role="dialog"
        aria-modal={modal || undefined}
        aria-labelledby={done.value ? "t" : "q"}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        {!done.value && (
          <>
            <h2 id="q">{copy.question}</h2>
            <Scale kind={kind} copy={copy} rtl={rtl} value={score.value} onPick={pick} />
            {score.value !== null && <FollowUp label={copy[categoryOf(kind, score.value)]} copy={copy} onSend={send} />}
          </>
        )}
        {/* Present from the start so the thank-you is announced when it appears. */}
        <div role="status" id="t">
          {done.value ? <p>{copy.thanks}</p> : <span class="sr">{notice}</span>}
        </div>
        <button type="button" class="x" aria-label={copy.close} onClick={onDismiss}>
          ×
        </button>
      </div>
    </div>
  );
}
