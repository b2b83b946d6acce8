// Portal search box (generator/build/search.py): on every page, a few lines that load the search
// engine (engine.js) and its index only when the reader opens the search box.
(() => {
  const toggle = document.getElementById("__search");
  const box = document.querySelector(".md-search[data-cari]");
  if (!toggle || !box) return;
  const input = box.querySelector("input");
  const engine = new URL("engine.js", document.currentScript.src).href;
  let started = null;
  const open = () => {
    started = started || import(engine).then((m) => m.start(box, toggle));
  };
  toggle.addEventListener("change", () => {
    if (toggle.checked) {
      open();
      input.focus();
    }
  });
  input.addEventListener("focus", () => {
    toggle.checked = true;
    open();
  });
  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest("input, textarea, select, [contenteditable]");
    if (!typing && !event.ctrlKey && !event.metaKey && ["f", "s", "/"].includes(event.key)) {
      event.preventDefault();
      input.focus();
    }
  });
})();
