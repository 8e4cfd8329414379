// The text of a document: blocks laid out as a reader expects, positions between
// the page and the text, selections snapped to words, highlights.
// Every position here counts UTF-16 code units of the document text (JavaScript's
// own); the Python side converts them to code points.

const BOLD = 1;
const ITALIC = 2;
const TIME = 4;
const HAS_HIGHLIGHTS = typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight !== "undefined";
const WORDS = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter("fr", { granularity: "word" }) : null;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

class DocText {
  constructor(node) {
    this.node = node; // the element holding the blocks
    this.text = "";
    this.starts = []; // start of each run, in page order (= text order)
    this.ends = [];
    this.nodes = []; // the text node of each run
    this.runOf = new WeakMap(); // text node -> run index
    this.blockOf = []; // run index -> block element
    this.blocks = []; // {node, start, end} of each block, in order
    this.folded = null;
  }

  /** Lay out a document (see research.coding._widget_data.document_view). */
  render(doc) {
    this.text = doc.text;
    this.folded = null;
    this.starts = [];
    this.ends = [];
    this.nodes = [];
    this.blockOf = [];
    this.blocks = [];
    this.runOf = new WeakMap();
    const fragment = document.createDocumentFragment();
    for (const block of doc.blocks) {
      const first = this.starts.length;
      const node = this._block(block);
      if (this.starts.length > first) {
        this.blocks.push({ node, start: this.starts[first], end: this.ends[this.ends.length - 1] });
      }
      fragment.append(node);
    }
    this.node.replaceChildren(fragment);
  }

