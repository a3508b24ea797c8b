// The drafting page: a file in, its problems and its drawing out. Text
// from the service is written through textContent only.
(function () {
  'use strict';
  var WORDS = {
    id: {
      drop: 'Pilih atau jatuhkan berkas (JSON, XLSX, CSV, BPMN):', paper: 'Kertas', lang: 'Bahasa',
      token: 'Token', download: 'Unduh:', problems: 'Masalah', none: 'Tidak ada masalah.',
      ok: 'Diterima: {a} kegiatan, {p} pelaksana. Waktu layanan: {t}.', refused: 'Ditolak: {n} galat.',
      working: 'Memeriksa…', unknown: 'Jenis berkas tidak dikenal: {x}', error: 'Galat', warning: 'Peringatan',
      row: 'kegiatan {n}', line: 'baris {l}, kolom {c}', failed: 'Layanan menjawab {s}: {m}'
    },
    en: {
      drop: 'Choose or drop a file (JSON, XLSX, CSV, BPMN):', paper: 'Paper', lang: 'Language',
      token: 'Token', download: 'Download:', problems: 'Problems', none: 'No problems.',
      ok: 'Accepted: {a} activities, {p} performers. Service time: {t}.', refused: 'Refused: {n} errors.',
      working: 'Checking…', unknown: 'Unknown kind of file: {x}', error: 'Error', warning: 'Warning',
      row: 'activity {n}', line: 'line {l}, column {c}', failed: 'The service answered {s}: {m}'
    }
  };
  var FROM = { json: 'json', xlsx: 'xlsx', xlsm: 'xlsm', xls: 'xls', ods: 'ods', csv: 'csv', bpmn: 'bpmn', xml: 'bpmn' };
  var file = null;
  var $ = function (id) { return document.getElementById(id); };
  function words() { return WORDS[$('lang').value] || WORDS.id; }
  function say(key, values) {
    var text = words()[key];
    Object.keys(values || {}).forEach(function (k) { text = text.split('{' + k + '}').join(values[k]); });
    return text;
  }
  function label() {
    document.documentElement.lang = $('lang').value;
    document.querySelectorAll('[data-word]').forEach(function (el) { el.textContent = say(el.getAttribute('data-word')); });
  }
  function from() {
    var ext = (file.name.split('.').pop() || '').toLowerCase();
    return FROM[ext];
  }
  function call(path) {
    var headers = {};
    if ($('token').value) headers.Authorization = 'Bearer ' + $('token').value;
    var sep = path.indexOf('?') < 0 ? '?' : '&';
    var query = sep + 'from=' + from() + '&lang=' + $('lang').value;
    return fetch('/v1/' + path + query, { method: 'POST', body: file, headers: headers });
  }
  function where(d) {
    var parts = [];
    if (d.cell) parts.push(d.cell);
    if (d.activity) parts.push(say('row', { n: d.activity.number }));
    if (d.line) parts.push(say('line', { l: d.line, c: d.column || 1 }));
    if (d.path && !d.cell) parts.push(d.path);
    return parts.join(' · ');
  }
  function show(report) {
    var list = $('problems');
    list.textContent = '';
    var all = report.errors.map(function (d) { return [d, 'error']; })
      .concat(report.warnings.map(function (d) { return [d, 'warning']; }));
    all.forEach(function (pair) {
      var li = document.createElement('li');
      li.className = pair[1];
      var at = document.createElement('span');
      at.className = 'where';
      at.textContent = say(pair[1]) + (where(pair[0]) ? ' — ' + where(pair[0]) : '');
      li.appendChild(at);
      li.appendChild(document.createTextNode(pair[0].message));
      list.appendChild(li);
    });
    if (report.summary) {
      var s = report.summary;
      $('status').textContent = say('ok', { a: s.activities, p: s.actors, t: s.service_time ? s.service_time.text : '–' });
    } else {
      $('status').textContent = say('refused', { n: report.errors.length });
    }
    if (!all.length) $('status').textContent += ' ' + say('none');
  }
  function failure(response) {
    return response.json().then(function (body) {
      var message = body.error ? body.error.message : response.statusText;
      $('status').textContent = say('failed', { s: response.status, m: message });
    }, function () { $('status').textContent = say('failed', { s: response.status, m: response.statusText }); });
  }
  function run() {
    if (!file) return;
    if (!from()) { $('status').textContent = say('unknown', { x: file.name }); return; }
    $('status').textContent = say('working');
    $('problems').textContent = '';
    $('downloads').hidden = true;
    call('check').then(function (response) {
      if (response.status !== 200 && response.status !== 422 && response.status !== 400) return failure(response);
      return response.json().then(function (report) {
        show(report);
        if (!report.summary) { $('drawing').srcdoc = ''; return; }
        $('downloads').hidden = false;
        return call('render?format=html&paper=' + $('paper').value).then(function (drawn) {
          if (!drawn.ok) return failure(drawn);
          return drawn.text().then(function (html) { $('drawing').srcdoc = html; });
        });
      });
    });
  }
  function download(button) {
    var path = button.getAttribute('data-get');
    if (path.indexOf('render') === 0) path += '&paper=' + $('paper').value;
    call(path).then(function (response) {
      if (!response.ok) return failure(response);
      return response.blob().then(function (blob) {
        var a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = file.name.replace(/\.[^.]*$/, '') + '.' + button.getAttribute('data-ext');
        document.body.appendChild(a);
        a.click();
        a.remove();
      });
    });
  }
  $('file').addEventListener('change', function () { file = this.files[0] || null; run(); });
  var drop = $('drop');
  drop.addEventListener('dragover', function (e) { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', function () { drop.classList.remove('over'); });
  drop.addEventListener('drop', function (e) {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer.files.length) { file = e.dataTransfer.files[0]; run(); }
  });
  $('paper').addEventListener('change', run);
  $('lang').addEventListener('change', function () { label(); run(); });
  document.querySelectorAll('#downloads button').forEach(function (b) {
    b.addEventListener('click', function () { download(b); });
  });
  label();
  document.body.setAttribute('data-ready', 'true');
})();
