// client_test.mjs tests spanstream.js without a browser: the diff, the
// shifting of highlights, the layering, and the client's protocol handling
// against a fake WebSocket and fake timers. Run: node --test (from web/).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SpanstreamClient, computeChange, shiftSpans, layerSpans, parentOf, STATUS,
} from '../spanstream.js';

function apply(before, c) {
  return before.slice(0, c.start) + c.text + before.slice(c.end);
}

function hasLoneSurrogate(s) {
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      const n = s.charCodeAt(i + 1);
      if (!(n >= 0xdc00 && n <= 0xdfff)) return true;
      i++;
    } else if (u >= 0xdc00 && u <= 0xdfff) {
      return true;
    }
  }
  return false;
}

const ch = (start, end, text) => ({ start, end, text });
const js = JSON.stringify;

test('computeChange finds the single change', () => {
  const cases = [
    { name: 'equal', before: 'dusk', after: 'dusk', want: null },
    { name: 'insert middle', before: 'wide shot', after: 'wide dolly shot',
      want: ch(5, 5, 'dolly ') },
    { name: 'append', before: 'dawn', after: 'dawn light', want: ch(4, 4, ' light') },
    { name: 'prepend', before: 'shot', after: 'a shot', want: ch(0, 0, 'a ') },
    { name: 'delete', before: 'slow slow pan', after: 'slow pan', want: ch(5, 10, '') },
    { name: 'replace', before: 'at dawn now', after: 'at dusk now', want: ch(4, 7, 'usk') },
    { name: 'clear', before: 'abc', after: '', want: ch(0, 3, '') },
    { name: 'from empty', before: '', after: 'abc', want: ch(0, 0, 'abc') },
    { name: 'repeated letter', before: 'aa', after: 'aaa', want: ch(2, 2, 'a') },
    // 😀 is \ud83d\ude00 and 😁 is \ud83d\ude01: they share their high half.
    { name: 'emoji swap keeps the pair whole', before: 'a😀b', after: 'a😁b',
      want: ch(1, 3, '😁') },
    // 🌅 is \ud83c\udf05 and 🎅 is \ud83c\udf85: same high half, differing low half,
    // and a shared suffix that starts right after them.
    { name: 'emoji swap at end', before: 'x🌅', after: 'x🎅', want: ch(1, 3, '🎅') },
    { name: 'insert after emoji', before: '🎬shot', after: '🎬 shot', want: ch(2, 2, ' ') },
    { name: 'delete emoji', before: 'a🎬b', after: 'ab', want: ch(1, 3, '') },
    // The pairs \ud83d\ude00 and \ude00 alone: appending a low half to a lone high
    // half must not send the low half by itself.
    { name: 'completing a pair', before: 'a\ud83d', after: 'a\ud83d\ude00',
      want: ch(1, 2, '\ud83d\ude00') },
  ];
  for (const c of cases) {
    const got = computeChange(c.before, c.after);
    assert.deepEqual(got, c.want, `${c.name}: got ${js(got)}, want ${js(c.want)}`);
  }
});

test('computeChange on random strings applies and never splits a pair', () => {
  const alphabet = ['a', 'b', ' ', '😀', '😁', '🌅', 'é', '\n'];
  let seed = 7;
  const rand = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return (seed >>> 16) % n;
  };
  const letter = () => alphabet[rand(alphabet.length)];
  const word = () => Array.from({ length: rand(8) }, letter).join('');
  for (let i = 0; i < 3000; i++) {
    const before = word();
    const after = word();
    const c = computeChange(before, after);
    if (before === after) {
      assert.equal(c, null);
      continue;
    }
    const got = apply(before, c);
    assert.equal(got, after, `${js(before)} with ${js(c)}: got ${js(got)}, want ${js(after)}`);
    assert.ok(!hasLoneSurrogate(c.text), `change text ${js(c.text)} has a lone surrogate`);
    assert.ok(!hasLoneSurrogate(before.slice(0, c.start)), `${js(before)} split at ${c.start}`);
    assert.ok(!hasLoneSurrogate(before.slice(c.end)), `${js(before)} split at ${c.end}`);
  }
});