  /** The span of text shown between two heights of the page (offsets of the blocks). */
  spanBetween(top, bottom) {
    const blocks = this.blocks;
    if (!blocks.length) return { start: 0, end: 0 };
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      // the first block whose bottom is below ``top``
      const mid = (lo + hi) >> 1;
      const node = blocks[mid].node;
      if (node.offsetTop + node.offsetHeight < top) lo = mid + 1;
      else hi = mid;
    }
    let last = lo;
    while (last < blocks.length - 1 && blocks[last + 1].node.offsetTop < bottom) last += 1;
    return { start: blocks[lo].start, end: blocks[last].end };
  }

  /** The spans of runs given flat: start, end, flags, start, end, flags… */
  _runs(runs, blockNode) {
    const out = [];
    for (let i = 0; i < runs.length; i += 3) {
      const [start, end, flags] = [runs[i], runs[i + 1], runs[i + 2]];
      const textNode = document.createTextNode(this.text.slice(start, end));
      const cls = ["rw-r"];
      if (flags & BOLD) cls.push("rw-bold");
      if (flags & ITALIC) cls.push("rw-italic");
      if (flags & TIME) cls.push("rw-time");
      const span = h("span", { class: cls.join(" ") }, textNode);
      this.runOf.set(textNode, this.nodes.length);
      this.starts.push(start);
      this.ends.push(end);
      this.nodes.push(textNode);
      this.blockOf.push(blockNode);
      out.push(span);
    }
    return out;
  }

  _block(block) {
    const node = h("div", { class: `rw-b rw-${block.kind}` });
    if (block.kind === "heading") {
      node.classList.add(`rw-h${Math.min(block.level, 4)}`);
      node.append(...this._runs(block.runs, node));
    } else if (block.kind === "turn") {
      const who = h("div", { class: "rw-who" });
      if (block.label.length) who.append(...this._runs(block.label, node));
      else who.append(h("span", { class: "rw-speaker", "data-speaker": block.speaker }));
      node.append(who, h("div", { class: "rw-say" }, this._runs(block.runs, node)));
    } else if (block.kind === "item") {
      node.append(h("span", { class: "rw-bullet", "data-bullet": block.bullet || "•" }));
      node.append(h("span", { class: "rw-say" }, this._runs(block.runs, node)));
    } else {
      node.append(...this._runs(block.runs, node));
    }
    return node;
  }

  // -- positions ------------------------------------------------------------------

  /** The text position of a DOM point; between runs, the next run's start
   * ("forward") or the previous run's end ("backward"). */
  positionOf(container, offset, bias) {
    const run = this.runOf.get(container);
    if (run !== undefined) return this.starts[run] + Math.min(offset, container.length);
    if (!this.nodes.length) return 0;
    const point = document.createRange();
    point.setStart(container, offset);
    // the last run that starts at or before the point
    let lo = 0;
    let hi = this.nodes.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (point.comparePoint(this.nodes[mid], 0) <= 0) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (last < 0) return this.starts[0];
    if (bias === "backward" || last === this.nodes.length - 1) return this.ends[last];
    return this.starts[last + 1];
  }

  /** The DOM point of a text position: [text node, offset]. */
  pointOf(position, side) {
    const n = this.nodes.length;
    if (!n) return [this.node, 0];
    let i = lastAtMost(this.starts, position);
    if (i < 0) return [this.nodes[0], 0];
    if (side === "end" && position === this.starts[i] && i > 0) i -= 1; // an end closes the run before
    if (position > this.ends[i]) {
      // in characters that are not shown (a mark, the space between blocks)
      if (side === "end" || i === n - 1) return [this.nodes[i], this.nodes[i].length];
      return [this.nodes[i + 1], 0];
    }
    return [this.nodes[i], position - this.starts[i]];
  }

  range(start, end) {
    const range = document.createRange();
    const [a, aOff] = this.pointOf(start, "start");
    const [b, bOff] = this.pointOf(Math.max(start, end), "end");
    range.setStart(a, aOff);
    range.setEnd(b, bOff);
    return range;
  }

  /** The part of a span that is shown (marks and spaces between blocks are not). */
  shown(start, end) {
    let i = lastAtMost(this.starts, start);
    if (i < 0 || start >= this.ends[i]) {
      i += 1;
      if (i >= this.nodes.length) return null;
      start = this.starts[i];
    }
    const j = lastAtMost(this.starts, end - 1);
    if (j < 0) return null;
    end = Math.min(end, this.ends[j]);
    return end > start ? { start, end } : null;
  }

  /** The element of the block where a position is shown. */
  blockAt(position) {
    const i = Math.max(0, lastAtMost(this.starts, position));
    return this.blockOf[i] || this.node;
  }

  /** The selection of the page inside this text, as positions, or null. */
  selection() {
    const sel = window.getSelection();
    if (!sel || !sel.rangeCount || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    if (!range.intersectsNode(this.node)) return null;
    const start = this.positionOf(range.startContainer, range.startOffset, "forward");
    const end = this.positionOf(range.endContainer, range.endOffset, "backward");
    return end > start ? { start, end } : null;
  }

  caret() {
    const sel = window.getSelection();
    if (!sel || !sel.rangeCount) return null;
    const range = sel.getRangeAt(0);
    if (!this.node.contains(range.startContainer)) return null;
    const at = this.positionOf(range.startContainer, range.startOffset, "forward");
    // a click on the first letter of a bold word may leave the caret at the end of the
    // run before it: the caret is then before that letter, past the hidden ** marks
    const run = lastAtMost(this.starts, at);
    const next = run + 1;
    if (run >= 0 && at === this.ends[run] && next < this.starts.length && this.blockOf[run] === this.blockOf[next]) {
      return this.starts[next];
    }
    return at;
  }

  /** Show a span as the page's own selection (for line moves, or without highlights). */
  showNative(anchor, focus) {
    const sel = window.getSelection();
    const [a, aOff] = this.pointOf(anchor, anchor <= focus ? "start" : "end");
    const [f, fOff] = this.pointOf(focus, anchor <= focus ? "end" : "start");
    sel.setBaseAndExtent(a, aOff, f, fOff);
  }

  // -- words ----------------------------------------------------------------------

  /** The segments (words, spaces, signs) around a position: [{start, end, word}]. */
  segmentsNear(position, reach = 80) {
    const from = Math.max(0, position - reach);
    const to = Math.min(this.text.length, position + reach);
    const piece = this.text.slice(from, to);
    const out = [];
    if (WORDS) {
      for (const s of WORDS.segment(piece)) {
        out.push({ start: from + s.index, end: from + s.index + s.segment.length, word: !!s.isWordLike });
      }
      return out;
    }
    let i = 0;
    for (const ch of piece) {
      const word = WORD_CHAR.test(ch);
      const last = out[out.length - 1];
      if (last && last.word && word) last.end += ch.length;
      else out.push({ start: from + i, end: from + i + ch.length, word });
      i += ch.length;
    }
    return out;
  }

  /** Widen a span to whole words (and whole characters), without surrounding spaces. */
  snap(start, end) {
    for (const s of this.segmentsNear(start)) {
      if (s.start < start && start < s.end) start = s.start;
    }
    for (const s of this.segmentsNear(end)) {
      if (s.start < end && end < s.end) end = s.end;
    }
    while (start < end && /\s/.test(this.text[start])) start += 1;
    while (end > start && /\s/.test(this.text[end - 1])) end -= 1;
    return end > start ? { start, end } : null;
  }

  /** The next word end after a position (or the text's end). */
  nextWordEnd(position) {
    let at = position;
    while (at < this.text.length) {
      const next = this.segmentsNear(at, 80).find((s) => s.word && s.end > position);
      if (next) return next.end;
      at += 80;
    }
    return this.text.length;
  }

  nextWordStart(position) {
    let at = position;
    while (at < this.text.length) {
      const next = this.segmentsNear(at, 80).find((s) => s.word && s.start > position);
      if (next) return next.start;
      at += 80;
    }
    return this.text.length;
  }

  previousWordStart(position) {
    let at = position;
    while (at > 0) {
      const found = this.segmentsNear(at, 80).filter((s) => s.word && s.start < position);
      if (found.length) return found[found.length - 1].start;
      at -= 80;
    }
    return 0;
  }

  previousWordEnd(position) {
    let at = position;
    while (at > 0) {
      const found = this.segmentsNear(at, 80).filter((s) => s.word && s.end < position);
      if (found.length) return found[found.length - 1].end;
      at -= 80;
    }
    return 0;
  }

  wordAt(position) {
    const segment = this.segmentsNear(position).find((s) => s.word && s.start <= position && position < s.end);
    return segment ? { start: segment.start, end: segment.end } : null;
  }

  // -- search ---------------------------------------------------------------------

  /** Every place of the text that reads ``query``, case and accents ignored. */
  search(query) {
    const wanted = foldText(query.trim());
    if (!wanted) return [];
    if (this.folded === null) this.folded = foldText(this.text);
    const hits = [];
    let at = this.folded.indexOf(wanted);
    while (at >= 0 && hits.length < 5000) {
      hits.push({ start: at, end: at + wanted.length });
      at = this.folded.indexOf(wanted, at + wanted.length);
    }
    return hits;
  }
}

