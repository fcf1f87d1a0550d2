// An app bundled with rollup that uses npskit as an ES module. The survey UI is imported
// dynamically inside npskit, so the bundler emits it as a separate chunk loaded on first show.
import { createNpsKit } from "npskit";

const params = new URLSearchParams(location.search);
const nps = createNpsKit({
  endpoint: params.get("endpoint") || "/collect",
  product: "Acme Books",
  surveys: [{ id: "nps-bundled", kind: "nps", trigger: { event: "order-placed" } }],
});
nps.identify("bundled-user-1", { plan: "pro" });
nps.on("ready", () => document.body.setAttribute("data-npskit", "ready"));

document.getElementById("order").addEventListener("click", () => nps.track("order-placed"));
