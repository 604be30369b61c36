import { AnswerService } from './answering/answer-service.js';
import { LlmClient } from './answering/llm-client.js';
import type { Config } from './config.js';
import { createEmbeddingsProvider } from './knowledge/embeddings.js';
import { KnowledgeBase } from './knowledge/knowledge-base.js';
import type { Logger } from './logger.js';

/**
 * The domain services every entry point needs (bot, playground, CLIs), built from config.
 * Opening the knowledge base builds the index first when it is missing or stale, so a new
 * user never needs a separate step.
 */
export interface CoreServices {
  kb: KnowledgeBase;
  answers: AnswerService;
  llm?: LlmClient;
}

export async function createCoreServices(
  config: Config,
  io: { progress?: (m: string) => void; warn?: (m: string) => void; logger?: Logger } = {},
): Promise<CoreServices> {
  const embeddings = createEmbeddingsProvider({
    provider: config.embeddings.provider,
    model: config.embeddings.model,
    apiKey: config.openai.apiKey,
    baseURL: config.openai.baseUrl,
  });
  const kb = await KnowledgeBase.open({
    knowledgeDir: config.knowledgeDir,
    dataDir: config.dataDir,
    embeddings,
    onProgress: io.progress,
    onWarning: io.warn,
  });
  const llm = config.openai.enabled
    ? new LlmClient({ apiKey: config.openai.apiKey, baseURL: config.openai.baseUrl, model: config.openai.model, timeoutMs: config.openai.timeoutMs })
    : undefined;
  return { kb, llm, answers: new AnswerService({ kb, llm, logger: io.logger }) };
}
