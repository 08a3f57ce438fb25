// spanstream.js is the browser client of the spanstream labeling service: a
// dependency-free ES module that keeps one WebSocket to the server, turns
// each change of an editor's text into a protocol "edit", and holds the
// spans of the latest version. docs/CLIENT.md documents it; the wire
// protocol is protocol v1 (spanstream.v1), with offsets in UTF-16 code
// units, which is what JavaScript strings index by.

/** PROTOCOL is the protocol name the client speaks. */
export const PROTOCOL = 'spanstream.v1';

/** STATUS lists the values of the client's status, in no particular order. */
export const STATUS = Object.freeze({
  CONNECTING: 'connecting',
  LABELING: 'labeling',
  IDLE: 'idle',
  ERROR: 'error',
  OFFLINE: 'offline',
});

/** PARENTS lists the nine parent roles; every role is one of them or a
 * "parent.attribute" below one of them. */
export const PARENTS = Object.freeze([
  'shot', 'subject', 'action', 'environment', 'lighting',
  'camera', 'style', 'technical', 'audio',
]);

const OPEN = 1; // WebSocket.OPEN, spelled out so that test doubles need no constants.

/** parentOf returns the parent of a role: the part before the first dot. */
export function parentOf(role) {
  const i = role.indexOf('.');
  return i < 0 ? role : role.slice(0, i);
}

function isHigh(u) { return u >= 0xd800 && u <= 0xdbff; }
function isLow(u) { return u >= 0xdc00 && u <= 0xdfff; }

// splitsPair reports whether offset i falls between the two halves of a
// surrogate pair of s; an edit boundary there would send half a character.
function splitsPair(s, i) {
  return i > 0 && i < s.length && isHigh(s.charCodeAt(i - 1)) && isLow(s.charCodeAt(i));
}

/**
 * computeChange returns the single change that turns before into after, as
 * {start, end, text} in UTF-16 code units of before, or null when the two are
 * equal. It keeps the longest common prefix and then the longest common
 * suffix that does not overlap it, and never puts a boundary inside a
 * surrogate pair of either string.
 */