test('shiftSpans keeps, moves and drops', () => {
  //            0         1         2
  //            0123456789012345678901234
  const doc = 'wide shot at dusk, dolly';
  const spans = [
    { start: 0, end: 9, role: 'shot.type', text: 'wide shot' },
    { start: 13, end: 17, role: 'lighting.timeOfDay', text: 'dusk' },
    { start: 19, end: 24, role: 'camera.movement', text: 'dolly' },
  ];
  const cases = [
    { name: 'insert between moves later spans', change: { start: 10, end: 10, text: 'XX' },
      want: ['0-9', '15-19', '21-26'] },
    { name: 'insert inside drops that span', change: { start: 15, end: 15, text: 'X' },
      want: ['0-9', '20-25'] },
    { name: 'insert at a span start moves it', change: { start: 13, end: 13, text: 'a ' },
      want: ['0-9', '15-19', '21-26'] },
    { name: 'insert at a span end keeps it', change: { start: 17, end: 17, text: 'y' },
      want: ['0-9', '13-17', '20-25'] },
    { name: 'replace overlapping two drops both', change: { start: 8, end: 14, text: '' },
      want: ['13-18'] },
    { name: 'delete between shifts back', change: { start: 9, end: 13, text: '' },
      want: ['0-9', '9-13', '15-20'] },
    { name: 'delete into a span drops it', change: { start: 0, end: 5, text: '' },
      want: ['8-12', '14-19'] },
  ];
  for (const c of cases) {
    const after = apply(doc, c.change);
    const got = shiftSpans(spans, c.change);
    assert.deepEqual(got.map((s) => `${s.start}-${s.end}`), c.want, c.name);
    for (const s of got) {
      const got = after.slice(s.start, s.end);
      assert.equal(got, s.text, `${c.name}: got ${js(got)} under ${s.role}, want ${js(s.text)}`);
    }
  }
});

test('layerSpans separates overlaps and keeps everything', () => {
  const spans = [
    { start: 0, end: 20, role: 'camera.movement' },
    { start: 5, end: 9, role: 'camera.lens' },
    { start: 6, end: 8, role: 'subject.identity' },
    { start: 12, end: 15, role: 'lighting.source' },
    { start: 21, end: 25, role: 'style' },
  ];
  const layers = layerSpans(spans);
  assert.equal(layers.length, 3, `got ${layers.length} layers, want 3 (deepest nesting)`);
  assert.equal(layers.flat().length, spans.length);
  for (const layer of layers) {
    for (let i = 1; i < layer.length; i++) {
      assert.ok(layer[i - 1].end <= layer[i].start, 'spans overlap within a layer');
    }
  }
});

test('parentOf', () => {
  assert.equal(parentOf('camera.movement'), 'camera');
  assert.equal(parentOf('audio'), 'audio');
});

// FakeSocket stands in for the browser's WebSocket; tests open, feed and
// drop it by hand.
class FakeSocket {
  static all = [];
  constructor(url) {
    this.url = url;
    this.readyState = 0;
    this.sent = [];
    this.closed = false;
    FakeSocket.all.push(this);
  }
  send(data) {
    assert.equal(this.readyState, 1, 'send on a socket that is not open');
    assert.equal(typeof data, 'string');
    this.sent.push(JSON.parse(data));
  }
  close() { this.readyState = 3; this.closed = true; }
  open() { this.readyState = 1; this.onopen?.({}); }
  receive(msg) { this.onmessage?.({ data: JSON.stringify(msg) }); }
  drop() { this.readyState = 3; this.onclose?.({ code: 1006, reason: '' }); }
  take() { const s = this.sent; this.sent = []; return s; }
}

