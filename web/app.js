// app.js drives the demo page: a plain textarea for typing, with highlight
// layers behind it that repeat the text invisibly and colour the labeled
// spans. Text from the document or the server only ever reaches the page as
// text nodes (textContent, createTextNode), never as HTML.

import { SpanstreamClient, STATUS, PARENTS, layerSpans } from './spanstream.js';

// SAMPLES are prompts written for this demo; each touches several roles.
const SAMPLES = [
  {
    title: 'Lighthouse at dusk',
    text: 'Wide shot of an old lighthouse keeper climbing a spiral staircase at dusk, ' +
      'warm tungsten light from an oil lamp, slow dolly in, shot on 35mm film, 24fps, 2.39:1',
  },
  {
    title: 'Jazz pianist',
    text: 'Close-up of an elderly jazz pianist smiling with his eyes closed, soft window ' +
      'light, shallow depth of field, handheld camera, muted teal and orange grade, ' +
      'rain ambience and a slow saxophone score',
  },
  {
    title: 'Forest from above',
    text: 'Aerial drone shot gliding over a foggy pine forest at sunrise, golden hour ' +
      'backlight, documentary style, 4K, 10 seconds',
  },
  {
    title: 'Night skater 🛹',
    text: '🛹 Low-angle tracking shot of a skateboarder in a yellow raincoat weaving ' +
      'through neon-lit Tokyo streets at night, anamorphic lens flare, cyberpunk ' +
      'aesthetic, synthwave soundtrack',
  },
  {
    title: 'Kitchen flambé',
    text: 'Medium shot: a chef in a white apron flambés a pan while flames light her face ' +
      'from below, steam rising, static camera, 60fps slow motion, crackling sizzle ' +
      'sound effects',
  },
];

// FRESH_MS is how long after it first appears a highlight still fades in;
// the tier's delay (style.css) staggers high, medium and low within it.
const FRESH_MS = 800;

const $ = (id) => document.getElementById(id);
const ui = {
  prompt: $('prompt'), layers: $('layers'), tooltip: $('tooltip'),
  banner: $('banner'), bannerText: $('banner-text'), retry: $('retry'),
  conn: $('conn'), state: $('state'), labeler: $('labeler'), cache: $('cache'),
  first: $('first'), done: $('done'),
  notice: $('notice'), caretEmpty: $('caret-empty'), caretList: $('caret-list'),
  all: $('all'), allCount: $('all-count'), allList: $('all-list'), samples: $('samples'),
};

const client = new SpanstreamClient();

// marks pairs each rendered <mark> with its span, for hit-testing the pointer.
let marks = [];
// firstSeen maps a span's place and role to when it was first drawn.
let firstSeen = new Map();
let caretKey = '';

const spanKey = (s) => `${s.start}:${s.end}:${s.role}`;

function text(s) { return document.createTextNode(s); }

function el(tag, className, content) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (content !== undefined) e.textContent = content;
  return e;
}

function parentClass(s) { return `p-${PARENTS.includes(s.parent) ? s.parent : 'other'}`; }

function tierOf(s) { return ['high', 'medium', 'low'].includes(s.tier) ? s.tier : 'low'; }

function percent(c) { return Number.isFinite(c) ? `${Math.round(c * 100)}%` : '?'; }

function ms(v) {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '–';
  return v < 10 ? `${v.toFixed(1)} ms` : `${Math.round(v)} ms`;
}

// ageSpans records when each span was first drawn. After an edit, spans that
// merely moved are not new, so they do not fade in again.
function ageSpans(spans, reason, now) {
  const next = new Map();
  for (const s of spans) {
    const k = spanKey(s);
    next.set(k, firstSeen.get(k) ?? (reason === 'edit' ? -Infinity : now));
  }
  firstSeen = next;
}

function makeMark(doc, s, now) {
  const m = el('mark', `${parentClass(s)} t-${tierOf(s)}`, doc.slice(s.start, s.end));
  // The data attributes let tests and tools read what each mark stands for.
  Object.assign(m.dataset, { role: s.role, start: s.start, end: s.end, tier: tierOf(s) });
  const age = now - firstSeen.get(spanKey(s));
  if (age < FRESH_MS) {
    m.classList.add('fresh');
    m.style.setProperty('--age', `${Math.round(age)}ms`);
  }
  marks.push({ el: m, span: s });
  return m;
}

