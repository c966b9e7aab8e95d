// The SLA's builders (the agreement page): a business calendar's working hours per weekday
// and its holidays as a list of dates, and the measured terms, one card per term. They plug into the rule builders'
// wiring (builder.js, loaded first), which keeps the posted field as the "advanced" view.
// No inline script, no eval (CSP).
(function () {
  "use strict";

  var B = window.HuddleBuilder;
  var el = B.el, labelled = B.labelled, options = B.options, number = B.number;
  var uid = 0;

  // --- working hours per weekday (SLA business calendars) -------------------------------------

  var DAYS = [["mon", "Monday"], ["tue", "Tuesday"], ["wed", "Wednesday"], ["thu", "Thursday"], ["fri", "Friday"], ["sat", "Saturday"], ["sun", "Sunday"]];

  // Checked in the browser (the calendar is checked again when saved): words, not JSON.
  function hoursWords(hours) {
    var problems = [], worked = [];
    DAYS.forEach(function (day) {
      var value = hours[day[0]];
      if (!value) return;
      var pairs = typeof value[0] === "string" ? [value] : value;
      pairs.forEach(function (pair) {
        if (!pair[0] || !pair[1]) problems.push(day[1] + ": give a start and an end");
        else if (pair[1] <= pair[0]) problems.push(day[1] + ": the day must end after it starts");
      });
      worked.push(day[1].slice(0, 3) + " " + pairs.map(function (p) { return p[0] + "–" + p[1]; }).join(", "));
    });
    if (!worked.length) problems.push("at least one weekday needs working hours");
    return { problems: problems, sentence: "Clocks count " + worked.join(" · ") + "." };
  }

  function hoursBuilder(host, initial, changed) {
    var hours = initial && typeof initial === "object" ? initial : {};
    host.textContent = "";
    DAYS.forEach(function (day) {
      var value = hours[day[0]];
      var split = value && typeof value[0] !== "string" && value.length > 1;
      var pair = value ? (typeof value[0] === "string" ? value : value[0]) : ["09:00", "17:00"];
      var works = el("input", { type: "checkbox", "aria-label": day[1] + ": working day" });
      works.checked = !!value;
      var from = el("input", { type: "time", value: pair[0], "aria-label": day[1] + " from" });
      var to = el("input", { type: "time", value: pair[1], "aria-label": day[1] + " to" });
      function update() {
        if (works.checked) hours[day[0]] = [from.value, to.value]; else delete hours[day[0]];
        from.disabled = to.disabled = !works.checked;
        changed();
      }
      [works, from, to].forEach(function (input) { input.addEventListener("input", update); input.addEventListener("change", update); });
      from.disabled = to.disabled = !works.checked;
      var row = split
        ? el("div", { "class": "builder-row" }, [el("span", { "class": "builder-day", text: day[1] }), el("span", { "class": "faint", text: "split hours: edit in JSON" })])
        : el("div", { "class": "builder-row" }, [works, el("span", { "class": "builder-day", text: day[1] }), from, el("span", { text: "to" }), to]);
      host.appendChild(row);
    });
    changed();
    return function () { return hours; };
  }

  // --- SLA terms: one card per measured term ------------------------------------------------

  // The fields each kind takes come from the server (data-kinds, from sla/terms.py); a field
  // the kind does not take is dropped when the kind changes, as the server would refuse it.
  var PERIOD_CHOICES = [["week", "per week"], ["month", "per month"], ["quarter", "per quarter"]];
  var FIELD_LABELS = {
    count: "How many", percent: "At least (%)", hours: "Within (business hours)",
    days: "Within (business days)", touch_types: "Inbound touch types (separated by commas)"
  };

  function condition(term, name, changed, label) {
    var value = term[name] || {};
    var which = Object.keys(value)[0] || "stage";
    var type = options(el("select"), [["stage", "stage entered"], ["touch", "touch of type"], ["event", "hand-off event"]], which);
    var text = el("input", { type: "text", value: value[which] || "", placeholder: "sal" });
    function update() {
      var next = {};
      next[type.value] = text.value.trim();
      term[name] = next;
      changed();
    }
    type.addEventListener("change", update);
    text.addEventListener("input", update);
    return el("div", { "class": "grid grid-2" }, [labelled(label, type), labelled(label + ": which", text)]);
  }

  function numberField(term, name, label, changed) {
    var input = el("input", { type: "number", step: "any", value: term[name] === undefined ? "" : term[name] });
    input.addEventListener("input", function () {
      term[name] = number(input.value);
      if (term[name] === undefined) delete term[name];
      changed();
    });
    return labelled(label, input);
  }

  function kindFields(kinds, term, changed, rebuildAll) {
    var takes = (kinds[term.kind] || { fields: [] }).fields;
    var parts = [];
    if (term.kind === "custom") {
      var measure = options(el("select"), [["duration", "Time from one point to another"], ["count", "Times something happens per period"]], term.measure || "duration");
      term.measure = measure.value;
      measure.addEventListener("change", function () {
        term.measure = measure.value;
        ["start", "hours", "count", "period"].forEach(function (f) { delete term[f]; });
        rebuildAll();
      });
      parts.push(labelled("Measure", measure));
      if (term.measure === "duration") parts.push(condition(term, "start", changed, "Starts at"));
      parts.push(condition(term, "stop", changed, term.measure === "duration" ? "Stops at" : "Counts"));
      takes = term.measure === "duration" ? ["hours"] : ["count", "period"];
    }
    var row = [];
    takes.forEach(function (name) {
      if (name === "period") {
        var period = options(el("select"), PERIOD_CHOICES, term.period || "month");
        term.period = period.value;
        period.addEventListener("change", function () { term.period = period.value; changed(); });
        row.push(labelled("Period", period));
      } else if (name === "touch_types") {
        var types = el("input", { type: "text", value: (term.touch_types || ["demo_requested", "quote_requested"]).join(", ") });
        function readTypes() { term.touch_types = types.value.split(",").map(function (t) { return t.trim(); }).filter(Boolean); }
        readTypes();
        types.addEventListener("input", function () { readTypes(); changed(); });
        row.push(labelled(FIELD_LABELS.touch_types, types));
      } else if (name === "task_owner") {
        // A play_task term: whose tasks it measures (none chosen: sales' and success').
        var owner = options(el("select"), [["", "Sales and success"], ["sales", "Sales"], ["success", "Success"]], term.task_owner || "");
        owner.addEventListener("change", function () {
          if (owner.value) term.task_owner = owner.value; else delete term.task_owner;
          changed();
        });
        row.push(labelled("Tasks of", owner));
      } else if (FIELD_LABELS[name]) {
        row.push(numberField(term, name, FIELD_LABELS[name], changed));
      }
    });
    if (row.length) parts.push(el("div", { "class": "grid grid-3" }, row));
    return parts;
  }

  function scopeFields(term, changed) {
    var fields = ["segment", "region", "grade", "source"].map(function (name) {
      var values = (term.scope && term.scope[name]) || [];
      var input = el("input", { type: "text", value: values.join(", "), placeholder: "any" });
      input.addEventListener("input", function () {
        var list = input.value.split(",").map(function (v) { return v.trim(); }).filter(Boolean);
        term.scope = term.scope || {};
        if (list.length) term.scope[name] = list; else delete term.scope[name];
        if (!Object.keys(term.scope).length) delete term.scope;
        changed();
      });
      return labelled("Only leads of " + name, input);
    });
    return el("div", { "class": "grid grid-2" }, fields);
  }

  function clockFields(term, changed) {
    var warn = el("input", { type: "number", min: "1", max: "99", value: term.warn_at === undefined ? "75" : Math.round(term.warn_at * 100) });
    warn.addEventListener("input", function () {
      var value = number(warn.value);
      if (value === undefined || value === 75) delete term.warn_at; else term.warn_at = value / 100;
      changed();
    });
    var flags = [
      ["pause_when_out_of_office", "Pause while the owner is out of office", false],
      ["escalate", "Tell the manager on a breach", true],
      ["reroute", "Route the lead again on a breach", false]
    ].map(function (flag) {
      var box = el("input", { type: "checkbox" });
      box.checked = term[flag[0]] === undefined ? flag[2] : term[flag[0]];
      box.addEventListener("change", function () {
        if (box.checked === flag[2]) delete term[flag[0]]; else term[flag[0]] = box.checked;
        changed();
      });
      var id = "s" + (++uid);
      box.id = id;
      return el("div", { "class": "builder-row" }, [box, el("label", { "for": id, text: flag[1] })]);
    });
    return [labelled("Warn when this much of the time is used (%)", warn)].concat(flags);
  }

  function termCard(kinds, term, index, keys, changed, rebuildAll, remove) {
    var kind = options(el("select"), Object.keys(kinds).map(function (k) { return [k, kinds[k].label]; }), term.kind);
    kind.addEventListener("change", function () {
      var keep = ["key", "label", "scope", "warn_at", "pause_when_out_of_office", "escalate", "reroute"];
      Object.keys(term).forEach(function (f) { if (keep.indexOf(f) < 0) delete term[f]; });
      if (term.key === keys.suggest(term.kind, term)) delete term.key;
      term.kind = kind.value;
      term.key = term.key || keys.suggest(term.kind, term);
      rebuildAll();
    });
    var label = el("input", { type: "text", value: term.label || "", maxlength: "120", placeholder: (kinds[term.kind] || {}).label || "" });
    label.addEventListener("input", function () { if (label.value.trim()) term.label = label.value; else delete term.label; changed(); });
    var key = el("input", { type: "text", value: term.key || "", maxlength: "60" });
    key.addEventListener("input", function () { term.key = key.value.trim(); changed(); });
    var parts = [
      el("div", { "class": "grid grid-3" }, [labelled("Term", kind), labelled("Name shown", label), labelled("Key (kept across versions)", key)])
    ].concat(kindFields(kinds, term, changed, rebuildAll));
    var more = el("details", { "class": "builder-json" }, [el("summary", { text: "Scope and alerts" }), scopeFields(term, changed)]);
    if (term.kind !== "mql_volume" && term.kind !== "mql_acceptance") clockFields(term, changed).forEach(function (p) { more.appendChild(p); });
    parts.push(more);
    var drop = el("button", { type: "button", "class": "btn btn-sm btn-ghost push-right", text: "Remove term", "aria-label": "Remove term " + (index + 1) });
    drop.addEventListener("click", remove);
    parts.push(el("div", { "class": "row" }, [drop]));
    return el("div", { "class": "builder-rule builder-term", "data-testid": "term-" + (index + 1) }, parts);
  }

  function termsBuilder(host, kinds, initial, changed) {
    var terms = Array.isArray(initial) ? initial : [];
    var keys = {
      // A new term's key: its kind, numbered when another term has it.
      suggest: function (kind, self) {
        var taken = terms.filter(function (t) { return t !== self; }).map(function (t) { return t.key; });
        var key = kind, n = 2;
        while (taken.indexOf(key) >= 0) key = kind + "_" + (n++);
        return key;
      }
    };
    function rebuild() {
      host.textContent = "";
      terms.forEach(function (term, index) {
        host.appendChild(termCard(kinds, term, index, keys, changed, rebuild, function () { terms.splice(index, 1); rebuild(); }));
      });
      if (!terms.length) host.appendChild(el("p", { "class": "muted", text: "No measured terms yet: add the promises Huddle should measure." }));
      var add = el("button", { type: "button", "class": "btn btn-sm", text: "+ Term" });
      add.addEventListener("click", function () {
        var term = { kind: "first_touch", hours: 4 };
        term.key = keys.suggest(term.kind, term);
        terms.push(term);
        rebuild();
      });
      host.appendChild(el("div", { "class": "row" }, [add]));
      changed();
    }
    rebuild();
    return function () { return terms; };
  }

  // --- holidays: a list of dates with add and remove ------------------------------------------

  function holidaysWords(days) {
    var problems = [], seen = {};
    days.forEach(function (day) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || isNaN(Date.parse(day))) problems.push(day + " is not a date (YYYY-MM-DD)");
      else if (seen[day]) problems.push(day + " is listed twice");
      seen[day] = true;
    });
    var sentence = days.length ? "No clock counts on " + days.join(", ") + "." : "No holidays: every working day counts.";
    return { problems: problems, sentence: sentence };
  }

  function holidaysBuilder(host, initial, changed) {
    var days = initial.slice();
    function rebuild() {
      host.textContent = "";
      var list = el("ul", { "class": "builder-holidays" });
      days.forEach(function (day, index) {
        var drop = el("button", { type: "button", "class": "btn btn-sm btn-ghost", text: "×", "aria-label": "Remove holiday " + day });
        drop.addEventListener("click", function () { days.splice(index, 1); rebuild(); });
        list.appendChild(el("li", { "class": "builder-row" }, [el("span", { text: day }), drop]));
      });
      var pick = el("input", { type: "date", "aria-label": "Holiday date" });
      var add = el("button", { type: "button", "class": "btn btn-sm", text: "+ Holiday" });
      add.addEventListener("click", function () {
        if (!pick.value) return;
        if (days.indexOf(pick.value) < 0) days.push(pick.value);
        days.sort();
        rebuild();
      });
      host.appendChild(list);
      host.appendChild(el("div", { "class": "builder-row" }, [pick, add]));
      changed();
    }
    rebuild();
    return function () { return days; };
  }

  function splitDates(text) {
    return (text || "").split(/[\s,]+/).map(function (d) { return d.trim(); }).filter(Boolean);
  }

  B.register("terms", {
    build: function (host, area, value, changed) {
      return termsBuilder(host, JSON.parse(area.getAttribute("data-kinds") || "{}"), value, changed);
    }
  });
  B.register("hours", {
    words: function (text) { var hours = null; try { hours = JSON.parse(text); } catch (e) { hours = null; } return hoursWords(hours || {}); },
    build: function (host, area, value, changed) { return hoursBuilder(host, value, changed); }
  });
  B.register("holidays", {
    initial: splitDates,
    serialise: function (days) { return days.join(", "); },
    words: function (text) { return holidaysWords(splitDates(text)); },
    build: function (host, area, value, changed) { return holidaysBuilder(host, value, changed); }
  });
})();
