import OpenAI from 'openai';
import type { Passage } from '../knowledge/retriever.js';
import type { Turn } from './follow-up.js';
import type { Locale } from '../locale.js';
import { buildRewritePrompt, buildUserPrompt, REWRITE_PROMPT, SYSTEM_PROMPT } from './prompts.js';

/**
 * A thin wrapper over the `openai` SDK for any OpenAI-compatible chat server (OpenAI,
 * Ollama, vLLM, LM Studio). It owns timeouts: one deadline per answer covering the whole
 * stream, so a server that stalls mid-stream cannot hold an official waiting.
 */
export interface LlmOptions {
  apiKey?: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
}

export class LlmError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = 'LlmError';
  }
}

export class LlmClient {
  private readonly client: OpenAI;

  constructor(private readonly opts: LlmOptions) {
    this.client = new OpenAI({
      apiKey: opts.apiKey ?? 'not-needed',
      baseURL: opts.baseURL,
      timeout: opts.timeoutMs,
      // The answering service falls back to extractive answers; retries would only delay that.
      maxRetries: 0,
    });
  }

  get model(): string {
    return this.opts.model;
  }

  /** Stream the answer as text deltas. Throws {@link LlmError} on HTTP errors, timeouts and cut streams. */
  async *streamAnswer(question: string, passages: Passage[], language: Locale, history: Turn[] = []): AsyncGenerator<string> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.opts.timeoutMs);
    try {
      const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [{ role: 'system', content: SYSTEM_PROMPT }];
      for (const t of history.slice(-4)) messages.push({ role: t.role, content: t.text.slice(0, 600) });
      messages.push({ role: 'user', content: buildUserPrompt(question, passages, language) });
      const stream = await this.client.chat.completions.create(
        { model: this.opts.model, messages, stream: true, temperature: 0.1, max_tokens: 500 },
        { signal: controller.signal },
      );
      let finished = false;
      for await (const chunk of stream) {
        const choice = chunk.choices?.[0];
        const delta = choice?.delta?.content;
        if (delta) yield delta;
        if (choice?.finish_reason) finished = true;
      }
      if (!finished) throw new LlmError('stream berakhir tanpa finish_reason (terputus)');
    } catch (err) {
      throw toLlmError(err, controller.signal.aborted);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Rewrite a follow-up into a standalone question. */
  async rewrite(question: string, history: Turn[]): Promise<string> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), Math.min(this.opts.timeoutMs, 8000));
    try {
      const res = await this.client.chat.completions.create(
        {
          model: this.opts.model,
          messages: [
            { role: 'system', content: REWRITE_PROMPT },
            { role: 'user', content: buildRewritePrompt(question, history) },
          ],
          temperature: 0,
          max_tokens: 120,
        },
        { signal: controller.signal },
      );
      const text = res.choices?.[0]?.message?.content?.trim();
      if (!text) throw new LlmError('jawaban kosong');
      return text.replace(/^["'“]|["'”]$/g, '').slice(0, 500);
    } catch (err) {
      throw toLlmError(err, controller.signal.aborted);
    } finally {
      clearTimeout(timer);
    }
  }
}

function toLlmError(err: unknown, aborted: boolean): LlmError {
  if (err instanceof LlmError) return err;
  if (aborted) return new LlmError('batas waktu habis (timeout)');
  if (err instanceof OpenAI.APIError) return new LlmError(`HTTP ${err.status ?? '?'}: ${err.message.slice(0, 200)}`, err.status ?? undefined);
  return new LlmError((err as Error)?.message?.slice(0, 200) ?? String(err));
}