function setup(options = {}) {
  FakeSocket.all = [];
  const timers = [];
  let clock = 0;
  const events = { status: [], spans: [], timings: [], error: [], warning: [], welcome: [] };
  const client = new SpanstreamClient({
    url: 'ws://127.0.0.1:1/ws',
    WebSocket: FakeSocket,
    setTimeout: (fn, ms) => { timers.push({ fn, ms }); return timers.length; },
    clearTimeout: (id) => { timers[id - 1].fn = null; },
    random: () => 0.5,
    now: () => clock,
    ...options,
  });
  for (const type of Object.keys(events)) client.on(type, (e) => events[type].push(e));
  return {
    client, events, timers,
    socket: () => FakeSocket.all.at(-1),
    tick: (ms) => { clock += ms; },
    fire: () => { const t = timers.shift(); t.fn?.(); return t; },
  };
}

function connected(options) {
  const h = setup(options);
  h.client.connect();
  h.socket().open();
  h.socket().receive({ type: 'welcome', protocol: 'spanstream.v1', encoding: 'utf-16' });
  return h;
}

const where = (spans) => spans.map((s) => `${s.text}@${s.start}`);

test('hello comes first, with the options given', () => {
  const h = setup({ minConfidence: 0.5, maxSpans: 10 });
  h.client.update('dusk');
  h.client.connect();
  assert.equal(h.client.status, STATUS.CONNECTING);
  h.socket().open();
  const sent = h.socket().take();
  assert.deepEqual(sent[0],
    { type: 'hello', encoding: 'utf-16', minConfidence: 0.5, maxSpans: 10 });
  assert.deepEqual(sent[1], { type: 'doc', version: 1, text: 'dusk' });
  assert.equal(h.client.status, STATUS.LABELING);
});

test('each update becomes an edit against the last version sent', () => {
  const h = connected();
  h.client.update('wide shot');
  h.client.update('wide shot at dusk');
  h.client.update('wide shot at dawn');
  h.client.update('wide shot at dawn'); // unchanged: nothing sent
  const sent = h.socket().take().slice(1);
  assert.deepEqual(sent, [
    { type: 'doc', version: 1, text: 'wide shot' },
    { type: 'edit', version: 2, base: 1, changes: [{ start: 9, end: 9, text: ' at dusk' }] },
    { type: 'edit', version: 3, base: 2, changes: [{ start: 14, end: 17, text: 'awn' }] },
  ]);
  assert.equal(h.client.version, 3);
});

test('messages for versions that are not current are dropped', () => {
  const h = connected();
  h.client.update('wide shot');
  h.client.update('wide shot at dusk');
  h.socket().receive({ type: 'spans', version: 1, tier: 'high',
    spans: [{ id: 'a', start: 0, end: 9, text: 'wide shot', role: 'shot.type', confidence: 1 }] });
  h.socket().receive({ type: 'done', version: 1, count: 1, cache: 'miss', source: 'builtin' });
  assert.deepEqual(h.client.spans, []);
  assert.equal(h.events.timings.length, 0);
  assert.equal(h.client.status, STATUS.LABELING);

  h.socket().receive({ type: 'spans', version: 2, tier: 'high',
    spans: [{ id: 'b', start: 13, end: 17, text: 'dusk', role: 'lighting', confidence: 1 }] });
  assert.deepEqual(where(h.client.spans), ['dusk@13']);
});

