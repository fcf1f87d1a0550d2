// The follow-up question: a labelled textbox with a visible length counter, and Send.
import { useEffect, useState } from "preact/hooks";
import { fill, type Copy } from "./i18n.js";

const MAX_COMMENT = 1000;
/** Screen readers hear the remaining length only near the limit, once typing pauses. */
const ANNOUNCE_BELOW = 100;
const ANNOUNCE_AFTER_MS = 800;

// The dialog scrolls to the comment box if it has to (a small screen, a large font).
const focusOnMount = (el: HTMLElement | null) => el?.focus();

export function FollowUp({ label, copy, onSend }: { label: string; copy: Copy; onSend(comment: string): void }) {
  const [text, setText] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const left = MAX_COMMENT - text.length;

  useEffect(() => {
    if (left > ANNOUNCE_BELOW) return setAnnouncement("");
    const timer = setTimeout(() => setAnnouncement(fill(copy.left, "n", `${left}`)), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [left]);

  const submit = (e: Event) => {
    e.preventDefault();
    onSend(text.trim());
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
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <div class="f">
        <span id="n">{`${text.length}/${MAX_COMMENT}`}</span>
        <button type="submit" class="snd">
          {copy.send}
        </button>
      </div>
      <span class="sr" aria-live="polite">
        {announcement}
      </span>
    </form>
  );
}
