import http from 'node:http';

/**
 * A minimal OpenAI-compatible server for tests (real HTTP on 127.0.0.1): chat completions
 * (streamed as SSE or not) and embeddings. Behaviour is switched per test with `mode`.
 */
export type StubMode = 'ok' | 'status429' | 'status500' | 'status401' | 'hang' | 'cut' | 'cannot' | 'no-citation' | 'malformed';

export interface OpenAIStub {
  url: string;
  requests: Array<{ path: string; body: any; headers: http.IncomingHttpHeaders }>;
  mode: StubMode;
  /** Text the model "says" in ok mode (streamed in small pieces). */
  reply: string;
  rewrite: string;
  close: () => Promise<void>;
}

export async function startOpenAIStub(): Promise<OpenAIStub> {
  const sockets = new Set<import('node:net').Socket>();
  const stub: OpenAIStub = {
    url: '',
    requests: [],
    mode: 'ok',
    reply: 'Indeks SPBE Kaltim 2024 adalah 3,79 dengan predikat Sangat Baik [1]. Angka ini di atas nasional [9].',
    rewrite: 'Siapa yang boleh mengikuti Digital Leadership Academy?',
    close: async () => {},
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = raw ? JSON.parse(raw) : {};
      stub.requests.push({ path: req.url ?? '', body, headers: req.headers });
      if (req.url?.endsWith('/embeddings')) {
        const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input];
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ object: 'list', model: body.model, data: inputs.map((t, index) => ({ object: 'embedding', index, embedding: fakeEmbedding(t) })) }));
        return;
      }
      const mode = stub.mode;
      if (mode === 'status429') return sendError(res, 429, 'Rate limit reached', { 'retry-after': '1' });
      if (mode === 'status500') return sendError(res, 500, 'Internal error');
      if (mode === 'status401') return sendError(res, 401, 'Invalid API key');
      if (mode === 'hang') return; // never answers
      if (!body.stream) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(completion(stub.rewrite, body.model)));
        return;
      }
      if (mode === 'malformed') {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.end('data: {not json\n\n');
        return;
      }
      const text = mode === 'cannot' ? 'TIDAK_DITEMUKAN' : mode === 'no-citation' ? 'Jawabannya adalah 3,79.' : stub.reply;
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const pieces = text.match(/.{1,12}/gs) ?? [];
      let i = 0;
      const tick = () => {
        if (mode === 'cut' && i === 3) {
          req.socket.destroy();
          return;
        }
        if (i < pieces.length) {
          res.write(`data: ${JSON.stringify(chunk(pieces[i++], body.model))}\n\n`);
          setTimeout(tick, 2);
        } else {
          res.write(`data: ${JSON.stringify(chunk('', body.model, 'stop'))}\n\n`);
          res.end('data: [DONE]\n\n');
        }
      };
      tick();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  stub.url = `http://127.0.0.1:${(server.address() as { port: number }).port}/v1`;
  stub.close = () =>
    new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    });
  return stub;
}

function sendError(res: http.ServerResponse, status: number, message: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ error: { message, type: 'error', code: status } }));
}

function chunk(content: string, model: string, finish: string | null = null) {
  return { id: 'c1', object: 'chat.completion.chunk', created: 1, model, choices: [{ index: 0, delta: content ? { content } : {}, finish_reason: finish }] };
}

function completion(content: string, model: string) {
  return { id: 'c2', object: 'chat.completion', created: 1, model, choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] };
}

/** Deterministic 8-dimensional "embedding" from character codes. */
export function fakeEmbedding(text: string): number[] {
  const v = new Array(8).fill(0);
  for (let i = 0; i < text.length; i++) v[i % 8] += text.charCodeAt(i) % 17;
  return v;
}