/** Named highlights of one widget (the CSS Custom Highlight API), with their styles. */
class Highlights {
  constructor(root, prefix) {
    this.prefix = prefix;
    this.names = new Set();
    this.style = h("style");
    root.append(this.style);
  }

  /** Set the ranges of a highlight (an empty list removes it). */
  set(name, ranges, priority = 0) {
    if (!HAS_HIGHLIGHTS) return;
    const full = `${this.prefix}-${name}`;
    if (!ranges.length) {
      CSS.highlights.delete(full);
      this.names.delete(full);
      return;
    }
    const highlight = new Highlight(...ranges);
    highlight.priority = priority;
    CSS.highlights.set(full, highlight);
    this.names.add(full);
  }

  clearWhere(test) {
    for (const full of [...this.names]) {
      if (test(full.slice(this.prefix.length + 1))) {
        CSS.highlights.delete(full);
        this.names.delete(full);
      }
    }
  }

  /** The rules of the highlights: name -> declarations (colours checked by the caller). */
  rules(rules) {
    const lines = Object.entries(rules).map(([name, decl]) => `::highlight(${this.prefix}-${name}) { ${decl} }`);
    this.style.textContent = lines.join("\n");
  }

  dispose() {
    if (!HAS_HIGHLIGHTS) return;
    for (const full of this.names) CSS.highlights.delete(full);
    this.names.clear();
  }
}
