// Renders a value someone passed in (config, attributes, event properties) for a message. Host
// input can be anything, including what JSON.stringify throws on (BigInt, cycles).

export function showValue(value: unknown, max = 60): string {
  if (value === undefined) return "nothing";
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = typeof value === "object" ? "an object that cannot be shown" : typeof value;
  }
  return text.length > max ? text.slice(0, max - 3) + "…" : text;
}
