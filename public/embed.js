/*
 * Upsert Playground embeds for any web page (docs/EMBED.md). Load it once, anywhere in the page:
 *
 *   <script src="https://<where the playground is served>/embed.js" async></script>
 *
 * 1. Every <pre data-upsert-playground> becomes a live embed. Its text is the SQL: the setup, then
 *    a line "-- @statement", then the statement (without that line, all of it is the statement).
 *    Attributes: data-dialect ("sqlite" or "postgres"; "sqlite,postgres" offers both), data-title,
 *    data-readonly, data-setup ("collapsed", "shown", "hidden"), data-run ("click", "load"),
 *    data-theme ("auto", "light", "dark"), data-max-height (pixels).
 * 2. Every <iframe data-upsert-playground> (the Share dialog's snippet) and every embed made here
 *    grows to its content: the embed posts { source: "upsert-playground", type: "resize", height }.
 *
 * Hand-written and dependency-free on purpose: it runs in other people's pages and stays small.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var base = new URL('embed.html', script && script.src ? script.src : document.baseURI);
  var MARKER = /^[ \t]*--[ \t]*@statement[ \t]*$/m;
  var frames = [];
  var count = 0;

  function scenarioOf(pre) {
    var text = pre.textContent.replace(/^\n/, '');
    var m = MARKER.exec(text);
    var setup = m ? text.slice(0, m.index).replace(/\s+$/, '') + '\n' : '';
    var statement = (m ? text.slice(m.index + m[0].length) : text).replace(/^\s*\n/, '').replace(/\s+$/, '') + '\n';
    var dialects = (pre.getAttribute('data-dialect') || 'sqlite').split(/[\s,]+/);
    var first = dialects[0] === 'postgres' || dialects[0] === 'postgresql' ? 'postgres' : 'sqlite';
    var scenario = { dialect: first };
    scenario[first] = { setup: setup, statement: statement };
    var title = pre.getAttribute('data-title');
    if (title) scenario.title = title;
    return scenario;
  }

  function optionQuery(pre, id) {
    var q = ['host=1', 'id=' + encodeURIComponent(id)];
    var map = {
      'data-dialect': 'dialect',
      'data-setup': 'setup',
      'data-run': 'run',
      'data-theme': 'theme',
      'data-max-height': 'maxheight',
    };
    for (var attr in map) {
      var v = pre.getAttribute(attr);
      if (v) q.push(map[attr] + '=' + encodeURIComponent(v));
    }
    if (pre.hasAttribute('data-readonly') && pre.getAttribute('data-readonly') !== 'false') q.push('readonly=1');
    return q.join('&');
  }

  function convert(pre) {
    var id = 'upsert-' + ++count;
    var frame = document.createElement('iframe');
    frame.src = base.href + '?' + optionQuery(pre, id);
    frame.title = 'Upsert Playground: ' + (pre.getAttribute('data-title') || 'runnable SQL example');
    frame.setAttribute('data-upsert-playground', '');
    frame.setAttribute('loading', 'lazy');
    frame.style.cssText = 'display:block;width:100%;height:240px;border:0;';
    frames.push({ frame: frame, id: id, scenario: scenarioOf(pre) });
    pre.parentNode.replaceChild(frame, pre);
  }

  function entryFor(source) {
    for (var i = 0; i < frames.length; i++) if (frames[i].frame.contentWindow === source) return frames[i];
    var all = document.querySelectorAll('iframe[data-upsert-playground]');
    for (var j = 0; j < all.length; j++) if (all[j].contentWindow === source) return { frame: all[j] };
    return null;
  }

  window.addEventListener('message', function (e) {
    var data = e.data;
    if (e.origin !== base.origin || !data || data.source !== 'upsert-playground') return;
    var entry = entryFor(e.source);
    if (!entry) return;
    if (data.type === 'resize' && typeof data.height === 'number' && data.height > 0) {
      entry.frame.style.height = Math.ceil(data.height) + 'px';
    } else if (data.type === 'ready' && entry.scenario) {
      e.source.postMessage(
        { source: 'upsert-playground-host', type: 'scenario', id: entry.id, scenario: entry.scenario },
        base.origin,
      );
    }
  });

  function scan() {
    var pres = document.querySelectorAll('pre[data-upsert-playground]');
    for (var i = 0; i < pres.length; i++) convert(pres[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
