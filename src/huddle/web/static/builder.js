// Rule builders: point-and-click editors for conditions (all / any / not groups of
// field-operator-value rows) and score rules, over the JSON textareas the forms already
// post. The builder writes the same JSON the API takes into its textarea, which stays
// available, collapsed, as the "advanced" view; the server checks each change and answers
// what is wrong in words, or what the definition means. No inline script, no eval (CSP).
(function () {
  "use strict";

  var uid = 0;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else if (attrs[key] !== null && attrs[key] !== undefined) node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function parse(text) {
    if (!text || !text.trim()) return null;
    try { return JSON.parse(text); } catch (e) { return undefined; }
  }

  function labelled(text, control) {
    var id = "b" + (++uid);
    control.id = id;
    return el("div", { "class": "field" }, [el("label", { "for": id, text: text }), control]);
  }

  function options(select, items, selected) {
    items.forEach(function (item) {
      var option = el("option", { value: item[0], text: item[1] });
      if (item[0] === selected) option.selected = true;
      select.appendChild(option);
    });
    return select;
  }

  // --- conditions ------------------------------------------------------------------------

  // A condition as the builder holds it: a group {group: "all"|"any", not, items} whose
  // items are comparisons {field, op, value}, groups, or {raw} (a part the builder does not
  // edit, e.g. "touched", kept as written).
  function toState(node) {
    if (node === null) return { group: "all", not: false, items: [] };
    if (node.all || node.any) {
      var key = node.all ? "all" : "any";
      return { group: key, not: false, items: node[key].map(toItem) };
    }
    if (node.not) {
      var inner = toState(node.not);
      if (!inner.not) { inner.not = true; return inner; }
    }
    return { group: "all", not: false, items: [toItem(node)] };
  }

  function toItem(node) {
    if (node && (node.all || node.any || node.not)) return toState(node);
    if (node && typeof node.field === "string") return { field: node.field, op: node.op, value: node.value };
    return { raw: node };
  }

  function fromState(state) {
    var items = state.items.map(function (item) {
      if (item.raw !== undefined) return item.raw;
      if (item.items) return fromState(item);
      var out = { field: item.field, op: item.op };
      if (item.value !== undefined) out.value = item.value;
      return out;
    }).filter(function (item) { return item !== null; });
    if (!items.length) return null;
    var node = items.length === 1 && !state.items[0].items ? items[0] : {};
    if (items.length > 1 || state.items[0].items) node[state.group] = items;
    return state.not ? { not: node } : node;
  }

  function fieldInfo(fields, name) {
    for (var i = 0; i < fields.length; i++) if (fields[i].field === name) return fields[i];
    return null;
  }

  function operatorInfo(info, op) {
    var ops = info ? info.operators : [];
    for (var i = 0; i < ops.length; i++) if (ops[i].op === op) return ops[i];
    return ops[0] || null;
  }

  function typed(info, text) {
    var value = text.trim();
    if (info && info.kind === "number" && value !== "" && !isNaN(Number(value))) return Number(value);
    return value;
  }

  function valueInput(fields, row, changed) {
    var info = fieldInfo(fields, row.field);
    var op = operatorInfo(info, row.op);
    var box = el("span", { "class": "builder-value" });
    if (!op || op.takes === "none") { delete row.value; return box; }
    var listId = "bl" + (++uid);
    var suggestions = info ? (info.choices.length ? info.choices : info.suggestions) : [];
    var datalist = el("datalist", { id: listId }, suggestions.map(function (s) { return el("option", { value: s }); }));
    function input(value, label) {
      var field = el("input", {
        type: info && info.kind === "number" ? "number" : "text",
        "aria-label": label, list: suggestions.length ? listId : null, value: value === undefined ? "" : value
      });
      return field;
    }
    if (op.takes === "range") {
      var pair = Array.isArray(row.value) ? row.value : ["", ""];
      var low = input(pair[0], "From"), high = input(pair[1], "To");
      function both() { row.value = [typed(info, low.value), typed(info, high.value)]; changed(); }
      low.addEventListener("input", both); high.addEventListener("input", both);
      box.appendChild(low); box.appendChild(el("span", { text: "and" })); box.appendChild(high);
      return box;
    }
    if (op.takes === "list") {
      var many = input(Array.isArray(row.value) ? row.value.join(", ") : (row.value || ""), "Values, separated by commas");
      many.setAttribute("placeholder", "one, another");
      many.addEventListener("input", function () {
        row.value = many.value.split(",").map(function (v) { return typed(info, v); }).filter(function (v) { return v !== ""; });
        changed();
      });
      box.appendChild(many); box.appendChild(datalist);
      return box;
    }
    if (info && info.choices.length) {
      var select = options(el("select", { "aria-label": "Value" }), [["", "choose…"]].concat(info.choices.map(function (c) { return [c, c]; })), row.value);
      select.addEventListener("change", function () { row.value = select.value; changed(); });
      box.appendChild(select);
      return box;
    }
    var one = input(Array.isArray(row.value) ? "" : row.value, "Value");
    one.addEventListener("input", function () { row.value = typed(info, one.value); changed(); });
    box.appendChild(one); box.appendChild(datalist);
    return box;
  }

  function comparisonRow(fields, row, changed, rebuild, remove) {
    var fieldSelect = options(
      el("select", { "aria-label": "Field" }),
      [["", "choose a field…"]].concat(fields.map(function (f) { return [f.field, f.label]; })),
      row.field
    );
    if (row.field && !fieldInfo(fields, row.field)) options(fieldSelect, [[row.field, row.field]], row.field);
    var info = fieldInfo(fields, row.field);
    var opSelect = options(
      el("select", { "aria-label": "Operator" }),
      (info ? info.operators : []).map(function (o) { return [o.op, o.label]; }),
      row.op
    );
    if (info && !operatorInfo(info, row.op)) row.op = info.operators[0].op;
    if (info && !row.op) row.op = info.operators[0].op;
    fieldSelect.addEventListener("change", function () {
      row.field = fieldSelect.value;
      var next = fieldInfo(fields, row.field);
      row.op = next ? next.operators[0].op : undefined;
      delete row.value;
      rebuild();
    });
    opSelect.addEventListener("change", function () { row.op = opSelect.value; delete row.value; rebuild(); });
    var drop = el("button", { type: "button", "class": "btn btn-sm btn-ghost", "aria-label": "Remove this condition", text: "×" });
    drop.addEventListener("click", remove);
    return el("div", { "class": "builder-row" }, [fieldSelect, opSelect, valueInput(fields, row, changed), drop]);
  }

  function groupBox(fields, state, changed, rebuild, remove) {
    var mode = options(el("select", { "aria-label": "How the conditions combine" }), [
      ["all", "All of these"], ["any", "Any of these"], ["none", "None of these"]
    ], state.not ? "none" : state.group);
    mode.addEventListener("change", function () {
      state.not = mode.value === "none";
      state.group = mode.value === "any" ? "any" : "all";
      changed();
    });
    var box = el("div", { "class": "builder-group" }, [el("div", { "class": "builder-row" }, [mode, remove ? (function () {
      var drop = el("button", { type: "button", "class": "btn btn-sm btn-ghost", "aria-label": "Remove this group", text: "×" });
      drop.addEventListener("click", remove);
      return drop;
    })() : null])]);
    state.items.forEach(function (item, index) {
      function removeItem() { state.items.splice(index, 1); rebuild(); }
      if (item.raw !== undefined) {
        box.appendChild(el("div", { "class": "builder-row" }, [el("code", { text: JSON.stringify(item.raw) }), el("span", { "class": "faint", text: "(edit in JSON)" })]));
      } else if (item.items) {
        box.appendChild(groupBox(fields, item, changed, rebuild, removeItem));
      } else {
        box.appendChild(comparisonRow(fields, item, changed, rebuild, removeItem));
      }
    });
    var add = el("button", { type: "button", "class": "btn btn-sm", text: "+ Condition" });
    add.addEventListener("click", function () { state.items.push({ field: "", op: undefined }); rebuild(); });
    var addGroup = el("button", { type: "button", "class": "btn btn-sm", text: "+ Group" });
    addGroup.addEventListener("click", function () { state.items.push({ group: "any", not: false, items: [{ field: "" }] }); rebuild(); });
    box.appendChild(el("div", { "class": "row" }, [add, addGroup]));
    return box;
  }

  function conditionBuilder(host, fields, initial, changed) {
    var state = toState(initial);
    function rebuild() {
      host.textContent = "";
      host.appendChild(groupBox(fields, state, changed, rebuild, null));
      changed();
    }
    rebuild();
    return function () {
      var clean = { group: state.group, not: state.not, items: state.items.filter(function (i) { return i.raw !== undefined || i.items || i.field; }) };
      return fromState(clean);
    };
  }

  // --- score rules -----------------------------------------------------------------------

  function number(value) { return value === "" || isNaN(Number(value)) ? undefined : Number(value); }

  function ruleCard(fields, types, rule, changed, rebuildAll, remove) {
    var onTouches = rule.kind === "behaviour" || (rule.kind === "negative" && rule.event);
    var name = el("input", { type: "text", value: rule.name || "", maxlength: "120" });
    name.addEventListener("input", function () { rule.name = name.value; changed(); });
    var kind = options(el("select"), [
      ["behaviour", "Behaviour: each touch"], ["fit", "Fit: who they are"], ["negative", "Negative"]
    ], rule.kind || "behaviour");
    kind.addEventListener("change", function () {
      rule.kind = kind.value;
      if (rule.kind === "behaviour" && !rule.event) { rule.event = { types: [] }; delete rule.when; }
      if (rule.kind === "fit" && !rule.when) { rule.when = null; delete rule.event; delete rule.cap; }
      if (rule.kind === "negative" && rule.points > 0) rule.points = -rule.points;
      rebuildAll();
    });
    var points = el("input", { type: "number", value: rule.points === undefined ? "" : rule.points });
    points.addEventListener("input", function () { rule.points = number(points.value); changed(); });
    var parts = [
      el("div", { "class": "grid grid-3" }, [labelled("Rule name", name), labelled("Kind", kind), labelled("Points", points)])
    ];
    if (rule.kind === "negative") {
      var counts = options(el("select"), [["record", "once, by who they are"], ["touch", "on each touch"]], onTouches ? "touch" : "record");
      counts.addEventListener("change", function () {
        if (counts.value === "touch") { rule.event = { types: [] }; delete rule.when; } else { delete rule.event; delete rule.cap; rule.when = null; }
        rebuildAll();
      });
      parts.push(labelled("Counts", counts));
    }
    if (onTouches) {
      rule.event = rule.event || { types: [] };
      var typeSelect = options(el("select", { multiple: "multiple", size: "4" }), types.map(function (t) { return [t, t.replace(/_/g, " ")]; }));
      (rule.event.types || []).forEach(function (t) {
        if (types.indexOf(t) < 0) options(typeSelect, [[t, t]]);
        Array.prototype.forEach.call(typeSelect.options, function (o) { if (o.value === t) o.selected = true; });
      });
      typeSelect.addEventListener("change", function () {
        rule.event.types = Array.prototype.filter.call(typeSelect.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
        changed();
      });
      var where = rule.event.where;
      var urlOnly = !where || (where.field === "properties.url" && where.op === "matches");
      var url = el("input", { type: "text", placeholder: "/pricing", value: urlOnly && where ? where.value : "" });
      url.addEventListener("input", function () {
        if (url.value.trim()) rule.event.where = { field: "properties.url", op: "matches", value: url.value.trim() };
        else delete rule.event.where;
        changed();
      });
      var cap = el("input", { type: "number", min: "1", value: rule.cap || "" });
      cap.addEventListener("input", function () { rule.cap = number(cap.value); if (rule.cap === undefined) delete rule.cap; changed(); });
      var within = el("input", { type: "number", min: "1", value: rule.event.within_days || "" });
      within.addEventListener("input", function () {
        rule.event.within_days = number(within.value);
        if (rule.event.within_days === undefined) delete rule.event.within_days;
        changed();
      });
      parts.push(labelled("Touch types (choose one or more)", typeSelect));
      parts.push(el("div", { "class": "grid grid-3" }, [
        urlOnly ? labelled("Only pages whose URL matches", url) : el("p", { "class": "faint", text: "Touch filter: edit in JSON" }),
        labelled("At most (points)", cap),
        labelled("Only touches in the last (days)", within)
      ]));
    } else {
      var host = el("div", { "class": "builder" });
      parts.push(el("div", { "class": "field" }, [el("span", { "class": "label", text: "Applies to contacts where" }), host]));
      var read = conditionBuilder(host, fields, rule.when || null, function () { rule.when = read ? read() : rule.when; changed(); });
      rule.when = read();
    }
    var drop = el("button", { type: "button", "class": "btn btn-sm btn-ghost push-right", text: "Remove rule" });
    drop.addEventListener("click", remove);
    parts.push(el("div", { "class": "row" }, [drop]));
    return el("div", { "class": "builder-rule" }, parts);
  }

  function rulesBuilder(host, fields, types, initial, changed) {
    var rules = Array.isArray(initial) ? initial : [];
    function rebuild() {
      host.textContent = "";
      rules.forEach(function (rule, index) {
        host.appendChild(ruleCard(fields, types, rule, changed, rebuild, function () { rules.splice(index, 1); rebuild(); }));
      });
      var add = el("button", { type: "button", "class": "btn btn-sm", text: "+ Rule" });
      add.addEventListener("click", function () {
        rules.push({ name: "", kind: "behaviour", points: 10, event: { types: [] } });
        rebuild();
      });
      host.appendChild(el("div", { "class": "row" }, [add]));
      changed();
    }
    rebuild();
    return function () { return rules; };
  }

  // --- ICP and personas: weighted criteria ---------------------------------------------------

  function criterionCard(fields, criterion, changed, remove) {
    var label = el("input", { type: "text", value: criterion.label || "", maxlength: "120", placeholder: "Leads a data team" });
    label.addEventListener("input", function () { criterion.label = label.value; changed(); });
    var weight = el("input", { type: "number", min: "1", max: "100", value: criterion.weight || "" });
    weight.addEventListener("input", function () { criterion.weight = number(weight.value); changed(); });
    var host = el("div", { "class": "builder" });
    var read = null;
    read = conditionBuilder(host, fields, criterion.when || null, function () { if (read) criterion.when = read(); changed(); });
    criterion.when = read();
    var drop = el("button", { type: "button", "class": "btn btn-sm btn-ghost push-right", text: "Remove criterion" });
    drop.addEventListener("click", remove);
    return el("div", { "class": "builder-rule" }, [
      el("div", { "class": "grid grid-2" }, [labelled("Criterion", label), labelled("Weight (1 to 100)", weight)]),
      el("div", { "class": "field" }, [el("span", { "class": "label", text: "Met when" }), host]),
      el("div", { "class": "row" }, [drop])
    ]);
  }

  function profileBuilder(host, fields, initial, changed) {
    var criteria = Array.isArray(initial) ? initial : [];
    function rebuild() {
      host.textContent = "";
      criteria.forEach(function (criterion, index) {
        host.appendChild(criterionCard(fields, criterion, changed, function () { criteria.splice(index, 1); rebuild(); }));
      });
      var add = el("button", { type: "button", "class": "btn btn-sm", text: "+ Criterion" });
      add.addEventListener("click", function () { criteria.push({ label: "", weight: 1, when: null }); rebuild(); });
      host.appendChild(el("div", { "class": "row" }, [add]));
      changed();
    }
    rebuild();
    return function () { return criteria; };
  }

  function showWords(status, said) {
    status.textContent = "";
    status.appendChild(said.problems.length
      ? el("div", { "class": "builder-problems", role: "alert" }, [el("ul", {}, said.problems.map(function (p) { return el("li", { text: p }); }))])
      : el("ul", { "class": "builder-sentences" }, [el("li", { text: said.sentence })]));
  }

  // Builders other scripts add (sla-builders.js), by kind: build(host, area, value, changed)
  // returns the reader; optional initial(text) and serialise(value) when the field is not
  // JSON, and words(text) for a check made in the browser rather than by the server.
  var extra = {};
  window.HuddleBuilder = {
    el: el, labelled: labelled, options: options, number: number,
    register: function (kind, spec) { extra[kind] = spec; }
  };

  // --- wiring ----------------------------------------------------------------------------

  function attach(area) {
    var fields = parse(area.getAttribute("data-fields")) || [];
    var kind = area.getAttribute("data-builder");
    var spec = extra[kind];
    function fromText(text) { return spec && spec.initial ? spec.initial(text) : parse(text); }
    var initial = fromText(area.value);
    if (initial === undefined) return; // not JSON: leave the textarea as it is
    var host = el("div", { "class": "builder" });
    var status = el("div", { "class": "builder-status", "aria-live": "polite" });
    var details = el("details", { "class": "builder-json" }, [el("summary", { text: spec && spec.serialise ? "Advanced: edit as text" : "Advanced: edit as JSON" })]);
    var field = area.closest(".field") || area.parentNode;
    if (area.getAttribute("data-title")) {
      field.parentNode.insertBefore(el("div", { "class": "builder-title", text: area.getAttribute("data-title") }), field);
    }
    field.parentNode.insertBefore(host, field);
    field.parentNode.insertBefore(status, field);
    field.parentNode.insertBefore(details, field);
    details.appendChild(field);
    var timer = null;
    var read;
    function changed() {
      if (!read) return;
      var value = read();
      if (spec && spec.serialise) area.value = spec.serialise(value);
      else area.value = value === null || (Array.isArray(value) && !value.length) ? "" : JSON.stringify(value, null, 2);
      clearTimeout(timer);
      timer = setTimeout(check, 350);
    }
    function check() {
      if (spec && spec.words) { showWords(status, spec.words(area.value)); return; }
      var url = area.getAttribute("data-check");
      if (!url) return;
      var body = new URLSearchParams();
      body.set("what", area.getAttribute("data-builder"));
      body.set("scope", area.getAttribute("data-scope") || "record");
      body.set("value", area.value);
      var meta = document.querySelector('meta[name="csrf-token"]');
      fetch(url, {
        method: "POST", body: body, credentials: "same-origin",
        headers: { "X-CSRF-Token": meta ? meta.content : "" }
      }).then(function (response) { return response.text(); }).then(function (html) {
        // Server-rendered and escaped by the template.
        status.innerHTML = html;
      });
    }
    function build(value) {
      read = null;
      if (spec) {
        read = spec.build(host, area, value, changed);
      } else if (kind === "rules") {
        read = rulesBuilder(host, fields, parse(area.getAttribute("data-types")) || [], value, changed);
      } else if (kind === "profile") {
        read = profileBuilder(host, fields, value, changed);
      } else {
        read = conditionBuilder(host, fields, value, changed);
      }
      check();
    }
    build(initial);
    // The new profile's kind decides its fields: an ICP tests accounts, a persona contacts.
    var scopeSelect = document.getElementById(area.getAttribute("data-scope-select") || "");
    if (scopeSelect) {
      scopeSelect.addEventListener("change", function () {
        var scope = scopeSelect.value === "icp" ? "account" : "contact";
        area.setAttribute("data-scope", scope);
        fields = parse(area.getAttribute("data-fields-" + scope)) || [];
        build(read ? read() : parse(area.value));
      });
    }
    // JSON typed in the advanced view rebuilds the builder as you pause, not when the field
    // loses focus: a rebuild then would move the button being clicked from under the click.
    var typing = null;
    area.addEventListener("input", function () {
      clearTimeout(typing);
      typing = setTimeout(function () {
        var value = fromText(area.value);
        if (value !== undefined) build(value);
      }, 400);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("textarea[data-builder], input[data-builder]"), attach);
  });
})();
