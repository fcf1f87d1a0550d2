// @ts-expect-error plain .mjs helper shared with the npm scripts
import { ensureChromium } from "../../../scripts/ensure-chromium.mjs";

export default function setup() {
  ensureChromium();
}
