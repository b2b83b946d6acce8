// Portal search engine, loaded by box.js when the search box opens. The index beside this
// file (generator/build/search.py) is fetched in small pieces: meta.json, one chunk per word typed
// (k/<key>.json: the word's Indonesian stem and the pages of that stem), and the titles of
// the pages shown (h/<shard>/<n>.json). No stemmer runs here: the index maps every word of
// the portal to its stem; the last word typed also matches as the beginning of a word.
const ROOT = new URL("./", import.meta.url);
const PORTAL = new URL("../", ROOT);
const SHOWN = 10; // results shown at first and per click on "more"
const PREFIX_STEMS = 20; // stems a word being typed may stand for
const SHARD = 1e6; // page id = shard * SHARD + page number in the shard
const fetched = new Map();

function get(path) {
  if (!fetched.has(path)) {
    const url = new URL(path, ROOT);
    fetched.set(path, fetch(url).then((r) => (r.ok ? r.json() : null), () => null));
  }
  return fetched.get(path);
}

async function meta() {
  const data = await get("meta.json");
  if (data && !data.keySet) data.keySet = new Set(data.keys);
  return data;
}

/** Words as the index holds them (generator/build/search.py `words`). */
export function words(text) {
  const folded = text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x00-\x7f]/g, " ");
  return folded.match(/[a-z0-9]+/g) || [];
}

/** Stem -> postings for one word typed (also the words it begins when `prefix`). */
async function stems(word, prefix, keys) {
  let own = null;
  for (let n = word.length; n > 0 && own === null; n--) {
    if (keys.has(word.slice(0, n))) own = word.slice(0, n);
  }
  const wanted = own === null ? [] : [own];
  if (prefix) {
    const longer = [...keys].filter((k) => k.length > word.length && k.startsWith(word));
    if (longer.length <= 4) wanted.push(...longer);
  }
  const found = [];
  for (const chunk of await Promise.all(wanted.map((k) => get(`k/${k}.json`)))) {
    for (const [w, s] of Object.entries(chunk ? chunk.w : {})) {
      if (w === word || (prefix && w.startsWith(word))) found.push([w, s, chunk.s[s]]);
    }
  }
  found.sort((a, b) => a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1));
  const out = new Map();
  for (const [, s, postings] of found) {
    if (out.size < PREFIX_STEMS && postings) out.set(s, postings);
  }
  return out;
}

/** Page id -> score for one word: its best stem on the page, rarer stems weighing more. */
function scores(stemPostings, total) {
  const pages = new Map();
  for (const postings of stemPostings.values()) {
    const df = postings.reduce((sum, [, list]) => sum + list.length, 0);
    const idf = Math.log(1 + total / df);
    for (const [shard, list] of postings) {
      let page = -1;
      for (const v of list) {
        page += Math.floor(v / 10);
        const id = shard * SHARD + page;
        pages.set(id, Math.max(pages.get(id) || 0, idf * (v % 10)));
      }
    }
  }
  return pages;
}

/** Ids of the pages that contain every word of `query`, best first. */
export async function search(query) {
  const index = await meta();
  const typed = words(query);
  if (!index || !typed.length) return [];
  const prefix = !/\s$/.test(query);
  const perWord = await Promise.all(typed.map((w, n) => stems(w, prefix && n === typed.length - 1, index.keySet)));
  let total = null;
  for (const found of perWord.map((s) => scores(s, index.pages))) {
    if (total === null) {
      total = found;
      continue;
    }
    for (const [id, value] of total) {
      if (found.has(id)) total.set(id, value + found.get(id));
      else total.delete(id);
    }
  }
  return [...total].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => id);
}

/** Address (absolute), title and lead of a page id. */
export async function page(id) {
  const index = await meta();
  const shard = Math.floor(id / SHARD);
  const n = id % SHARD;
  const list = await get(`h/${shard}/${Math.floor(n / index.per_file)}.json`);
  const [url, title, lead] = list[n % index.per_file];
  return { url: new URL(url, PORTAL).href, title, lead };
}

/** Text with the words typed marked where a word of the text begins with one. */
function marked(tag, text, typed) {
  const element = document.createElement(tag);
  const escaped = typed.map((w) => w.replace(/[^a-z0-9]/g, ""));
  const pattern = escaped.length ? new RegExp(`\\b(${escaped.join("|")})`, "gi") : null;
  let last = 0;
  for (const match of pattern ? text.matchAll(pattern) : []) {
    element.append(text.slice(last, match.index));
    const mark = document.createElement("mark");
    mark.textContent = match[0];
    element.append(mark);
    last = match.index + match[0].length;
  }
  element.append(text.slice(last));
  return element;
}

function item(result, typed) {
  const li = document.createElement("li");
  li.className = "md-search-result__item";
  const link = document.createElement("a");
  link.className = "md-search-result__link";
  link.href = result.url;
  const article = document.createElement("article");
  article.className = "md-search-result__article md-typeset";
  article.append(marked("h1", result.title, typed), marked("p", result.lead, typed));
  link.append(article);
  li.append(link);
  return li;
}

/** Wire the search box: results as the reader types, keyboard, "more". */
export function start(box, toggle) {
  const input = box.querySelector("input");
  const status = box.querySelector(".md-search-result__meta");
  const list = box.querySelector(".md-search-result__list");
  const text = box.dataset;
  let ticket = 0;
  let timer = null;
  let ids = [];
  meta();

  async function show(query, mine) {
    const batch = await Promise.all(ids.slice(list.querySelectorAll("li.md-search-result__item").length)
      .slice(0, SHOWN).map(page));
    if (mine !== ticket) return;
    list.querySelector(".search-more")?.remove();
    list.append(...batch.map((r) => item(r, words(query))));
    const shown = list.querySelectorAll("li.md-search-result__item").length;
    if (shown < ids.length) {
      const li = document.createElement("li");
      li.className = "search-more";
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = text.more.replace("#", Math.min(SHOWN, ids.length - shown));
      button.addEventListener("click", () => show(query, mine));
      li.append(button);
      list.append(li);
    }
  }

  async function run() {
    const query = input.value;
    const mine = ++ticket;
    if (!words(query).length) {
      list.replaceChildren();
      status.textContent = text.start;
      return;
    }
    const found = await search(query);
    if (mine !== ticket) return;
    ids = found;
    list.replaceChildren();
    status.textContent = found.length === 0 ? text.none : found.length === 1 ? text.one
      : text.many.replace("#", found.length.toLocaleString("id-ID"));
    await show(query, mine);
    if (mine === ticket) status.dataset.query = query; // the query the results shown are for
  }

  function links() {
    return [...list.querySelectorAll("a, button")];
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  box.querySelector("form").addEventListener("submit", (event) => {
    event.preventDefault();
    links()[0]?.click();
  });
  box.querySelector("form").addEventListener("reset", () => setTimeout(run));
  box.addEventListener("keydown", (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      toggle.checked = false;
      input.blur();
    } else if (event.key === "ArrowDown" && all.length) {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : all[at - 1]).focus();
    }
  });
  status.textContent = text.start;
  if (input.value) run();
}