// fillLayer repeats the document in one layer, wrapping its spans in marks.
// Offsets are UTF-16 code units, the same unit String.prototype.slice uses.
function fillLayer(layer, doc, spans, now) {
  const frag = document.createDocumentFragment();
  let pos = 0;
  for (const s of spans) {
    if (s.start > pos) frag.append(text(doc.slice(pos, s.start)));
    frag.append(makeMark(doc, s, now));
    pos = s.end;
  }
  frag.append(text(doc.slice(pos)));
  // A textarea shows a line after a final newline; a div needs something on it.
  if (doc === '' || doc.endsWith('\n')) frag.append(text(' '));
  layer.replaceChildren(frag);
}

function render(reason) {
  const doc = client.text;
  const spans = client.spans;
  const now = performance.now();
  ageSpans(spans, reason, now);

  const layers = layerSpans(spans);
  const count = Math.max(1, layers.length);
  while (ui.layers.children.length < count) {
    const layer = el('div', 'layer');
    layer.dataset.depth = String(Math.min(ui.layers.children.length, 3));
    ui.layers.append(layer);
  }
  while (ui.layers.children.length > count) ui.layers.lastElementChild.remove();

  marks = [];
  ui.layers.dataset.version = String(client.version);
  for (let i = 0; i < count; i++) fillLayer(ui.layers.children[i], doc, layers[i] ?? [], now);
  syncScroll();
  showCaret(spans);
  if (ui.all.open) showAll(spans);
  ui.allCount.textContent = String(spans.length);
}

function syncScroll() {
  for (const layer of ui.layers.children) {
    layer.scrollTop = ui.prompt.scrollTop;
    layer.scrollLeft = ui.prompt.scrollLeft;
  }
}

function spanItem(s) {
  const li = el('li', 'span-item');
  li.append(el('span', `swatch ${parentClass(s)}`));
  li.append(el('strong', '', s.role), text(' '), el('q', '', s.text), text(' '));
  const source = s.source ?? (s.stale ? 'earlier version' : 'pending');
  li.append(el('span', 'meta', `${percent(s.confidence)} · ${tierOf(s)} · ${source}`));
  return li;
}

function caretSpans(spans) {
  const a = ui.prompt.selectionStart;
  const b = ui.prompt.selectionEnd;
  if (a === b) return spans.filter((s) => s.start <= a && a <= s.end);
  return spans.filter((s) => s.start < b && s.end > a);
}

// showCaret lists the spans at the caret. It touches the DOM only when the
// list changes, so that screen readers hear it once.
function showCaret(spans = client.spans) {
  const here = caretSpans(spans);
  const key = here.map((s) => `${spanKey(s)}:${s.tier}:${s.source}`).join('|');
  if (key === caretKey) return;
  caretKey = key;
  ui.caretList.replaceChildren(...here.map(spanItem));
  ui.caretEmpty.hidden = here.length > 0;
}

function showAll(spans = client.spans) {
  ui.allList.replaceChildren(...spans.map(spanItem));
}

function hitSpans(x, y) {
  const hits = [];
  for (const { el: m, span } of marks) {
    for (const r of m.getClientRects()) {
      if (x >= r.left && x < r.right && y >= r.top && y < r.bottom) {
        hits.push(span);
        break;
      }
    }
  }
  return hits;
}

function showTooltip(x, y) {
  const hits = hitSpans(x, y);
  if (hits.length === 0) {
    hideTooltip();
    return;
  }
  const list = el('ul', 'span-list');
  list.append(...hits.map(spanItem));
  ui.tooltip.replaceChildren(list);
  ui.tooltip.hidden = false;
  const w = ui.tooltip.offsetWidth;
  const left = Math.max(8, Math.min(x + 12, window.innerWidth - w - 8));
  ui.tooltip.style.setProperty('left', `${left}px`);
  ui.tooltip.style.setProperty('top', `${y + 18}px`);
}

function hideTooltip() { ui.tooltip.hidden = true; }

function showBanner(message) {
  if (ui.bannerText.textContent !== message) ui.bannerText.textContent = message;
  ui.banner.hidden = false;
}

function showNotice(message) {
  ui.notice.textContent = message;
  ui.notice.hidden = message === '';
}

let everConnected = false;