test('spans, retract and done build the current set with timings', () => {
  const h = connected();
  h.client.update('Wide shot at dusk');
  h.tick(5);
  h.socket().receive({ type: 'spans', version: 1, tier: 'high', spans: [
    { id: 'a', start: 0, end: 9, text: 'Wide shot', role: 'shot.type', confidence: 0.95 },
    { id: 'x', start: 5, end: 9, text: 'shot', role: 'shot', confidence: 0.85 },
  ] });
  h.tick(3);
  h.socket().receive({ type: 'spans', version: 1, tier: 'medium', spans: [
    { id: 'b', start: 13, end: 17, text: 'dusk', role: 'lighting.timeOfDay', confidence: 0.7 },
  ] });
  h.socket().receive({ type: 'retract', version: 1, ids: ['x'] });
  h.tick(2);
  h.socket().receive({ type: 'done', version: 1, count: 2, cache: 'miss', source: 'builtin',
    elapsedMs: 1.5, firstSpanMs: 0.5 });

  const spans = h.client.spans;
  assert.deepEqual(where(spans), ['Wide shot@0', 'dusk@13']);
  assert.deepEqual(spans.map((s) => [s.tier, s.source, s.parent, s.stale]),
    [['high', 'builtin', 'shot', false], ['medium', 'builtin', 'lighting', false]]);
  assert.equal(h.client.status, STATUS.IDLE);
  assert.deepEqual(h.events.timings, [{ version: 1, count: 2, cache: 'miss', source: 'builtin',
    elapsedMs: 1.5, firstSpanMs: 0.5, clientFirstSpanMs: 5, clientDoneMs: 10 }]);
});

test('highlights follow an edit until the new labels arrive, without flicker', () => {
  const h = connected();
  //              0         1         2
  //              0123456789012345678901234
  h.client.update('wide shot at dusk, dolly');
  h.socket().receive({ type: 'spans', version: 1, tier: 'high', spans: [
    { id: 'a', start: 0, end: 9, text: 'wide shot', role: 'shot.type', confidence: 0.9 },
    { id: 'b', start: 13, end: 17, text: 'dusk', role: 'lighting.timeOfDay', confidence: 0.9 },
    { id: 'c', start: 19, end: 24, text: 'dolly', role: 'camera.movement', confidence: 0.9 },
  ] });
  h.socket().receive({ type: 'done', version: 1, count: 3, cache: 'miss', source: 'builtin' });

  // Replacing "dusk" drops it; "dolly" moves; "wide shot" stays.
  h.client.update('wide shot at sunset, dolly');
  const edit = h.events.spans.at(-1);
  assert.equal(edit.reason, 'edit');
  assert.deepEqual(where(edit.spans), ['wide shot@0', 'dolly@21']);
  assert.ok(edit.spans.every((s) => s.stale), 'spans of version 1 should be stale in version 2');

  // The first tier of version 2 replaces the same labels in place; the rest stay.
  h.socket().receive({ type: 'spans', version: 2, tier: 'high', spans: [
    { id: 'a', start: 0, end: 9, text: 'wide shot', role: 'shot.type', confidence: 0.9 },
  ] });
  assert.deepEqual(where(h.client.spans), ['wide shot@0', 'dolly@21']);
  assert.deepEqual(h.client.spans.map((s) => s.stale), [false, true]);

  // A new span with the same role over a stale one replaces it at once.
  h.client.update('wide shot at sunset, slow dolly');
  h.socket().receive({ type: 'spans', version: 3, tier: 'high', spans: [
    { id: 'a', start: 0, end: 9, text: 'wide shot', role: 'shot.type', confidence: 0.9 },
    { id: 'e', start: 21, end: 31, text: 'slow dolly', role: 'camera.movement', confidence: 0.9 },
  ] });
  assert.deepEqual(where(h.client.spans), ['wide shot@0', 'slow dolly@21']);

  // done ends the wait: what version 3 did not send is gone.
  h.socket().receive({ type: 'spans', version: 3, tier: 'low', spans: [
    { id: 'd', start: 13, end: 19, text: 'sunset', role: 'lighting.timeOfDay', confidence: 0.5 },
  ] });
  h.socket().receive({ type: 'done', version: 3, count: 2, cache: 'miss', source: 'builtin' });
  assert.deepEqual(where(h.client.spans), ['wide shot@0', 'sunset@13', 'slow dolly@21']);
});

