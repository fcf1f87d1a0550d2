// The follow-up question: a labelled textbox with a visible length counter, and Send.
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { fill, type Copy } from "./i18n.js";

const MAX_COMMENT = 1000;
/** Screen readers hear the remaining length only near the limit, once typing pauses. */
const ANNOUNCE_BELOW = 100;
const ANNOUNCE_AFTER_MS = 800;

const focusOnMount = (el: HTMLElement | null) => el?.focus({ preventScroll: true });

export function FollowUp({ label, copy, onSend }: { label: string; copy: Copy; onSend(comment: string): void }) {
  const text = useSignal("");
  const announcement = useSignal("");
  const left = MAX_COMMENT - text.value.length;

  useEffect(() => {
    if (left > ANNOUNCE_BELOW) return void (announcement.value = "");
    const timer = setTimeout(() => (announcement.value = fill(copy.left, "n", `${left}`)), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [left]);

  const submit = (e: Event) => {
    e.preventDefault();
    onSend(text.value.trim());
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
        value={text.value}
        onInput={(e) => (text.value = e.currentTarget.value)}
      />
      <div class="f">
        <span id="n">{`${text.value.length}/${MAX_COMMENT}`}</span>
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