export function computeChange(before, after) {
  if (before === after) return null;

  const max = Math.min(before.length, after.length);
  let p = 0;
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  if (splitsPair(before, p) || splitsPair(after, p)) p--;

  let s = 0;
  const room = max - p;
  while (s < room &&
    before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  if (splitsPair(before, before.length - s) || splitsPair(after, after.length - s)) s--;

  return { start: p, end: before.length - s, text: after.slice(p, after.length - s) };
}

/**
 * shiftSpans returns the spans that survive a change, moved to where their
 * text now is: spans that end at or before the change stay, spans that start
 * at or after its end move by the change's length difference, and spans the
 * change overlaps (or an insertion falls strictly inside) are dropped. Every
 * kept span's text still equals its slice of the new text.
 */
export function shiftSpans(spans, change) {
  const delta = change.text.length - (change.end - change.start);
  const out = [];
  for (const s of spans) {
    if (s.end <= change.start) {
      out.push(s);
    } else if (s.start >= change.end) {
      out.push({ ...s, start: s.start + delta, end: s.end + delta });
    }
  }
  return out;
}

/** compareSpans orders spans by start, longer first, then by role. */
export function compareSpans(a, b) {
  return a.start - b.start || b.end - a.end || (a.role < b.role ? -1 : a.role > b.role ? 1 : 0);
}

/**
 * layerSpans splits spans into layers in which no two spans overlap, using
 * as few layers as the deepest overlap needs (outer, earlier spans first).
 * A renderer draws layer 0 as a background and the others as underlines so
 * that overlapping spans all stay visible. It returns an array of arrays,
 * each sorted by start.
 */
export function layerSpans(spans) {
  const layers = [];
  const ends = [];
  for (const s of [...spans].sort(compareSpans)) {
    let i = ends.findIndex((end) => end <= s.start);
    if (i < 0) {
      i = layers.length;
      layers.push([]);
      ends.push(0);
    }
    layers[i].push(s);
    ends[i] = s.end;
  }
  return layers;
}

// validSpan reports whether a span received from the server fits text: a
// non-empty in-range slice whose text matches. A mismatch means client and
// server disagree about the document, so the span must not be drawn.
function validSpan(s, text) {
  return s !== null && typeof s === 'object' &&
    Number.isInteger(s.start) && Number.isInteger(s.end) &&
    s.start >= 0 && s.start < s.end && s.end <= text.length &&
    typeof s.role === 'string' && text.slice(s.start, s.end) === s.text;
}

// resolveURL resolves the client's url option against the page, turning an
// http(s) address into ws(s) so that "/ws" works on both schemes.
function resolveURL(url) {
  const base = globalThis.location ? globalThis.location.href : undefined;
  const u = new URL(url ?? '/ws', base);
  if (u.protocol === 'http:') u.protocol = 'ws:';
  if (u.protocol === 'https:') u.protocol = 'wss:';
  return u.href;
}

/**
 * SpanstreamClient keeps a document in sync with a spanstream server and
 * holds the spans of its latest version. Create it, subscribe with on(),
 * call connect(), and call update(text) after every change of the text.
 * All methods must be called from one thread (the page's event loop).
 *
 * Options (all optional):
 * - url: WebSocket address, absolute or relative to the page; default "/ws"
 *   on the page's host, ws: or wss: to match the page.
 * - minConfidence, maxSpans, debounceMs: sent in "hello" when given;
 *   otherwise the server's defaults apply.
 * - reconnectInitialMs: first reconnect delay cap; default 250.
 * - reconnectMaxMs: largest reconnect delay cap; default 10000.
 * - WebSocket, setTimeout, clearTimeout, random, now: replacements for the
 *   globals of the same names (now defaults to performance.now), for tests.
 */
export class SpanstreamClient {
  #opt;
  #url;
  #listeners = new Map();

  // The socket and its lifecycle. #closed is true before connect() and
  // after close(): no reconnects are scheduled then.
  #ws = null;
  #closed = true;
  #attempt = 0;
  #timer = null;
  #welcome = null;
  #status = STATUS.OFFLINE;

  // The document as the editor has it, and what the server knows of it.
  // #version is the last version sent; #synced is true once the server
  // holds that version, so that the next change can be sent as an edit.
  #text = '';
  #version = 0;
  #lastDoc = 0;
  #synced = false;
  #pending = false;
  #sentAt = 0;
  #firstSpanAt = -1;

  // #spans holds records {id, start, end, text, role, confidence, tier,
  // source, version}; those of older versions are kept, shifted, until the
  // current version is done.
  #spans = [];

  /** constructor takes the options described on the class. */
  constructor(options = {}) {
    this.#opt = {
      reconnectInitialMs: 250,
      reconnectMaxMs: 10000,
      WebSocket: globalThis.WebSocket,
      setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
      clearTimeout: (id) => globalThis.clearTimeout(id),
      random: Math.random,
      now: () => globalThis.performance.now(),
      ...options,
    };
    this.#url = resolveURL(this.#opt.url);
  }

  /** url is the resolved WebSocket address. */
  get url() { return this.#url; }

  /** status is one of STATUS: the latest status event's value. */
  get status() { return this.#status; }

  /** text is the document as last given to update(). */
  get text() { return this.#text; }

  /** version is the last document version sent to the server (0: none). */
  get version() { return this.#version; }

  /** welcome is the server's latest welcome message, or null. */
  get welcome() { return this.#welcome; }

  /**
   * spans returns copies of the spans held, sorted by start. Each has id,
   * start, end (UTF-16, end exclusive), text, role, parent, confidence,
   * tier, source (null until the version is done) and stale (true for a
   * shifted span of an older version still waiting to be relabeled).
   */
  get spans() {
    return this.#spans
      .map((s) => ({ ...s, parent: parentOf(s.role), stale: s.version !== this.#version }))
      .sort(compareSpans);
  }

  /**
   * on subscribes fn to events of a type ("status", "spans", "timings",
   * "welcome", "warning", "error") and returns a function that unsubscribes.
   * A listener that throws does not disturb the client; its error is
   * rethrown from a microtask so that it still reaches the console.
   */
  on(type, fn) {
    if (!this.#listeners.has(type)) this.#listeners.set(type, new Set());
    this.#listeners.get(type).add(fn);
    return () => this.#listeners.get(type).delete(fn);
  }

  /** connect opens the connection; it keeps reconnecting until close(). */
  connect() {
    if (!this.#closed) return;
    this.#closed = false;
    this.#attempt = 0;
    this.#open();
  }

  /** close closes the connection and stops reconnecting; status becomes offline. */
  close() {
    this.#closed = true;
    this.#cancelTimer();
    this.#drop();
    this.#setStatus(STATUS.OFFLINE, { attempt: 0 });
  }

  /** reconnectNow skips the wait before the next reconnect attempt. */
  reconnectNow() {
    if (this.#closed || this.#ws) return;
    this.#cancelTimer();
    this.#open();
  }

  /**
   * update tells the client the editor's whole text. When it differs from
   * the last text, the held spans shift at once (spans the change touches
   * are dropped), a "spans" event fires, and the change goes to the server
   * as an edit of a new version (or as a whole doc when the server has no
   * base to edit). It returns whether the text changed.
   */
  update(text) {
    if (typeof text !== 'string') throw new TypeError('spanstream: update needs a string');
    const change = computeChange(this.#text, text);
    if (!change) return false;

    this.#text = text;
    this.#spans = shiftSpans(this.#spans, change);
    if (this.#isOpen()) this.#sendChange(change);
    this.#emit('spans', { version: this.#version, reason: 'edit', spans: this.spans });
    return true;
  }

  /** refresh sends the whole document again as a new version, for example
   * to retry after an "overloaded" error. */
  refresh() {
    if (this.#isOpen()) this.#sendDoc();
  }

  /** cancel asks the server to stop labeling the current version. */
  cancel() {
    if (this.#isOpen() && this.#pending) this.#send({ type: 'cancel' });
  }

  #emit(type, detail) {
    const set = this.#listeners.get(type);
    if (!set) return;
    for (const fn of [...set]) {
      try {
        fn(detail);
      } catch (err) {
        queueMicrotask(() => { throw err; });
      }
    }
  }

  #setStatus(status, detail = {}) {
    const previous = this.#status;
    this.#status = status;
    this.#emit('status', { status, previous, ...detail });
  }

  #isOpen() { return this.#ws !== null && this.#ws.readyState === OPEN; }

  #send(msg) { this.#ws.send(JSON.stringify(msg)); }

  #cancelTimer() {
    if (this.#timer === null) return;
    this.#opt.clearTimeout(this.#timer);
    this.#timer = null;
  }

  // #drop forgets the socket, closing it if it is not closed yet, without
  // reacting to its events any more.
  #drop() {
    const ws = this.#ws;
    if (!ws) return;
    this.#ws = null;
    this.#synced = false;
    this.#pending = false;
    ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
    try { ws.close(1000, 'client closed'); } catch { /* already closed */ }
  }

  #open() {
    this.#setStatus(STATUS.CONNECTING, { attempt: this.#attempt });
    let ws;
    try {
      ws = new this.#opt.WebSocket(this.#url);
    } catch (err) {
      this.#scheduleReconnect({ error: err });
      return;
    }
    this.#ws = ws;
    ws.onopen = () => this.#onOpen(ws);
    ws.onmessage = (ev) => { if (this.#ws === ws) this.#onMessage(ev.data); };
    ws.onclose = (ev) => this.#onClose(ws, ev);
    // Browsers follow an error with a close event, but some WebSocket
    // implementations (Node 20's) do not when the connection never opens:
    // an error alone ends the socket.
    ws.onerror = () => this.#onClose(ws, { code: 1006, reason: 'connection error' });
  }

  #onOpen(ws) {
    if (this.#ws !== ws) return;
    const hello = { type: 'hello', encoding: 'utf-16' };
    for (const k of ['minConfidence', 'maxSpans', 'debounceMs']) {
      if (this.#opt[k] !== undefined) hello[k] = this.#opt[k];
    }
    this.#send(hello);
    this.#synced = false;
    if (this.#text !== '') this.#sendDoc();
    else this.#setStatus(STATUS.IDLE);
  }

  #onClose(ws, ev) {
    if (this.#ws !== ws) return;
    this.#drop();
    if (!this.#closed) this.#scheduleReconnect({ code: ev?.code, reason: ev?.reason });
  }

  // #scheduleReconnect waits a random time between half and all of a cap
  // that doubles with each failed attempt ("equal jitter"), so that many
  // clients of a restarted server do not return all at once.
  #scheduleReconnect(detail) {
    const o = this.#opt;
    const cap = Math.min(o.reconnectMaxMs, o.reconnectInitialMs * 2 ** this.#attempt);
    const retryInMs = cap / 2 + o.random() * (cap / 2);
    this.#attempt++;
    this.#timer = o.setTimeout(() => {
      this.#timer = null;
      this.#open();
    }, retryInMs);
    this.#setStatus(STATUS.OFFLINE, { attempt: this.#attempt, retryInMs, ...detail });
  }

  #begin(version) {
    this.#version = version;
    this.#pending = true;
    this.#sentAt = this.#opt.now();
    this.#firstSpanAt = -1;
    this.#setStatus(STATUS.LABELING, { version });
  }

  #sendDoc() {
    const version = this.#version + 1;
    this.#send({ type: 'doc', version, text: this.#text });
    this.#lastDoc = version;
    this.#synced = true;
    this.#begin(version);
  }

  #sendChange(change) {
    if (!this.#synced) {
      this.#sendDoc();
      return;
    }
    const base = this.#version;
    this.#send({ type: 'edit', version: base + 1, base, changes: [change] });
    this.#begin(base + 1);
  }

  #onMessage(data) {
    let msg;
    try {
      msg = JSON.parse(data);
    } catch {
      this.#emit('warning', { message: 'spanstream: server sent a frame that is not JSON' });
      return;
    }
    if (msg === null || typeof msg !== 'object') return;
    if (msg.type === 'welcome') this.#onWelcome(msg);
    else if (msg.type === 'error') this.#onError(msg);
    else if (msg.version === this.#version) this.#onCurrent(msg);
    // Anything else is about a version that is no longer current: dropped.
  }

  #onCurrent(msg) {
    switch (msg.type) {
      case 'spans': this.#onSpans(msg); break;
      case 'retract': this.#onRetract(msg); break;
      case 'done': this.#onDone(msg); break;
      case 'cancelled': this.#onCancelled(msg); break;
      case 'warning':
        this.#emit('warning', { version: msg.version, message: String(msg.message ?? '') });
        break;
      default: break; // unknown types are ignored so that the server may add some.
    }
  }

  #onCancelled(msg) {
    if (msg.reason === 'restarted') {
      // New settings: the same version is labeled again from the start.
      // Its spans so far wait, like stale ones, to be replaced or dropped.
      this.#spans = this.#spans.map((s) => ({ ...s, version: 0 }));
      this.#firstSpanAt = -1;
      return;
    }
    this.#pending = false;
    this.#setStatus(STATUS.IDLE, { version: msg.version, reason: msg.reason });
  }

  #onWelcome(msg) {
    this.#welcome = msg;
    this.#attempt = 0; // only a server that answers resets the backoff.
    if (msg.protocol !== undefined && msg.protocol !== PROTOCOL) {
      this.#emit('warning', { message: `spanstream: server speaks ${msg.protocol}` });
    }
    this.#emit('welcome', msg);
  }

  #onSpans(msg) {
    const v = this.#version;
    let dropped = 0;
    for (const s of Array.isArray(msg.spans) ? msg.spans : []) {
      if (!validSpan(s, this.#text)) {
        dropped++;
        continue;
      }
      // A stale span with the same role that overlaps the new one is an
      // older answer for the same words: replace it rather than show both.
      // A span with an ID already held replaces it (the protocol's IDs
      // name a range and role, so only its confidence can differ).
      const id = String(s.id ?? '');
      this.#spans = this.#spans.filter((o) => !(o.version === v && o.id === id) &&
        (o.version === v || o.role !== s.role || o.end <= s.start || o.start >= s.end));
      this.#spans.push({
        id, start: s.start, end: s.end, text: s.text, role: s.role,
        confidence: Number(s.confidence), tier: String(msg.tier ?? ''), source: null, version: v,
      });
    }
    if (this.#firstSpanAt < 0) this.#firstSpanAt = this.#opt.now();
    if (dropped > 0) {
      const message = `spanstream: dropped ${dropped} span(s) that do not match the text`;
      this.#emit('warning', { version: v, message });
    }
    this.#emit('spans', { version: v, reason: 'spans', spans: this.spans });
  }

  #onRetract(msg) {
    const ids = new Set(Array.isArray(msg.ids) ? msg.ids.map(String) : []);
    const v = this.#version;
    this.#spans = this.#spans.filter((s) => s.version !== v || !ids.has(s.id));
    this.#emit('spans', { version: v, reason: 'retract', spans: this.spans });
  }

  #onDone(msg) {
    const v = this.#version;
    const source = typeof msg.source === 'string' ? msg.source : null;
    this.#spans = this.#spans
      .filter((s) => s.version === v)
      .map((s) => ({ ...s, source }));
    this.#pending = false;
    this.#emit('spans', { version: v, reason: 'done', spans: this.spans });
    this.#setStatus(STATUS.IDLE, { version: v });

    const now = this.#opt.now();
    this.#emit('timings', {
      version: v,
      count: msg.count,
      cache: msg.cache,
      source,
      elapsedMs: msg.elapsedMs,
      firstSpanMs: msg.firstSpanMs,
      clientFirstSpanMs: this.#firstSpanAt < 0 ? null : this.#firstSpanAt - this.#sentAt,
      clientDoneMs: now - this.#sentAt,
    });
  }

  #onError(msg) {
    const err = { code: String(msg.code ?? ''), message: String(msg.message ?? '') };
    if (msg.version !== undefined) err.version = msg.version;

    if (err.code === 'resync' || err.code === 'bad_edit') {
      // The server's copy and ours disagree: it waits for a whole doc. A
      // doc sent after the rejected version already answers it. Our edits
      // are computed from our own text, so a bad_edit means the same.
      if (err.code === 'bad_edit') this.#emit('warning', err);
      if (this.#isOpen() && !(err.version <= this.#lastDoc)) this.#sendDoc();
      return;
    }
    if (err.version !== undefined && err.version !== this.#version) return;
    this.#pending = false;
    this.#emit('error', err);
    this.#setStatus(STATUS.ERROR, err);
  }
}