test('an emoji before a span keeps UTF-16 offsets exact', () => {
  const h = connected();
  h.client.update('🎬 wide shot');
  h.socket().receive({ type: 'spans', version: 1, tier: 'high', spans: [
    { id: 'a', start: 3, end: 12, text: 'wide shot', role: 'shot.type', confidence: 0.9 },
  ] });
  assert.deepEqual(where(h.client.spans), ['wide shot@3']);
  h.client.update('🎬🎬 wide shot');
  assert.deepEqual(where(h.client.spans), ['wide shot@5']);
});

test('spans that do not match the text are refused', () => {
  const h = connected();
  h.client.update('wide shot');
  h.socket().receive({ type: 'spans', version: 1, tier: 'high', spans: [
    { id: 'a', start: 0, end: 4, text: 'WIDE', role: 'shot.type', confidence: 0.9 },
    { id: 'b', start: 5, end: 99, text: 'shot', role: 'shot', confidence: 0.9 },
  ] });
  assert.deepEqual(h.client.spans, []);
  assert.equal(h.events.warning.length, 1);
});

test('resync sends the whole document once', () => {
  const h = connected();
  h.client.update('wide');
  h.client.update('wide shot');
  h.client.update('wide shots');
  h.socket().take();
  h.socket().receive({ type: 'error', code: 'resync', message: 'base mismatch', version: 2 });
  h.socket().receive({ type: 'error', code: 'resync', message: 'base mismatch', version: 3 });
  assert.deepEqual(h.socket().take(), [{ type: 'doc', version: 4, text: 'wide shots' }]);
  h.client.update('wide shots!');
  assert.deepEqual(h.socket().take(),
    [{ type: 'edit', version: 5, base: 4, changes: [{ start: 10, end: 10, text: '!' }] }]);
  assert.equal(h.events.error.length, 0, 'resync is handled, not reported');
});

test('bad_edit is answered with the whole document', () => {
  const h = connected();
  h.client.update('wide');
  h.client.update('wide shot');
  h.socket().take();
  h.socket().receive({ type: 'error', code: 'bad_edit', message: 'out of range', version: 2 });
  assert.deepEqual(h.socket().take(), [{ type: 'doc', version: 3, text: 'wide shot' }]);
  assert.equal(h.events.warning.length, 1);
  assert.equal(h.client.status, STATUS.LABELING);
});

test('errors for the current version set the error status', () => {
  const h = connected();
  h.client.update('x');
  h.client.update('xy');
  h.socket().receive({ type: 'error', code: 'too_large', message: 'old', version: 1 });
  assert.equal(h.events.error.length, 0, 'an error for an old version is dropped');
  h.socket().receive({ type: 'error', code: 'too_large', message: 'too big', version: 2 });
  assert.deepEqual(h.events.error, [{ code: 'too_large', message: 'too big', version: 2 }]);
  assert.equal(h.client.status, STATUS.ERROR);
});

test('cancelled for the current version returns to idle', () => {
  const h = connected();
  h.client.update('x');
  h.client.cancel();
  assert.deepEqual(h.socket().take().at(-1), { type: 'cancel' });
  h.socket().receive({ type: 'cancelled', version: 1, reason: 'cancelled' });
  assert.equal(h.client.status, STATUS.IDLE);
});

test('cancelled with reason restarted waits for the same version again', () => {
  const h = connected();
  h.client.update('wide shot at dusk');
  h.socket().receive({ type: 'spans', version: 1, tier: 'high', spans: [
    { id: 'a', start: 0, end: 9, text: 'wide shot', role: 'shot.type', confidence: 0.9 },
    { id: 'b', start: 13, end: 17, text: 'dusk', role: 'lighting', confidence: 0.9 },
  ] });
  h.socket().receive({ type: 'cancelled', version: 1, reason: 'restarted' });
  assert.equal(h.client.status, STATUS.LABELING);
  assert.deepEqual(where(h.client.spans), ['wide shot@0', 'dusk@13'], 'kept while relabeling');
  h.socket().receive({ type: 'spans', version: 1, tier: 'high', spans: [
    { id: 'a', start: 0, end: 9, text: 'wide shot', role: 'shot.type', confidence: 0.9 },
  ] });
  h.socket().receive({ type: 'done', version: 1, count: 1, cache: 'hit', source: 'builtin' });
  assert.deepEqual(where(h.client.spans), ['wide shot@0']);
  assert.equal(h.client.status, STATUS.IDLE);
});

