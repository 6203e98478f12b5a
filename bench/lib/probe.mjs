// The in-page probe, installed with addInitScript before any page script runs. It records, on the
// page's own clock (performance.now(), 0 = navigation start):
// - marks: when a watched condition first holds in the DOM (`dom`) and the frame after it (`paint`:
//   a requestAnimationFrame callback, then a posted message, i.e. after that frame was produced);
// - every trusted click (capture phase), so a measure starts at the real input event;
// - every worker created and each message it sent (type, arrival time, the engine's own timings);
// - long tasks (> 50 ms) of the main thread.
// Nothing here sleeps or polls on a timer: conditions are re-checked on DOM mutations.

/** The probe itself; serialised into the page, so it must not close over anything. */
export function probe(cfg) {
  const now = () => performance.now();
  const b = {
    cfg,
    clicks: [],
    workers: [],
    messages: [],
    longtasks: [],
    marks: {},
    watchers: [],
  };
  Object.defineProperty(window, '__bench', { value: b, enumerable: false });

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    b.longtasksUnsupported = true;
  }

  addEventListener(
    'click',
    (e) => {
      if (!e.isTrusted) return;
      const el = e.target instanceof Element ? e.target : null;
      b.clicks.push({
        t: now(),
        target: el
          ? `${el.tagName.toLowerCase()}${el.getAttribute('value') ? `[value=${el.getAttribute('value')}]` : ''}`
          : '',
      });
    },
    true,
  );

  const NativeWorker = window.Worker;
  if (NativeWorker) {
    window.Worker = class extends NativeWorker {
      constructor(url, opts) {
        super(url, opts);
        const w = { name: (opts && opts.name) || String(url), created: now() };
        b.workers.push(w);
        this.addEventListener('message', (e) => {
          const d = e.data;
          if (!d || typeof d !== 'object') return;
          const m = { worker: w.name, type: d.type ?? 'reply', t: now() };
          if (d.type === 'ready')
            Object.assign(m, { startupMs: d.startupMs, fromSnapshot: d.fromSnapshot, version: d.version });
          // A result arrives as an object or as JSON text (large results): read the few fields
          // needed from the text without parsing all of it (that would add to the measured time).
          let timings = d.result ? d.result.timings : d.timings;
          if (typeof d.json === 'string') {
            const t = /"timings":(\{[^{}]*\})/.exec(d.json.slice(-400));
            if (t) timings = JSON.parse(t[1]);
            m.ok = /^\{[^[{]*"ok":true/.test(d.json.slice(0, 400));
          }
          if (timings) m.timings = timings;
          if (d.result) m.ok = d.result.ok;
          if (d.type === 'fatal') m.message = d.message;
          b.messages.push(m);
          check();
        });
      }
    };
  }

  /** Rows of a table (not spacer or "no rows" rows) under an optional scope selector. */
  b.tableRows = (label, scope) => {
    const t = document.querySelector(`${scope ? `${scope} ` : ''}table[aria-label="${label}"]`);
    return t ? t.querySelectorAll('tbody tr:not(.spacer):not(.empty-row)').length : -1;
  };
  /** All <tr> elements of a table body (spacers included): how much of it is in the DOM. */
  b.domRows = (label, scope) => {
    const t = document.querySelector(`${scope ? `${scope} ` : ''}table[aria-label="${label}"]`);
    return t ? t.querySelectorAll('tbody tr').length : -1;
  };

  function fire(w) {
    const m = { dom: now() };
    b.marks[w.name] = m;
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        m.paint = now();
      };
      ch.port2.postMessage(0);
    });
  }
  function check() {
    for (const w of b.watchers.slice()) {
      let ok = false;
      try {
        ok = Boolean(w.test());
      } catch {
        ok = false;
      }
      if (ok) {
        b.watchers.splice(b.watchers.indexOf(w), 1);
        fire(w);
      }
    }
  }
  /** Record mark `name` the first time `test()` holds. */
  b.watch = (name, test) => {
    delete b.marks[name];
    b.watchers.push({ name, test });
    check();
  };
  /**
   * Watch for the next completed run after the next click: a result message from a worker whose
   * name contains `worker` arrived after that click, the results pane is no longer busy, and the
   * table `label` has rows.
   */
  b.watchRun = (name, worker, label, scope) => {
    const since = now();
    b.watch(name, () => {
      const click = b.clicks.findLast((c) => c.t >= since);
      if (!click) return false;
      const r = b.messages.findLast((m) => m.type === 'result' && m.worker.includes(worker));
      if (!r || r.t < click.t) return false;
      const pane = document.querySelector('.results-pane[aria-busy="true"]');
      if (pane) return false;
      return b.tableRows(label, scope) > 0;
    });
  };

  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['aria-busy', 'disabled', 'class', 'open'],
  });

  if (cfg.first) {
    const { label, scope } = cfg.first;
    b.watch('first', () => b.tableRows(label, scope) > 0);
  }
}