// onStatus shows the connection (a live region: it changes rarely) apart
// from the labeling state (not live: it changes with every keystroke).
function onStatus(e) {
  document.body.dataset.status = e.status;
  const online = e.status !== STATUS.OFFLINE && e.status !== STATUS.CONNECTING;
  let conn = 'offline';
  if (e.status === STATUS.CONNECTING) {
    conn = e.attempt > 0 ? `reconnecting (attempt ${e.attempt + 1})…` : 'connecting…';
  } else if (online) {
    conn = 'connected';
  }
  if (ui.conn.textContent !== conn) ui.conn.textContent = conn;
  const state = {
    [STATUS.LABELING]: 'labeling…', [STATUS.IDLE]: 'up to date', [STATUS.ERROR]: 'failed',
  };
  ui.state.textContent = state[e.status] ?? '–';

  if (e.status === STATUS.OFFLINE && e.retryInMs !== undefined) {
    showBanner(everConnected ?
      'Lost the connection to the labeling server. Reconnecting; your text is kept.' :
      `Cannot reach the labeling server (${client.url}). The page keeps trying; ` +
      'check that spanstream is running.');
  } else if (online) {
    everConnected = true;
    ui.banner.hidden = true;
  }
  if (e.status === STATUS.LABELING) showNotice('');
}

function onError(e) {
  const limit = client.welcome?.limits?.maxDocBytes;
  const messages = {
    too_large: `This prompt is longer than the server accepts${limit ? ` (${limit} bytes)` : ''}.`,
    overloaded: 'The server is busy; your next edit will ask again.',
    upstream: `The labeling model failed: ${e.message}`,
  };
  showNotice(messages[e.code] ?? `The server reported an error (${e.code}): ${e.message}`);
}

function onTimings(t) {
  ui.cache.textContent = `${t.cache ?? '–'} · ${t.count ?? 0} spans · ${t.source ?? '?'}`;
  ui.first.textContent = t.clientFirstSpanMs === null ? 'no spans' :
    `${ms(t.clientFirstSpanMs)} (server ${ms(t.firstSpanMs)})`;
  ui.done.textContent = `${ms(t.clientDoneMs)} (server ${ms(t.elapsedMs)})`;
}

function onWelcome(w) {
  const l = w.labeler;
  ui.labeler.textContent = l ? `${l.name ?? '?'} ${l.version ?? ''}`.trim() : '?';
}

function insertSample(sample) {
  const ta = ui.prompt;
  ta.focus();
  ta.select();
  // insertText keeps the change on the textarea's undo stack; assigning
  // value would not. It fires "input" itself.
  const ok = document.execCommand('insertText', false, sample);
  if (!ok || ta.value !== sample) {
    ta.value = sample;
    client.update(ta.value);
  }
  ta.setSelectionRange(0, 0);
  ta.scrollTop = 0;
}

function buildSamples() {
  for (const s of SAMPLES) {
    const b = el('button', 'sample', s.title);
    b.type = 'button';
    b.addEventListener('click', () => insertSample(s.text));
    const li = el('li');
    li.append(b);
    ui.samples.append(li);
  }
}

function wireEditor() {
  const ta = ui.prompt;
  ta.addEventListener('input', () => {
    hideTooltip();
    client.update(ta.value);
  });
  ta.addEventListener('scroll', () => {
    hideTooltip();
    syncScroll();
  });
  for (const type of ['keyup', 'click', 'select', 'focus']) {
    ta.addEventListener(type, () => showCaret());
  }
  document.addEventListener('selectionchange', () => showCaret());
  ta.addEventListener('keydown', (e) => { if (e.key === 'Escape') hideTooltip(); });
  ta.addEventListener('pointermove', (e) => showTooltip(e.clientX, e.clientY));
  ta.addEventListener('pointerleave', hideTooltip);
  new ResizeObserver(syncScroll).observe(ta);
  ui.all.addEventListener('toggle', () => { if (ui.all.open) showAll(); });
  ui.retry.addEventListener('click', () => client.reconnectNow());
  window.addEventListener('online', () => client.reconnectNow());
}

function main() {
  buildSamples();
  wireEditor();
  client.on('spans', (e) => render(e.reason));
  client.on('status', onStatus);
  client.on('error', onError);
  client.on('warning', (w) => showNotice(w.message));
  client.on('timings', onTimings);
  client.on('welcome', onWelcome);
  client.update(ui.prompt.value);
  render('edit');
  client.connect();
}

main();
