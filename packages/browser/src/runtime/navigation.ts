// Automatic page views for single-page apps: reports each change of URL once, whether it came from
// history.pushState/replaceState, back/forward, or the Navigation API. Everything is undone on stop.

interface NavigationLike {
  addEventListener(type: "currententrychange", fn: () => void): void;
  removeEventListener(type: "currententrychange", fn: () => void): void;
}

type HistoryMethod = "pushState" | "replaceState";

/** Calls `onChange` after the URL changes; returns the function that stops watching. */
export function watchNavigation(win: Window, onChange: () => void): () => void {
  let last = win.location.href;
  const check = () => {
    const href = win.location.href;
    if (href === last) return;
    last = href;
    onChange();
  };
  // The Navigation API sees every same-document navigation, with no patching of host globals.
  const navigation = (win as Window & { navigation?: NavigationLike }).navigation;
  if (navigation && typeof navigation.addEventListener === "function") {
    navigation.addEventListener("currententrychange", check);
    return () => navigation.removeEventListener("currententrychange", check);
  }
  win.addEventListener("popstate", check);
  const restores = (["pushState", "replaceState"] as const).map((method) => patchHistory(win.history, method, check));
  return () => {
    win.removeEventListener("popstate", check);
    for (const restore of restores) restore();
  };
}

function patchHistory(history: History, method: HistoryMethod, after: () => void): () => void {
  const original = history[method];
  let active = true;
  const patched = function (this: History, ...args: Parameters<History[HistoryMethod]>) {
    const result = original.apply(this, args);
    if (active) after();
    return result;
  };
  history[method] = patched;
  return () => {
    active = false;
    // Someone may have wrapped our wrapper since: then leave theirs in place, ours is now inert.
    if (history[method] === patched) history[method] = original;
  };
}
