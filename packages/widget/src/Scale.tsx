// The score buttons: one tab stop (roving tabindex), arrows/Home/End move focus, Enter/Space or a
// click picks. Buttons rather than radios, because picking moves on to the follow-up question.
import { SCALES, type SurveyKind } from "@npskit/core/runtime";
import { useSignal } from "@preact/signals";
import type { Copy } from "./i18n.js";

interface ScaleProps {
  kind: SurveyKind;
  copy: Copy;
  rtl: boolean;
  value: number | null;
  onPick(score: number): void;
}

const STEPS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

export function Scale({ kind, copy, rtl, value, onPick }: ScaleProps) {
  const [min, max] = SCALES[kind];
  const tabStop = useSignal(value ?? min);
  const scores = Array.from({ length: max - min + 1 }, (_, i) => min + i);

  const onKeyDown = (e: KeyboardEvent) => {
    const step = STEPS[e.key];
    // Horizontal arrows follow the visual order, which RTL mirrors.
    const mirror = rtl && (e.key === "ArrowLeft" || e.key === "ArrowRight") ? -1 : 1;
    const target = e.key === "Home" ? min : e.key === "End" ? max : step && tabStop.value + step * mirror;
    if (target === undefined) return;
    e.preventDefault();
    const group = e.currentTarget as HTMLElement;
    (group.children[Math.min(max, Math.max(min, target)) - min] as HTMLElement).focus();
  };

  return (
    <div>
      <div class="s" role="group" onKeyDown={onKeyDown}>
        {scores.map((n) => (
          <button
            type="button"
            key={n}
            tabIndex={n === tabStop.value ? 0 : -1}
            aria-pressed={n === value}
            // The end buttons carry the scale labels, so the name still starts with the number.
            aria-label={n === min ? `${n}, ${copy.low}` : n === max ? `${n}, ${copy.high}` : undefined}
            onFocus={() => (tabStop.value = n)}
            onClick={() => onPick(n)}
          >
            {n}
          </button>
        ))}
      </div>
      <div class="l" aria-hidden="true">
        <span>{copy.low}</span>
        <span>{copy.high}</span>
      </div>
    </div>
  );
}
