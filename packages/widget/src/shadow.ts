// The one element the widget adds to the page, with everything else inside its open shadow root.

/**
 * Append `<npskit-survey>` to `parent` and style its shadow root with `css` (one sheet each).
 * The default parent is <html>, not <body>: a transform or filter on <body> would turn
 * `position: fixed` into "fixed to the body", possibly far off screen.
 */
export function createHost(parent: Element, css: string[]): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement("npskit-survey");
  const root = host.attachShadow({ mode: "open" });
  if (root.adoptedStyleSheets) {
    // Constructable sheets (replaceSync shipped with adoptedStyleSheets in every engine) are not
    // inline styles, so they work under `style-src 'self'`.
    root.adoptedStyleSheets = css.map((text) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      return sheet;
    });
  } else {
    // Older engines (and jsdom) only: a <style> element, which a strict CSP would block.
    for (const text of css) root.appendChild(document.createElement("style")).textContent = text;
  }
  parent.appendChild(host);
  return { host, root };
}
