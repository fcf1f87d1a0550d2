// The browser package's extra builds (IIFE loader, lazy UI chunk, snippet). Filled in by issue 6.
export function browserBuilds() {
  return [];
}
