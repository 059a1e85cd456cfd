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
})();
