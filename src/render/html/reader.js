// sopflow reading aids. Reads the SVG's data- attributes and the JSON
// island #sop-data; writes text only through textContent.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('sop-data').textContent);
  var words = data.words;
  var steps = data.steps;
  steps.forEach(function (s) {
    s.next = s.next || [];
    s.requirements = s.requirements || [];
  });
  var byId = new Map();
  var before = new Map();
  var actorName = new Map();
  data.actors.forEach(function (a) { actorName.set(a.id, a.name); });
  steps.forEach(function (s) { byId.set(s.id, s); before.set(s.id, []); });
  steps.forEach(function (s) {
    s.next.forEach(function (n) { if (before.has(n)) before.get(n).push(s.id); });
  });
  var after = new Map(steps.map(function (s) { return [s.id, s.next]; }));

  function add(map, key, value) {
    if (!map.has(key)) map.set(key, []);
    map.get(key).push(value);
  }
  // The drawing: symbols by step id; flows and off-page connectors by
  // their (from, to) pair.
  var symbols = new Map();
  var flows = [];
  document.querySelectorAll('g.sop-activity').forEach(function (g) {
    var id = g.getAttribute('data-id');
    add(symbols, id, g);
    var step = byId.get(id);
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    if (step) g.setAttribute('aria-label', step.row + '. ' + step.text);
  });
  document.querySelectorAll('g.sop-flow-group, g.sop-offpage').forEach(function (g) {
    flows.push({ from: g.getAttribute('data-from'), to: g.getAttribute('data-to'), el: g });
  });
  // The step list, one button per step.
  var items = new Map();
  var list = document.createDocumentFragment();
  steps.forEach(function (s) {
    var li = document.createElement('li');
    li.setAttribute('data-id', s.id);
    var button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('data-id', s.id);
    var number = document.createElement('span');
    number.className = 'sop-step-no';
    number.textContent = s.row;
    button.appendChild(number);
    button.appendChild(document.createTextNode(' ' + s.text));
    li.appendChild(button);
    list.appendChild(li);
    items.set(s.id, li);
  });
  document.getElementById('sop-steps').appendChild(list);

  var search = document.getElementById('sop-search');
  var actor = document.getElementById('sop-actor');
  var pathSwitch = document.getElementById('sop-path');
  var status = document.getElementById('sop-status');
  var detail = document.getElementById('sop-detail');
  var state = { chosen: null };
  var touched = [];

  function mark(el, cls) { el.classList.add(cls); touched.push(el); }

  function reach(from, edges) {
    var seen = new Set(from);
    var stack = from.slice();
    while (stack.length) {
      (edges.get(stack.pop()) || []).forEach(function (n) {
        if (!seen.has(n)) { seen.add(n); stack.push(n); }
      });
    }
    return seen;
  }

  // The steps and flows on the paths from a start to `id` and from it to
  // an end; without the path view, the step and the flows touching it.
  function lit(id) {
    if (!pathSwitch.checked) {
      return {
        steps: new Set([id]),
        flow: function (f) { return f.from === id || f.to === id; }
      };
    }
    var starts = steps.filter(function (s) { return s.start; }).map(function (s) { return s.id; });
    var ends = steps.filter(function (s) { return s.end; }).map(function (s) { return s.id; });
    var fromStart = reach(starts, after);
    var toStep = reach([id], before);
    var fromStep = reach([id], after);
    var toEnd = reach(ends, before);
    var onPath = new Set([id]);
    steps.forEach(function (s) {
      if ((fromStart.has(s.id) && toStep.has(s.id)) || (fromStep.has(s.id) && toEnd.has(s.id))) onPath.add(s.id);
    });
    return {
      steps: onPath,
      flow: function (f) {
        return (fromStart.has(f.from) && toStep.has(f.to)) || (fromStep.has(f.from) && toEnd.has(f.to));
      }
    };
  }

  function filtered() {
    var query = search.value.trim().toLowerCase();
    var who = actor.value;
    if (!query && !who) return null;
    var found = new Set();
    steps.forEach(function (s) {
      if (who && s.actors.indexOf(who) < 0) return;
      if (query) {
        var text = [s.text, s.output || '', s.notes || '', s.time || ''].concat(s.requirements).join('\n').toLowerCase();
        if (text.indexOf(query) < 0) return;
      }
      found.add(s.id);
    });
    return found;
  }

  function render() {
    touched.forEach(function (el) { el.classList.remove('sop-lit', 'sop-chosen', 'sop-match'); });
    touched = [];
    var found = filtered();
    items.forEach(function (li, id) { li.hidden = found !== null && !found.has(id); });
    if (found) {
      found.forEach(function (id) { (symbols.get(id) || []).forEach(function (g) { mark(g, 'sop-match'); }); });
      status.textContent = words.found.replace('{n}', found.size);
    } else {
      status.textContent = '';
    }
    var id = state.chosen;
    document.body.classList.toggle('sop-focus', id !== null);
    if (id === null) { detail.hidden = true; return; }
    var on = lit(id);
    on.steps.forEach(function (s) {
      (symbols.get(s) || []).forEach(function (g) { mark(g, 'sop-lit'); });
      if (items.has(s)) mark(items.get(s), 'sop-lit');
    });
    (symbols.get(id) || []).forEach(function (g) { mark(g, 'sop-chosen'); });
    if (items.has(id)) mark(items.get(id), 'sop-chosen');
    flows.forEach(function (f) { if (on.flow(f)) mark(f.el, 'sop-lit'); });
    show(byId.get(id));
  }

  function show(step) {
    detail.textContent = '';
    var list = document.createElement('dl');
    function row(label, value) {
      if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) return;
      var dt = document.createElement('dt');
      dt.textContent = label;
      var dd = document.createElement('dd');
      if (Array.isArray(value)) {
        var ul = document.createElement('ul');
        value.forEach(function (v) { var li = document.createElement('li'); li.textContent = v; ul.appendChild(li); });
        dd.appendChild(ul);
      } else {
        dd.textContent = value;
      }
      list.appendChild(dt);
      list.appendChild(dd);
    }
    row(words.number, String(step.row));
    row(words.activity, step.text);
    row(words.actors, step.actors.map(function (a) { return actorName.get(a) || a; }).join(', '));
    row(words.requirements, step.requirements);
    row(words.time, step.time);
    row(words.output, step.output);
    row(words.notes, step.notes);
    row(words.next, step.next.map(function (n) {
      var s = byId.get(n);
      if (!s) return n;
      var text = s.text.split('\n')[0];
      return s.row + '. ' + (text.length > 90 ? text.slice(0, 88) + '…' : text);
    }));
    row(words.through, step.through
      ? step.through[0] + ' (' + words.fastest + ') – ' + step.through[1] + ' (' + words.slowest + ')'
      : words.no_path);
    detail.appendChild(list);
    detail.hidden = false;
  }

  function choose(id, from) {
    state.chosen = id;
    render();
    var target = from === 'list' ? (symbols.get(id) || [])[0] : items.get(id);
    if (target && target.scrollIntoView) target.scrollIntoView({ block: 'nearest' });
  }

  symbols.forEach(function (groups, id) {
    groups.forEach(function (g) {
      g.addEventListener('click', function () { choose(id, 'drawing'); });
      g.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); choose(id, 'drawing'); }
      });
    });
  });
  items.forEach(function (li, id) {
    li.querySelector('button').addEventListener('click', function () { choose(id, 'list'); });
  });
  search.addEventListener('input', render);
  actor.addEventListener('change', render);
  pathSwitch.addEventListener('change', render);
  document.getElementById('sop-clear').addEventListener('click', function () {
    state.chosen = null;
    search.value = '';
    actor.value = '';
    render();
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { state.chosen = null; render(); }
  });
  performance.mark('sopflow-ready');
  document.body.setAttribute('data-ready', 'true');
})();
