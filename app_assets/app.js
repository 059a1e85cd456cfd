// Ask the Article: small page behaviours Gradio has no option for.
(() => {
  // Gradio's copy button copies a message's raw content, which for an answer is HTML. Answers
  // carry their plain-text form (answer + numbered sources) in data-copy: copy that instead.
  const plain = (text) => {
    if (typeof text !== "string" || !/qa-(turn|q)\b/.test(text)) return text;
    const doc = new DOMParser().parseFromString(text, "text/html");
    doc.querySelectorAll("[data-copy]").forEach((el) => el.replaceWith(el.getAttribute("data-copy")));
    doc.querySelectorAll("br").forEach((el) => el.replaceWith("\n"));
    doc.querySelectorAll(".qa-turn, .qa-q").forEach((el) => el.append("\n"));
    return doc.body.textContent.trim();
  };
  if (navigator.clipboard && navigator.clipboard.writeText) {
    const write = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text) => write(plain(text));
  }

  // Clicking a marker [n] opens citation n of the same answer and brings it into view.
  document.addEventListener("click", (event) => {
    const ref = event.target.closest && event.target.closest(".qa-ref");
    if (!ref) return;
    const n = [...ref.classList].find((c) => /^qa-n-\d+$/.test(c));
    const turn = ref.closest(".qa-turn");
    const cite = n && turn && turn.querySelector(`.qa-cite.${n}`);
    if (!cite) return;
    cite.open = true;
    cite.scrollIntoView({ behavior: "smooth", block: "nearest" });
    cite.classList.remove("qa-flash");
    void cite.offsetWidth;  // restart the highlight animation
    cite.classList.add("qa-flash");
  });

  // The article list in the header: typing filters the titles.
  document.addEventListener("input", (event) => {
    const search = event.target.closest && event.target.closest(".qa-lib-search");
    if (!search) return;
    const query = search.value.toLowerCase().split(/\s+/).filter(Boolean).join(" ");
    const panel = search.closest(".qa-lib-panel");
    let shown = 0;
    panel.querySelectorAll(".qa-lib-list li").forEach((li) => {
      const match = li.textContent.toLowerCase().split(/\s+/).join(" ").includes(query);
      li.hidden = !match;
      shown += match;
    });
    const none = panel.querySelector(".qa-lib-none");
    if (none) none.hidden = shown > 0;
  });

  // The question box: a character counter near the limit, and an over-long question is not sent
  // (the typed text stays, so it can be shortened).
  const limit = (window.qaLimits && window.qaLimits.questionChars) || 2000;
  const box = () => document.querySelector("#qa-question textarea");
  const counter = () => {
    let el = document.getElementById("qa-counter");
    const block = document.getElementById("qa-question");
    if (!el && block) {
      el = document.createElement("div");
      el.id = "qa-counter";
      el.setAttribute("aria-live", "polite");
      block.appendChild(el);
    }
    return el;
  };
  const over = () => { const b = box(); return b ? b.value.trim().length > limit : false; };
  const update = () => {
    const b = box(), el = counter();
    if (!b || !el) return;
    const n = b.value.trim().length;
    if (n > limit) {
      el.className = "qa-over";
      el.textContent = `${n.toLocaleString("en")} / ${limit.toLocaleString("en")} characters: too long to ask. Shorten the question.`;
    } else {
      el.className = "";
      el.textContent = n > limit * 0.8 ? `${n.toLocaleString("en")} / ${limit.toLocaleString("en")} characters` : "";
    }
  };
  document.addEventListener("input", (event) => {
    if (event.target.closest && event.target.closest("#qa-question")) update();
  }, true);
  const refuse = (event) => { update(); event.preventDefault(); event.stopImmediatePropagation(); };
  document.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && event.target.closest && event.target.closest("#qa-question") && over()) refuse(event);
  }, true);
  document.addEventListener("click", (event) => {
    if (event.target.closest && event.target.closest("#qa-question button") && over()) refuse(event);
  }, true);
})();
