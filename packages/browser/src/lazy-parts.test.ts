// @vitest-environment jsdom
import { expect, test, vi } from "vitest";
import { once, ownDirectory } from "./lazy-parts.js";

test("once shares one load, and a failed load may be tried again", async () => {
  const load = vi.fn().mockRejectedValueOnce(new Error("offline")).mockResolvedValue("chunk");
  const get = once(load);
  await expect(get()).rejects.toThrow("offline");
  const [a, b] = await Promise.all([get(), get()]);
  expect([a, b]).toEqual(["chunk", "chunk"]);
  expect(load).toHaveBeenCalledTimes(2);
});

test("the chunks' directory is the loader script's own", () => {
  const script = document.createElement("script");
  script.src = "https://cdn.example.com/npskit/1.0/npskit.js?v=3";
  document.head.appendChild(script);
  // currentScript is only set while a script runs; the fallback finds the loader's tag.
  expect(ownDirectory(document)).toBe("https://cdn.example.com/npskit/1.0/");
});
