// The follow-up question: a labelled textbox with a visible length counter, and Send.
import type { Copy } from "./i18n.js";

export const MAX_COMMENT = 1000;

// The dialog scrolls to the comment box if it has to (a small screen, a large font).
const focusOnMount = (el: HTMLElement | null) => el?.focus();

interface FollowUpProps {
  label: string;
  copy: Copy;
  comment: string;
  /** The remaining length, for screen readers (mount.tsx decides when). */
  left: string | undefined;
  onInput(text: string): void;
  onSend(): void;
}

export function FollowUp({ label, copy, comment, left, onInput, onSend }: FollowUpProps) {
  const submit = (e: Event) => {
    e.preventDefault();
    onSend();
  };

  return (
    <form onSubmit={submit}>
      <label for="c">{label}</label>
      <textarea
        id="c"
        dir="auto"
        ref={focusOnMount}
        maxLength={MAX_COMMENT}
        aria-describedby="n"
        value={comment}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <div class="f">
        <span id="n">{`${comment.length}/${MAX_COMMENT}`}</span>
        <button type="submit" class="snd">
          {copy.send}
        </button>
      </div>
      <span class="sr" aria-live="polite">
        {left}
      </span>
    </form>
  );
}
