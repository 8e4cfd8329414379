// research coding widget — shared helpers.
// The module is made of several files joined in order by research/coding/_widget.py
// (util, text, margin, tree, panel, document, browser, main); only main.js exports.
// Every text of a document, a codebook or a memo is inserted as a text node or an
// attribute value, never as HTML.

let rwInstances = 0;

/** An element with properties and children; strings become text nodes. */
function h(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = String(value);
    else if (key === "style") {
      for (const [prop, v] of Object.entries(value)) node.style.setProperty(prop, v);
    } else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") {
      node.addEventListener(key.slice(2), value);
    } else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

/** A colour of the codebook, checked ("#rrggbb"), else grey. */
function safeColor(color) {
  return /^#[0-9a-fA-F]{6}$/.test(color || "") ? color : "#888888";
}

function rgba(color, alpha) {
  const c = safeColor(color);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** One UTF-16 unit folded for search: lower case, no accent, one apostrophe and space. */
function foldUnit(ch) {
  if (ch === "\u2019" || ch === "\u02bc") return "'";
  if (/\s/.test(ch)) return " ";
  const base = ch.normalize("NFD")[0];
  const lower = base.toLowerCase();
  return lower.length === 1 ? lower : ch;
}

/** A text folded unit by unit: the folded text has the same length and offsets. */
function foldText(text) {
  const out = new Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = foldUnit(text[i]);
  return out.join("");
}

/** The index of the last item of a sorted array that is <= value (-1 if none). */
function lastAtMost(sorted, value) {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

function shorten(text, limit) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > limit ? flat.slice(0, limit - 1) + "…" : flat;
}

function clockTime(date) {
  return date.toLocaleTimeString("fr-FR", { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}
