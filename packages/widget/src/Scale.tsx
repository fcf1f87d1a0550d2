// The scores: a group of toggle buttons, each its own tab stop, so Tab alone reaches every one
// (README: why not a radio group). Arrows, Home and End move between them too; Enter, Space or a
// click picks, and the picked one is aria-pressed. The scale comes in two halves (0–5, 6–10) that
// sit in one row, or in two rows when the dialog is narrow (styles.ts).
import { SCALES, type SurveyKind } from "@npskit/core/runtime";
import type { Copy } from "./i18n.js";

interface ScaleProps {
  kind: SurveyKind;
  copy: Copy;
  rtl: boolean;
  value: number | undefined;
  onPick(score: number): void;
}

const STEPS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

export function Scale({ kind, copy, rtl, value, onPick }: ScaleProps) {
  const [min, max] = SCALES[kind];
  const scores = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  // The first half is the larger one: 0–5 / 6–10, 1–4 / 5–7, 1–3 / 4–5.
  const split = (max - min + 2) >> 1;

  const onKeyDown = (e: KeyboardEvent) => {
    const buttons = [...(e.currentTarget as HTMLElement).querySelectorAll("button")];
    const step = STEPS[e.key];
    // Horizontal arrows follow the visual order, which RTL mirrors.
    const mirror = rtl && (e.key === "ArrowLeft" || e.key === "ArrowRight") ? -1 : 1;
    const target =
      e.key === "Home"
        ? 0
        : e.key === "End"
          ? buttons.length - 1
          : step && buttons.indexOf(e.target as HTMLButtonElement) + step * mirror;
    if (target === undefined) return;
    e.preventDefault();
    // Past either end, focus stays where it is.
    buttons[target]?.focus();
  };

  const button = (n: number) => (
    <button
      type="button"
      key={n}
      aria-pressed={n === value}
      // The end buttons carry the scale labels, so the name still starts with the number.
      aria-label={n === min ? `${n}, ${copy.low}` : n === max ? `${n}, ${copy.high}` : undefined}
      onClick={() => onPick(n)}
    >
      {n}
    </button>
  );

  return (
    <div>
      {/* biome-ignore lint/a11y/useSemanticElements: a fieldset brings a border and legend rules the styles would undo */}
      <div class="s" role="group" onKeyDown={onKeyDown}>
        <div>{scores.slice(0, split).map(button)}</div>
        {/* The empty cell keeps the second row's buttons as wide as the first row's. */}
        <div>
          {scores.slice(split).map(button)}
          <i />
        </div>
      </div>
      <div class="l" aria-hidden="true">
        <span>{copy.low}</span>
        <span>{copy.high}</span>
      </div>
    </div>
  );
}
