import type { SurveyConfig, ThemeConfig } from "@npskit/core/runtime";

/** The survey fields the widget reads; a whole SurveyConfig fits. */
export type WidgetSurvey = Pick<SurveyConfig, "id" | "kind"> &
  Partial<Pick<SurveyConfig, "question" | "followUp" | "thankYou">>;

/** Theme (CONTRACT §3); absent fields take their defaults. */
export type WidgetTheme = Partial<ThemeConfig>;

export interface MountOptions {
  survey: WidgetSurvey;
  /** BCP 47 tag; defaults to navigator.language. `de-AT` → German, unknown → English. */
  locale?: string | undefined;
  theme?: WidgetTheme | undefined;
  /** Replaces `{product}` in the texts; defaults to a localized "us" / "our product". */
  product?: string | undefined;
  /** Where the host element is appended; default <html> (see shadow.ts). */
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
