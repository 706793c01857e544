// The chat page's only script (served from /assets/chat.js): sends messages and button presses, shows replies.

export const CHAT_JS = `'use strict';
(function () {
  var root = document.getElementById('chat');
  if (!root) return;
  var log = document.getElementById('chat-log');
  var form = document.getElementById('chat-form');
  var input = document.getElementById('chat-text');
  var person = document.getElementById('chat-person');
  var lang = root.dataset.lang;
  var busy = false;

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + Math.random().toString(36).slice(2, 12);
  }
  function scroll() { log.scrollTop = log.scrollHeight; }
  function add(cls, meta) {
    var li = document.createElement('li');
    li.className = 'msg ' + cls;
    if (meta) {
      var m = document.createElement('span');
      m.className = 'meta';
      m.textContent = meta;
      li.appendChild(m);
    }
    log.appendChild(li);
    return li;
  }
  function mine(text) {
    var li = add('me', root.dataset.you);
    li.appendChild(document.createTextNode(text));
    scroll();
  }
  function note(text, cls) {
    var li = add(cls || 'note');
    li.textContent = text;
    scroll();
  }
  function bot(reply) {
    var li = add('bot', root.dataset.bot);
    var body = document.createElement('div');
    // The server escaped every text in it (renderHtml): only <b>, <code> and the light dots are markup.
    body.innerHTML = reply.html;
    li.appendChild(body);
    if (reply.buttons.length) {
      var box = document.createElement('div');
      box.className = 'buttons';
      reply.buttons.forEach(function (row) {
        var r = document.createElement('div');
        row.forEach(function (b) {
          var btn = document.createElement('button');
          btn.type = 'button';
          btn.textContent = b.label;
          btn.dataset.action = b.action;
          r.appendChild(btn);
        });
        box.appendChild(r);
      });
      li.appendChild(box);
    }
    scroll();
  }
  function send(payload) {
    if (busy) return Promise.resolve();
    busy = true;
    root.setAttribute('aria-busy', 'true');
    var body = Object.assign({ person: person.value, lang: lang, messageId: newId() }, payload);
    return fetch('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    })
      .then(function (res) {
        if (!res.ok) throw new Error(String(res.status));
        return res.json();
      })
      .then(function (data) { data.replies.forEach(bot); })
      .catch(function () { note(root.dataset.error, 'error'); })
      .then(function () {
        busy = false;
        root.removeAttribute('aria-busy');
      });
  }
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text || busy) return;
    mine(text);
    input.value = '';
    send({ text: text }).then(function () { input.focus(); });
  });
  log.addEventListener('click', function (e) {
    var btn = e.target.closest('button[data-action]');
    if (!btn || busy) return;
    var row = btn.closest('.buttons');
    row.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
    mine(btn.textContent);
    send({ action: btn.dataset.action }).then(function () { input.focus(); });
  });
  root.querySelectorAll('[data-suggest]').forEach(function (b) {
    b.addEventListener('click', function () {
      input.value = b.dataset.suggest;
      form.requestSubmit();
    });
  });
  person.addEventListener('change', function () {
    var opt = person.options[person.selectedIndex];
    var url = new URL(window.location.href);
    url.searchParams.set('as', person.value);
    history.replaceState(null, '', url.pathname + url.search);
    note(root.dataset.nowas.replace('{name}', opt.textContent.trim()));
    var role = opt.dataset.role;
    root.querySelectorAll('[data-for-role]').forEach(function (s) { s.hidden = s.dataset.forRole !== role; });
  });
})();
`;
