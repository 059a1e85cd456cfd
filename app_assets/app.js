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

  // The article list in the header closes like any popover: a click outside it, or Escape.
  const closeLists = (except) => {
    document.querySelectorAll("details.qa-lib[open]").forEach((d) => { if (d !== except) d.open = false; });
  };
  document.addEventListener("click", (event) => {
    closeLists(event.target.closest && event.target.closest("details.qa-lib"));
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const open = document.querySelector("details.qa-lib[open]");
    if (!open) return;
    open.open = false;
    const summary = open.querySelector("summary");
    if (summary) summary.focus();
  });

  // The question box: a character counter near the limit (whether a question may be asked is decided by
  // the server's check, which keeps the typed text and says why beside the Ask box).
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

  // A question refused for a field (a bad From date...): the note beside the Ask box names the field in its
  // class (qa-bad-since); the page moves the focus there, so the reader lands where the fix is.
  const fields = { since: "#qa-since input", until: "#qa-until input", question: "#qa-question textarea" };
  const focusBadField = () => {
    const note = document.querySelector("#qa-ask-note [class*='qa-bad-']");
    if (!note) return false;
    const name = [...note.classList].map((c) => c.replace(/^qa-bad-/, "")).find((c) => c in fields);
    const field = name && document.querySelector(fields[name]);
    if (!field) return false;
    field.setAttribute("aria-invalid", "true");
    field.focus();
    field.scrollIntoView({ block: "center", behavior: "smooth" });
    return true;
  };
  window.qaAfterAsk = () => {
    const note = document.getElementById("qa-ask-note");
    if (note) note.removeAttribute("data-stale");  // the server has just said what holds now
    return focusBadField();
  };

  // A note about the question goes stale once the question is edited: the counter (or the next Ask) speaks for
  // the new text, so the same complaint is never shown twice.
  document.addEventListener("input", (event) => {
    if (!(event.target.closest && event.target.closest("#qa-question"))) return;
    const note = document.getElementById("qa-ask-note");
    if (note && note.querySelector(".qa-bad-question")) note.setAttribute("data-stale", "");
  }, true);

  // The chat follows the conversation itself (Gradio's autoscroll is off): a new question and its pending
  // answer are scrolled into view; a finished answer taller than the chat is shown from its question, not
  // from its last citation.
  // On a phone the chat does not scroll inside itself: the page does, under the question box fixed at its foot.
  const scroller = (el) => {
    let box = el && el.parentElement;
    while (box && !/auto|scroll/.test(getComputedStyle(box).overflowY)) box = box.parentElement;
    return box;
  };
  const followInPage = (question, pending) => {
    const compose = document.getElementById("qa-compose");
    const foot = compose && getComputedStyle(compose).position === "sticky" ? compose.offsetHeight : 0;
    const talk = document.getElementById("qa-talk");
    // No further than where the question box sits at the foot of the screen, under the end of the chat.
    const end = talk ? talk.getBoundingClientRect().bottom + window.scrollY - window.innerHeight : Infinity;
    const target = pending
      ? pending.getBoundingClientRect().bottom + window.scrollY - (window.innerHeight - foot) + 12
      : Math.min(question.getBoundingClientRect().top + window.scrollY - 8, end);
    window.scrollTo({ top: Math.max(0, target) });
  };
  let followed = "";
  const follow = () => {
    const questions = document.querySelectorAll("#qa-chat .qa-q");
    const question = questions[questions.length - 1];
    const pending = document.querySelector("#qa-chat .qa-pending");
    const state = `${questions.length}:${pending ? "pending" : "done"}`;
    if (!question || state === followed) return;
    followed = state;
    const box = scroller(question);
    if (!box) return followInPage(question, pending);
    const top = question.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop - 8;
    box.scrollTop = pending ? box.scrollHeight : Math.min(top, box.scrollHeight);
  };
  new MutationObserver(follow).observe(document.documentElement, { childList: true, subtree: true });

  document.addEventListener("input", (event) => {
    if (event.target.getAttribute && event.target.getAttribute("aria-invalid")) event.target.removeAttribute("aria-invalid");
  }, true);

  // The question box's accessible name is "Question" (Gradio names it after its hidden label and the Ask
  // button); Gradio renders it after this script runs.
  const name = () => {
    const b = box();
    if (b && b.getAttribute("aria-label") !== "Question") b.setAttribute("aria-label", "Question");
  };
  new MutationObserver(name).observe(document.documentElement, { childList: true, subtree: true });

})();
