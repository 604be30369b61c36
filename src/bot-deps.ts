import { WaitingQuestions } from './answering/knowledge-gaps.js';
import type { BotDeps, MaintenanceDeps } from './bot/context.js';
import type { Catalogue } from './enrolment/catalogue.js';
import type { Logger } from './logger.js';
import type { CoreServices } from './services.js';
import type { Storage } from './storage/open-storage.js';

/**
 * The bot's dependencies from the pieces every entry point has: the core services (knowledge base and
 * answers), the opened storage, the catalogue and the people's roles. The one place they are put together —
 * for the app, the benchmark and the test harnesses — so a new dependency is wired once.
 *
 * @example
 * const deps = createBotDeps({ core, storage: openStorage(config.dataDir), catalogue, logger, roles: config });
 * const bot = createBot(config.botToken, deps, { apiRoot: config.telegramApiRoot });
 */
export interface BotDepsInput {
  core: Pick<CoreServices, 'kb' | 'answers'>;
  storage: Storage;
  catalogue: () => Catalogue;
  logger: Logger;
  roles: { adminIds: number[]; maintainerIds?: number[]; adminChatId?: number };
  retentionDays?: number;
  /** Where uploads go (`KNOWLEDGE_DIR`); without it the bot has no content maintenance (uploads get the media notice). */
  knowledgeDir?: string;
  rateLimit?: BotDeps['config']['rateLimit'];
  now?: () => Date;
}

export function createBotDeps(input: BotDepsInput): BotDeps {
  const { core, storage, logger, roles } = input;
  // Admins are maintainers too.
  const maintainerIds = [...new Set([...roles.adminIds, ...(roles.maintainerIds ?? [])])];
  return {
    answers: core.answers,
    kb: core.kb,
    stores: storage.bot,
    enrolment: storage.enrolment,
    catalogue: input.catalogue,
    maintenance: input.knowledgeDir === undefined ? undefined : maintenanceDeps(input, input.knowledgeDir, maintainerIds),
    config: {
      adminIds: roles.adminIds,
      maintainerIds,
      adminChatId: roles.adminChatId,
      retentionDays: input.retentionDays ?? 365,
      rateLimit: input.rateLimit,
    },
    logger,
    now: input.now,
  };
}

function maintenanceDeps(input: BotDepsInput, knowledgeDir: string, maintainerIds: number[]): MaintenanceDeps {
  const { core, storage, logger } = input;
  const waiting = new WaitingQuestions({
    store: storage.knowledge,
    answers: core.answers,
    now: input.now,
    onError: (err) => logger.error({ err }, 'waiting questions recheck failed'),
  });
  return {
    uploads: {
      kb: core.kb,
      store: storage.knowledge,
      roles: { maintainerIds },
      knowledgeDir,
      afterReindex: (buildId) => waiting.recheck(buildId),
      now: input.now,
    },
    gaps: storage.knowledge,
    waiting,
  };
}
