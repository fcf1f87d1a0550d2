import type { Category, SurveyKind } from "@npskit/core";

/**
 * The survey fields the widget reads (CONTRACT §3). Declared here until core's config schema
 * exports `SurveyConfig`; then this becomes a `Pick` of it.
 */
export interface WidgetSurvey {
  id: string;
  kind: SurveyKind;
  question?: string | undefined;
  followUp?: Partial<Record<Category, string | undefined>> | undefined;
  thankYou?: string | undefined;
}

export interface WidgetTheme {
  mode?: "auto" | "light" | "dark" | undefined;
  /** `#rgb` or `#rrggbb`; anything else falls back to the default accent. */
  accent?: string | undefined;
  position?: "bottom-right" | "bottom-left" | "center" | undefined;
  /** Corner radius in px. */
  radius?: number | undefined;
  font?: string | undefined;
}

export interface MountOptions {
  survey: WidgetSurvey;
  /** BCP 47 tag; defaults to navigator.language. `de-AT` → German, unknown → English. */
  locale?: string | undefined;
  theme?: WidgetTheme | undefined;
  /** Replaces `{product}` in the texts; defaults to a localized "us" / "our product". */
  product?: string | undefined;
  /** Where the host element is appended; default document.body. */
  parent?: Element | undefined;
  onShown?: (() => void) | undefined;
  /** A score was picked (a partial answer); may be called again if the person changes it. */
  onScore: (score: number) => void;
  onComplete: (answer: { score: number; comment: string }) => void;
  /** Closed (button, Escape, backdrop) before completing, whether or not a score was picked. */
  onDismiss: () => void;
}

export interface SurveyHandle {
  /** Remove the widget without reporting anything. */
  close(): void;
}
