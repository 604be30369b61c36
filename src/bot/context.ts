import type { Context } from 'grammy';
import type { I18nFlavor } from '@grammyjs/i18n';
import type { AnswerService } from '../answering/answer-service.js';
import type { Catalogue } from '../enrolment/catalogue.js';
import type { EnrolmentStore } from '../enrolment/enrolment-store.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Locale } from '../locale.js';
import type { Logger } from '../logger.js';
import type { BotStores } from './stores.js';
import type { GapStore, WaitingQuestions } from '../answering/knowledge-gaps.js';
import type { UploadDeps } from '../knowledge/maintenance/uploads.js';

/**
 * Content maintenance (uploads, /dokumen, /hapusdokumen, /celah, 🔔 watches). Optional so that a bot built
 * without it (benchmarks, narrow tests) still answers questions; then documents get the media notice.
 */
export interface MaintenanceDeps {
  uploads: UploadDeps;
  gaps: GapStore;
  waiting: WaitingQuestions;
}

/**
 * Everything the bot needs, passed in by the composition root (`main.ts`) — the bot never
 * reads the environment itself, so tests can build it with any configuration.
 */
export interface BotDeps {
  answers: AnswerService;
  kb: KnowledgeBase;
  stores: BotStores;
  enrolment: EnrolmentStore;
  maintenance?: MaintenanceDeps;
  /** The programme catalogue, re-read when `programmes.yaml` changes (see catalogue provider). */
  catalogue: () => Catalogue;
  config: {
    adminIds: number[];
    /** MAINTAINER_IDS plus the admins (default: the admins). */
    maintainerIds?: number[];
    adminChatId?: number;
    retentionDays: number;
    /** Window limit (default 120 messages per minute) and flood guard (default 6 queued messages per user). */
    rateLimit?: { limit?: number; windowMs?: number; maxBacklog?: number };
  };
  logger: Logger;
  now?: () => Date;
}

export interface BotContextExtras {
  deps: BotDeps;
  /** The sender is in ADMIN_IDS. */
  isAdmin: boolean;
  /** The sender may maintain content (MAINTAINER_IDS or ADMIN_IDS). */
  isMaintainer: boolean;
  /** The user's current locale ('id' default). */
  locale: Locale;
  /** Translate in a given locale (e.g. to notify another user in their language). */
  tFor: (locale: Locale, key: string, vars?: Record<string, string | number>) => string;
}

export type BotContext = Context & I18nFlavor & BotContextExtras;
