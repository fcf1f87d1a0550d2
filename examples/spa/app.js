// A tiny client-side router (history.pushState) and npskit set up to ask an NPS question only on
// the Settings page, two seconds after arriving there. Leave before then and it never appears:
// npskit sees every pushState/back/forward navigation and checks the page again when the delay ends.
const params = new URLSearchParams(location.search);

npskit.init({
  endpoint: params.get("endpoint") || "/collect",
  product: "Acme Books",
  surveys: [
    {
      id: "nps-settings",
      kind: "nps",
      trigger: { pageview: true },
      delaySeconds: Number(params.get("delay") ?? 2),
      audience: { urls: { include: ["/examples/spa/settings*"] } },
    },
  ],
});
npskit.identify(params.get("user") || "spa-user-1", { plan: "team" });

const VIEWS = {
  home: ["Home", "Welcome to Acme Books."],
  pricing: ["Pricing", "Plans for every reader."],
  settings: ["Settings", "Your account settings."],
};

function render() {
  const name = location.pathname.split("/").pop() || "";
  const [title, text] = VIEWS[name] ?? VIEWS.home;
  const view = document.getElementById("view");
  view.replaceChildren(
    Object.assign(document.createElement("h1"), { textContent: title }),
    Object.assign(document.createElement("p"), { textContent: text }),
  );
  document.title = `${title} · npskit SPA example`;
}

document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-route]");
  if (!link) return;
  event.preventDefault();
  history.pushState({}, "", link.href);
  render();
});
window.addEventListener("popstate", render);
render();
