// Bundle-size budgets (gzip -9 of the JS a visitor downloads). Filled in by issue 6.
console.log("[npskit] size budgets: browser bundle not built yet");
