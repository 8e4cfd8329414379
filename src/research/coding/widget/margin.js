// The margin beside the text: one coloured stripe per coding, from its first line
// to its last, in lanes so that overlapping codings stay side by side (as
// qualitative-analysis software draws them), with the code's label at its top.

const LANE = 9; // px between two lanes
const MAX_LANES = 12;

class Margin {
  constructor(node, { onPick, onHover }) {
    this.node = node;
    this.onPick = onPick;
    this.onHover = onHover;
    this.items = [];
  }

  /**
   * Draw the stripes.
   * @param {DocText} text
   * @param {Array} codings  {key, start, end, code, label, color, coder?, other?}
   * @param {string|null} active  the key of the coding shown in the panel
   */
  draw(text, codings, active, view) {
    // only the codings of the text shown (and a screen around it) are measured and
    // drawn, so that a long document costs no more than a short one; the margin is
    // drawn again as the text scrolls
    const box = this.node.getBoundingClientRect();
    const measured = [];
    // read every position first, then write: one layout of the page
    for (const c of codings) {
      if (c.end <= view.start || c.start >= view.end) continue;
      const shown = text.shown(Math.max(c.start, view.start), Math.min(c.end, view.end));
      if (!shown) continue;
      const first = text.range(shown.start, shown.start + 1).getClientRects();
      const last = text.range(shown.end - 1, shown.end).getClientRects();
      if (!first.length || !last.length) continue;
      const top = first[0].top - box.top;
      const bottom = last[last.length - 1].bottom - box.top;
      measured.push({ c, top, bottom: Math.max(bottom, top + 8) });
    }
    measured.sort((a, b) => a.top - b.top || b.bottom - a.bottom);
    const laneEnds = [];
    for (const m of measured) {
      let lane = laneEnds.findIndex((end) => end < m.top - 1);
      if (lane < 0) {
        lane = laneEnds.length < MAX_LANES ? laneEnds.length : MAX_LANES - 1;
      }
      laneEnds[lane] = Math.max(laneEnds[lane] || 0, m.bottom);
      m.lane = lane;
    }
    const lanes = Math.max(1, laneEnds.length);
    const labelsLeft = lanes * LANE + 6;
    const fragment = document.createDocumentFragment();
    let labelBottom = -Infinity;
    const lineHeight = 17;
    for (const m of measured) {
      const { c } = m;
      const title = c.other ? `${c.label} — ${c.coder}` : c.label;
      let tip = c.memo ? `${title}\nNote : ${c.memo}` : title;
      if (c.suggestion) tip = `Suggestion : ${title}${c.words ? `\nMots : ${c.words}` : ""}`;
      const classes = ["rw-stripe"];
      if (c.other) classes.push("rw-other");
      if (c.suggestion) classes.push("rw-suggested");
      if (c.key === active && !c.other) classes.push("rw-active");
      const bar = h("div", {
        class: classes.join(" "),
        title: tip,
        dataset: { key: c.key, code: c.code, coder: c.coder || "" },
        style: {
          top: `${m.top}px`,
          height: `${m.bottom - m.top}px`,
          left: `${m.lane * LANE}px`,
          "border-color": safeColor(c.color),
        },
      });
      fragment.append(bar);
      const y = Math.max(m.top, labelBottom);
      if (y - m.top <= 3 * lineHeight) {
        const label = h(
          "div",
          {
            class: classes.join(" ").replace("rw-stripe", "rw-stripe-label"),
            title: tip,
            dataset: { key: c.key, code: c.code, coder: c.coder || "" },
            style: { top: `${y}px`, left: `${labelsLeft}px`, color: c.other ? "#555" : "inherit" },
          },
          h("span", { class: "rw-dot", style: { background: safeColor(c.color) } }),
          c.other ? h("span", { class: "rw-coder-tag", text: c.coder }) : null,
          c.label,
          c.memo ? h("span", { class: "rw-memo-mark", title: c.memo, text: " ✎" }) : null,
        );
        fragment.append(label);
        labelBottom = y + lineHeight;
      }
    }
    this.node.replaceChildren(fragment);
    this.items = measured;
  }

  bind() {
    this.node.addEventListener("click", (event) => {
      const target = event.target.closest("[data-key]");
      if (target) this.onPick(target.dataset.key, target.dataset.coder || null);
    });
    this.node.addEventListener("mouseover", (event) => {
      const target = event.target.closest("[data-key]");
      this.onHover(target ? target.dataset.key : null, target ? target.dataset.coder || null : null);
    });
    this.node.addEventListener("mouseleave", () => this.onHover(null, null));
  }
}
