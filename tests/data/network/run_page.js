// Runs the script of an interactive network page under node, with a minimal
// stand-in for the few DOM calls it makes, and prints what it drew as JSON.
"use strict";
const fs = require("fs");
const page = fs.readFileSync(process.argv[2], "utf8");
const json = page.match(/<script type="application\/json" id="network-data">([\s\S]*?)<\/script>/)[1];
const code = page.match(/<script>\n([\s\S]*?)<\/script>/)[1];
function element(id) {
  return {
    id, children: [], innerHTML: "", style: {}, listeners: {}, value: "",
    textContent: id === "network-data" ? json : "",
    appendChild(child) { this.children.push(child); },
    addEventListener(type, handler) { this.listeners[type] = handler; },
    getBoundingClientRect() { return { left: 0, top: 0 }; },
  };
}
const elements = {};
global.document = {
  getElementById(id) { return elements[id] || (elements[id] = element(id)); },
  createElement(tag) { return element(tag); },
};
new Function(code)();
const view = elements.view, select = elements.edition, tip = elements.tip;
const out = {
  drawn: (view.innerHTML.match(/class="node"/g) || []).length,
  summary: elements.summary.textContent,
  options: select.children.map((option) => option.value),
  legend: elements.legend.children.length,
  legendText: elements.legend.children.map((item) => item.innerHTML).join("|"),
};
select.value = out.options[out.options.length - 1];
select.listeners.change();
out.last = elements.summary.textContent;
view.listeners.mousemove({ target: { getAttribute: () => "0" }, clientX: 5, clientY: 6 });
out.tip = tip.innerHTML;
out.tipShown = tip.style.display;
view.listeners.mousemove({ target: { getAttribute: () => null }, clientX: 5, clientY: 6 });
out.tipHidden = tip.style.display;
console.log(JSON.stringify(out));