test('reconnects with growing, jittered delays and resyncs with a whole doc', () => {
  const h = connected({ reconnectInitialMs: 100, reconnectMaxMs: 350, random: () => 1 });
  h.client.update('wide shot');
  h.socket().receive({ type: 'spans', version: 1, tier: 'high', spans: [
    { id: 'a', start: 0, end: 9, text: 'wide shot', role: 'shot.type', confidence: 0.9 },
  ] });
  h.socket().receive({ type: 'done', version: 1, count: 1, cache: 'miss', source: 'builtin' });

  h.socket().drop();
  assert.equal(h.client.status, STATUS.OFFLINE);
  assert.deepEqual(where(h.client.spans), ['wide shot@0'], 'highlights survive a drop');

  // Typing while offline only moves highlights; nothing can be sent.
  h.client.update('a wide shot');
  const delays = [];
  for (let i = 0; i < 4; i++) {
    delays.push(h.fire().ms);
    h.socket().drop(); // the server is still down
  }
  assert.deepEqual(delays, [100, 200, 350, 350], 'delay caps double up to the maximum');

  h.fire();
  h.socket().open();
  const sent = h.socket().take();
  assert.equal(sent[0].type, 'hello');
  assert.deepEqual(sent[1], { type: 'doc', version: 2, text: 'a wide shot' });
  assert.deepEqual(where(h.client.spans), ['wide shot@2']);

  // A welcome resets the backoff.
  h.socket().receive({ type: 'welcome', protocol: 'spanstream.v1' });
  h.socket().drop();
  assert.equal(h.fire().ms, 100);
});

test('an error without a close event still reconnects', () => {
  const h = setup();
  h.client.connect();
  const first = h.socket();
  first.onerror?.({});
  assert.equal(h.client.status, STATUS.OFFLINE);
  assert.ok(first.closed, 'the failed socket should be closed');
  assert.equal(h.timers.length, 1, 'want one reconnect scheduled');
  first.drop(); // a late close event changes nothing
  assert.equal(h.timers.length, 1, 'a late close scheduled a second reconnect');
  h.fire();
  assert.equal(FakeSocket.all.length, 2);
});

test('jitter stays between half and all of the cap', () => {
  for (const [r, want] of [[0, 50], [0.5, 75], [1, 100]]) {
    const h = setup({ reconnectInitialMs: 100, random: () => r });
    h.client.connect();
    h.socket().drop();
    assert.equal(h.events.status.at(-1).retryInMs, want, `random ${r}`);
  }
});

test('close stops reconnecting', () => {
  const h = connected();
  const s = h.socket();
  h.client.close();
  assert.ok(s.closed, 'socket not closed');
  assert.equal(h.client.status, STATUS.OFFLINE);
  assert.equal(h.timers.length, 0, 'a reconnect was scheduled after close');
  h.client.update('still editable');
  assert.equal(FakeSocket.all.length, 1);
});

test('a throwing listener does not break the client', () => {
  const h = connected();
  const rethrown = [];
  const queue = globalThis.queueMicrotask;
  globalThis.queueMicrotask = (fn) => {
    try { fn(); } catch (err) { rethrown.push(err.message); }
  };
  try {
    h.client.on('spans', () => { throw new Error('listener bug'); });
    h.client.update('wide');
  } finally {
    globalThis.queueMicrotask = queue;
  }
  assert.deepEqual(h.socket().take().at(-1), { type: 'doc', version: 1, text: 'wide' });
  assert.deepEqual(rethrown, ['listener bug']);
});
