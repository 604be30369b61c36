import type Database from 'better-sqlite3';
import { redactPii } from '../pii.js';
import { StorageError } from './storage-error.js';

/**
 * One schema step. Migrations are append-only: never edit one that has shipped, add the next version.
 * Each runs in its own transaction, so a failure leaves the database at the previous version.
 */
export interface Migration {
  version: number;
  name: string;
  up: (db: Database.Database) => void;
}

const LEVEL_CHECK = `('pelaksana','fungsional','pengawas','administrator','pimpinan_tinggi')`;
const STATUS_CHECK = `('pending','approved','rejected','needs_info','cancelled')`;

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'enrolment: requests, audit log, outbox, admin cards, drafts',
    up: (db) =>
      db.exec(`
        CREATE TABLE meta (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;

        CREATE TABLE requests (
          id                INTEGER PRIMARY KEY AUTOINCREMENT,
          programme_id      TEXT    NOT NULL,
          applicant_id      INTEGER NOT NULL,
          applicant_chat_id INTEGER NOT NULL,
          locale            TEXT    NOT NULL CHECK (locale IN ('id','en')),
          full_name         TEXT    NOT NULL,
          nip               TEXT    NOT NULL,
          instansi          TEXT    NOT NULL,
          jabatan           TEXT    NOT NULL,
          level             TEXT    NOT NULL CHECK (level IN ${LEVEL_CHECK}),
          email             TEXT    NOT NULL,
          phone             TEXT,
          motivation        TEXT    NOT NULL,
          status            TEXT    NOT NULL CHECK (status IN ${STATUS_CHECK}),
          created_at        TEXT    NOT NULL,
          updated_at        TEXT    NOT NULL,
          decided_by        INTEGER,
          decided_by_name   TEXT,
          decided_at        TEXT,
          reason            TEXT,
          anonymised        INTEGER NOT NULL DEFAULT 0 CHECK (anonymised IN (0,1))
        ) STRICT;
        -- Second line of defence for "one active request per NIP per programme" (the store checks first).
        CREATE UNIQUE INDEX requests_one_active_per_nip
          ON requests (nip, programme_id) WHERE status IN ('pending','needs_info');
        CREATE INDEX requests_by_applicant ON requests (applicant_id, updated_at);
        CREATE INDEX requests_by_status ON requests (status, created_at, id);
        CREATE INDEX requests_by_decision ON requests (anonymised, decided_at);

        CREATE TABLE audit_log (
          id         INTEGER PRIMARY KEY AUTOINCREMENT,
          request_id INTEGER REFERENCES requests (id),
          action     TEXT    NOT NULL,
          actor_id   INTEGER,
          actor_name TEXT,
          detail     TEXT    NOT NULL DEFAULT '{}',
          created_at TEXT    NOT NULL
        ) STRICT;
        CREATE INDEX audit_log_by_request ON audit_log (request_id, id);

        CREATE TABLE outbox (
          id              INTEGER PRIMARY KEY AUTOINCREMENT,
          kind            TEXT    NOT NULL,
          chat_id         INTEGER NOT NULL,
          request_id      INTEGER REFERENCES requests (id),
          locale          TEXT,
          payload         TEXT    NOT NULL DEFAULT '{}',
          status          TEXT    NOT NULL DEFAULT 'pending'
                          CHECK (status IN ('pending','sending','sent','blocked','failed','dropped')),
          attempts        INTEGER NOT NULL DEFAULT 0,
          next_attempt_at TEXT    NOT NULL,
          lease_owner     TEXT,
          lease_until     TEXT,
          last_error      TEXT,
          created_at      TEXT    NOT NULL,
          updated_at      TEXT    NOT NULL,
          sent_at         TEXT
        ) STRICT;
        CREATE INDEX outbox_by_status ON outbox (status, next_attempt_at);
        -- Serves the per-chat ordering check of the claim query without scanning a chat's delivered history.
        CREATE INDEX outbox_unfinished_by_chat ON outbox (chat_id, id) WHERE status IN ('pending', 'sending');
        CREATE INDEX outbox_by_request ON outbox (request_id);

        -- A crash between send and record can post a card twice; both copies are kept and both get updated.
        CREATE TABLE admin_cards (
          request_id INTEGER NOT NULL REFERENCES requests (id),
          chat_id    INTEGER NOT NULL,
          message_id INTEGER NOT NULL,
          created_at TEXT    NOT NULL,
          PRIMARY KEY (request_id, chat_id, message_id)
        ) STRICT;

        CREATE TABLE drafts (
          user_id    INTEGER PRIMARY KEY,
          chat_id    INTEGER NOT NULL,
          data       TEXT    NOT NULL,
          updated_at TEXT    NOT NULL
        ) STRICT;
      `),
  },
  {
    version: 2,
    name: 'bot: preferences, feedback, unanswered questions, last sources, processed updates, admin prompts',
    up: (db) =>
      db.exec(`
        CREATE TABLE user_preferences (
          user_id    INTEGER PRIMARY KEY,
          locale     TEXT NOT NULL CHECK (locale IN ('id','en')),
          updated_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE feedback_answers (
          answer_id  TEXT PRIMARY KEY,
          question   TEXT,
          created_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE feedback_votes (
          answer_id  TEXT    NOT NULL REFERENCES feedback_answers (answer_id),
          user_id    INTEGER NOT NULL,
          vote       INTEGER NOT NULL CHECK (vote IN (-1, 1)),
          updated_at TEXT    NOT NULL,
          PRIMARY KEY (answer_id, user_id)
        ) STRICT;
        CREATE INDEX feedback_votes_by_user ON feedback_votes (user_id);

        CREATE TABLE unanswered_questions (
          question_key TEXT PRIMARY KEY,
          question     TEXT    NOT NULL,
          count        INTEGER NOT NULL,
          first_seen   TEXT    NOT NULL,
          last_seen    TEXT    NOT NULL
        ) STRICT;
        CREATE INDEX unanswered_by_count ON unanswered_questions (count DESC, last_seen DESC);

        CREATE TABLE last_sources (
          chat_id    INTEGER PRIMARY KEY,
          data       TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE processed_updates (
          update_id    INTEGER PRIMARY KEY,
          processed_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX processed_updates_by_time ON processed_updates (processed_at);

        CREATE TABLE admin_prompts (
          admin_id   INTEGER PRIMARY KEY,
          request_id INTEGER NOT NULL,
          action     TEXT    NOT NULL CHECK (action IN ('reject','needs_info')),
          created_at TEXT    NOT NULL
        ) STRICT;
      `),
  },
  {
    version: 3,
    name: 'enrolment: duplicate rule enforced by the store (approved blocks too); unique index stays on active requests',
    // An earlier build briefly replaced the index; this restores the original so that databases holding an
    // approved and a pending request for the same NIP and programme (allowed before) still open.
    up: (db) =>
      db.exec(`
        DROP INDEX IF EXISTS requests_one_per_nip_programme;
        CREATE UNIQUE INDEX IF NOT EXISTS requests_one_active_per_nip
          ON requests (nip, programme_id) WHERE status IN ('pending','needs_info');
      `),
  },
  {
    version: 4,
    name: 'bot: admin prompts remember the chat and the prompt message they belong to',
    up: (db) =>
      db.exec(`
        ALTER TABLE admin_prompts ADD COLUMN chat_id INTEGER;
        ALTER TABLE admin_prompts ADD COLUMN message_id INTEGER;
      `),
  },
  {
    version: 5,
    name: 'maintainers: uploaded documents, knowledge audit, upload actions, knowledge gaps, answer watches, feedback reasons',
    up: (db) =>
      db.exec(`
        -- Documents uploaded from the chat (shipped documents have no row: that is what protects them).
        CREATE TABLE knowledge_documents (
          id               INTEGER PRIMARY KEY AUTOINCREMENT,
          file             TEXT    NOT NULL UNIQUE,
          title            TEXT    NOT NULL,
          identity_key     TEXT    NOT NULL,
          uploaded_by      INTEGER NOT NULL,
          uploaded_by_name TEXT,
          uploaded_at      TEXT    NOT NULL,
          size             INTEGER NOT NULL,
          sha256           TEXT    NOT NULL
        ) STRICT;
        CREATE INDEX knowledge_documents_by_identity ON knowledge_documents (identity_key);

        -- Append-only: every upload, replacement, undo and removal of a document.
        CREATE TABLE knowledge_audit (
          id         INTEGER PRIMARY KEY AUTOINCREMENT,
          action     TEXT    NOT NULL,
          file       TEXT    NOT NULL,
          actor_id   INTEGER,
          actor_name TEXT,
          detail     TEXT    NOT NULL DEFAULT '{}',
          created_at TEXT    NOT NULL
        ) STRICT;

        -- A staged upload waiting for "replace?" and the undo of a finished one; the button carries the token.
        CREATE TABLE upload_actions (
          token      TEXT    PRIMARY KEY,
          kind       TEXT    NOT NULL CHECK (kind IN ('replace','undo')),
          actor_id   INTEGER NOT NULL,
          data       TEXT    NOT NULL,
          created_at TEXT    NOT NULL
        ) STRICT;

        -- Unanswered and partly answered questions, grouped by their key terms (text already redacted).
        CREATE TABLE knowledge_gaps (
          id            INTEGER PRIMARY KEY AUTOINCREMENT,
          group_key     TEXT    NOT NULL UNIQUE,
          example       TEXT    NOT NULL,
          count         INTEGER NOT NULL,
          partial_count INTEGER NOT NULL DEFAULT 0,
          first_seen    TEXT    NOT NULL,
          last_seen     TEXT    NOT NULL
        ) STRICT;
        CREATE INDEX knowledge_gaps_by_count ON knowledge_gaps (count DESC, last_seen DESC);
        CREATE TABLE knowledge_gap_examples (
          id       INTEGER PRIMARY KEY AUTOINCREMENT,
          gap_id   INTEGER NOT NULL REFERENCES knowledge_gaps (id) ON DELETE CASCADE,
          question TEXT    NOT NULL,
          coverage TEXT    NOT NULL CHECK (coverage IN ('none','partial')),
          asked_at TEXT    NOT NULL
        ) STRICT;
        CREATE INDEX knowledge_gap_examples_by_gap ON knowledge_gap_examples (gap_id, id);

        -- "Kabari saya": offered with a refusal (kept a day), waiting once pressed (90 days), answered once notified.
        CREATE TABLE answer_watches (
          id          INTEGER PRIMARY KEY AUTOINCREMENT,
          user_id     INTEGER NOT NULL,
          chat_id     INTEGER NOT NULL,
          locale      TEXT    NOT NULL CHECK (locale IN ('id','en')),
          question    TEXT    NOT NULL,
          status      TEXT    NOT NULL CHECK (status IN ('offered','waiting','answered')),
          created_at  TEXT    NOT NULL,
          expires_at  TEXT    NOT NULL,
          answered_at TEXT
        ) STRICT;
        CREATE INDEX answer_watches_by_status ON answer_watches (status, expires_at);
        CREATE INDEX answer_watches_by_user ON answer_watches (user_id);

        ALTER TABLE feedback_votes ADD COLUMN reason TEXT CHECK (reason IN ('wrong','outdated','incomplete','irrelevant'));
      `),
  },
  {
    version: 6,
    name: 'hardening: webhook inbox attempts, admin messages with personal data, card render hashes, askers of unanswered questions',
    up: (db) => {
      db.exec(`
        -- Created by the inbox itself before this version; from now on it is part of the schema.
        CREATE TABLE IF NOT EXISTS webhook_inbox (
          update_id   INTEGER PRIMARY KEY,
          payload     TEXT NOT NULL,
          received_at TEXT NOT NULL,
          done_at     TEXT
        );

        -- Messages the bot posted to admins that show an applicant's personal data besides the cards
        -- (the forwarded information reply, /lihat replies, queue pages): edited to "[dihapus]" on erasure.
        CREATE TABLE admin_messages (
          chat_id    INTEGER NOT NULL,
          message_id INTEGER NOT NULL,
          request_id INTEGER NOT NULL,
          kind       TEXT    NOT NULL,
          created_at TEXT    NOT NULL,
          PRIMARY KEY (chat_id, message_id, request_id)
        ) STRICT;
        CREATE INDEX admin_messages_by_request ON admin_messages (request_id);

        -- Hash of what a card shows now, so a refresh that would change nothing is not sent at all.
        ALTER TABLE admin_cards ADD COLUMN rendered_hash TEXT;

        -- Who asked an unanswered question, so /hapusdata can remove theirs.
        CREATE TABLE unanswered_askers (
          question_key TEXT    NOT NULL,
          user_id      INTEGER NOT NULL,
          PRIMARY KEY (question_key, user_id)
        ) STRICT;
        CREATE INDEX unanswered_askers_by_user ON unanswered_askers (user_id);
      `);
      const columns = db.prepare(`SELECT name FROM pragma_table_info('webhook_inbox')`).all() as Array<{ name: string }>;
      if (!columns.some((c) => c.name === 'attempts')) db.exec(`ALTER TABLE webhook_inbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0`);
      // Questions stored before the redactor knew bracketed and landline numbers or "nama saya …".
      const rescrub = (table: string, key: string, column: string) => {
        const rows = db.prepare(`SELECT ${key} AS k, ${column} AS v FROM ${table}`).all() as Array<{ k: unknown; v: string }>;
        const update = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${key} = ?`);
        for (const row of rows) {
          const clean = redactPii(row.v);
          if (clean !== row.v) update.run(clean, row.k);
        }
      };
      rescrub('unanswered_questions', 'question_key', 'question');
      rescrub('knowledge_gaps', 'id', 'example');
      rescrub('knowledge_gap_examples', 'id', 'question');
    },
  },
  {
    version: 7,
    name: 'bot: partial answers (the knowledge base lacks part of what was asked) are counted apart in feedback and unanswered questions',
    up: (db) =>
      db.exec(`
        ALTER TABLE unanswered_questions ADD COLUMN coverage TEXT NOT NULL DEFAULT 'none' CHECK (coverage IN ('none', 'partial'));
        ALTER TABLE feedback_answers ADD COLUMN coverage TEXT NOT NULL DEFAULT 'full' CHECK (coverage IN ('full', 'partial'));
      `),
  },
  {
    version: 8,
    name: 'webhook: processed_updates dropped (superseded by webhook_inbox, which de-duplicates by update_id)',
    up: (db) => db.exec(`DROP TABLE IF EXISTS processed_updates;`),
  },
];

/**
 * Brings `db` to the latest schema version and returns the versions applied now (empty when up to date).
 *
 * Safe to call on every open and from several processes at once: each step runs in an IMMEDIATE
 * transaction that re-checks whether another process applied it meanwhile.
 *
 * @throws StorageError when the database was written by a newer version of the app.
 */
export function migrate(db: Database.Database, steps: readonly Migration[] = migrations): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);

  const latestKnown = Math.max(0, ...steps.map((step) => step.version));
  const current = currentSchemaVersion(db);
  if (current > latestKnown) {
    throw new StorageError(
      `Database ${db.name} is at schema version ${current}, but this build only knows up to ${latestKnown}. ` +
        'It was written by a newer version of Asisten Digital ASN: upgrade the app, or restore a backup made by this version.',
      { file: db.name, version: current },
    );
  }

  const isApplied = db.prepare<[number], { found: number }>('SELECT 1 AS found FROM schema_migrations WHERE version = ?');
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied: number[] = [];
  for (const step of [...steps].sort((a, b) => a.version - b.version)) {
    const apply = db.transaction(() => {
      if (isApplied.get(step.version)) return false;
      step.up(db);
      record.run(step.version, step.name, new Date().toISOString());
      return true;
    });
    try {
      if (apply.immediate()) applied.push(step.version);
    } catch (error) {
      throw new StorageError(
        `Migration ${step.version} (${step.name}) failed on ${db.name}; the database stays at version ` +
          `${currentSchemaVersion(db)}. Fix the migration or restore a backup, then start again.`,
        { file: db.name, version: step.version },
        { cause: error },
      );
    }
  }
  return applied;
}

/** Highest applied migration version, 0 for a fresh database. */
export function currentSchemaVersion(db: Database.Database): number {
  const row = db.prepare<[], { version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations').get();
  return row?.version ?? 0;
}
