"""The contrast check of the page tests: every visible text against what it is drawn on (WCAG 2 ratios)."""

CONTRAST_JS = """() => {
  const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const lum = ([r, g, b]) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  const background = (el) => {
    const layers = [];
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let bg = [255, 255, 255, 1];
    for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
    return bg;
  };
  const opacity = (el) => { let o = 1; for (let n = el; n && n.nodeType === 1; n = n.parentElement) o *= Number(getComputedStyle(n).opacity); return o; };
  const low = [];
  let tracking = false;  // a low text inside a progress overlay: look again once it has gone
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const el = t.parentElement;
    if (!t.textContent.trim() || !el || seen.has(el)) continue;
    seen.add(el);
    const st = getComputedStyle(el), r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2 || st.visibility === "hidden") continue;
    if (el.closest("script,style,svg,[hidden],[aria-hidden=true],.sr-only")) continue;
    const fg0 = parse(st.color);
    if (!fg0) continue;
    const bg = background(el);
    const fg = over([fg0[0], fg0[1], fg0[2], fg0[3] * opacity(el)], bg);
    const [a, b] = [lum(fg), lum(bg)];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(st.fontSize), bold = Number(st.fontWeight) >= 700;
    const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < need) {
      low.push(`${ratio.toFixed(2)} < ${need}: "${t.textContent.trim().slice(0, 40)}" (${el.className})`);
      if (el.closest("[data-testid=status-tracker]")) tracking = true;
    }
  }
  // Placeholders are text the reader sees too.
  for (const el of document.querySelectorAll("input[placeholder], textarea[placeholder]")) {
    const r = el.getBoundingClientRect();
    if (el.value || !el.placeholder || r.width < 2 || r.height < 2) continue;
    if (el.closest("[hidden],[aria-hidden=true]")) continue;
    const fg0 = parse(getComputedStyle(el, "::placeholder").color);
    if (!fg0) continue;
    const bg = background(el);
    const fg = over([fg0[0], fg0[1], fg0[2], fg0[3] * opacity(el)], bg);
    const [a, b] = [lum(fg), lum(bg)];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const shown = el.placeholder.slice(0, 40);
    if (ratio < 4.5) low.push(`${ratio.toFixed(2)} < 4.5: placeholder "${shown}" (${el.className})`);
  }
  // Read in the same instant as the texts: a progress overlay that shows and hides between two checks
  // (it fades in from transparent) must not count as the page's settled colours.
  const busy = tracking || document.querySelector("[data-testid=status-tracker]:not(.hide)") !== null;
  return {low, busy};
}"""


SETTLED_JS = """() => document.getAnimations().every((a) => a.playState !== "running" ||
    (a.effect && a.effect.getTiming().iterations === Infinity))"""
"""True once no colour is still changing: Gradio fades colours in when it applies the dark scheme."""


def low_contrast(page) -> list[str]:
    """The texts of the page below their WCAG AA ratio, once the page is settled (no progress overlay, no
    colour transition running)."""
    from playwright.sync_api import expect

    pending = page.locator("[data-testid=status-tracker]:not(.hide)")
    for _ in range(5):  # an event the last click started may show its progress overlay after the first check
        expect(pending).to_have_count(0)
        page.wait_for_function(SETTLED_JS)
        found = page.evaluate(CONTRAST_JS)
        if not found["busy"]:
            return found["low"]
    return found["low"]
