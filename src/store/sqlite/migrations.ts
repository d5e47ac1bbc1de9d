/**
 * Versioned schema migrations, applied in order at start inside one transaction each.
 * PRAGMA user_version holds the version reached. Never edit a released migration; add a new one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'audit trail and api tokens',
    sql: `
      CREATE TABLE audit_events (
        seq              INTEGER PRIMARY KEY,
        id               TEXT    NOT NULL UNIQUE,
        ts               TEXT    NOT NULL,
        type             TEXT    NOT NULL,
        action           TEXT    NOT NULL,
        target           TEXT    NOT NULL,
        project          TEXT,
        task             TEXT,
        agent            TEXT,
        actor            TEXT    NOT NULL,
        input            TEXT    NOT NULL,
        output           TEXT    NOT NULL,
        input_truncated  INTEGER NOT NULL,
        output_truncated INTEGER NOT NULL,
        success          INTEGER NOT NULL,
        error            TEXT,
        duration_ms      REAL    NOT NULL,
        security_flags   TEXT    NOT NULL,
        details          TEXT,
        prev_hash        TEXT    NOT NULL,
        hash             TEXT    NOT NULL
      );
      CREATE INDEX audit_events_type_ts ON audit_events (type, ts);
      CREATE INDEX audit_events_project_ts ON audit_events (project, ts);
      CREATE INDEX audit_events_ts ON audit_events (ts);
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
      CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

      CREATE TABLE api_tokens (
        id           TEXT PRIMARY KEY,
        name         TEXT NOT NULL,
        role         TEXT NOT NULL CHECK (role IN ('admin', 'submitter', 'viewer')),
        token_hash   TEXT NOT NULL UNIQUE,
        created_at   TEXT NOT NULL,
        created_by   TEXT NOT NULL,
        last_used_at TEXT,
        revoked_at   TEXT
      );
    `,
  },
  {
    version: 2,
    name: 'policy version history',
    sql: `
      CREATE TABLE policy_versions (
        name       TEXT    NOT NULL,
        version    INTEGER NOT NULL,
        text       TEXT    NOT NULL,
        etag       TEXT    NOT NULL,
        author     TEXT    NOT NULL,
        source     TEXT    NOT NULL CHECK (source IN ('disk', 'api', 'restore')),
        created_at TEXT    NOT NULL,
        PRIMARY KEY (name, version)
      );
    `,
  },
  {
    version: 3,
    name: 'factory: tools, agents, jobs, runs, llm calls, progress events',
    sql: `
      CREATE TABLE tools (
        name           TEXT PRIMARY KEY,
        latest_version INTEGER NOT NULL,
        created_at     TEXT NOT NULL,
        created_by     TEXT NOT NULL,
        destroyed_at   TEXT
      );
      CREATE TABLE tool_versions (
        name          TEXT    NOT NULL,
        version       INTEGER NOT NULL,
        language      TEXT    NOT NULL,
        origin        TEXT    NOT NULL CHECK (origin IN ('source', 'generated')),
        source        TEXT    NOT NULL,
        checksum      TEXT    NOT NULL,
        policy        TEXT    NOT NULL,
        blueprint     TEXT    NOT NULL,
        check_report  TEXT    NOT NULL,
        probe_results TEXT    NOT NULL,
        attempts      INTEGER NOT NULL,
        created_by    TEXT    NOT NULL,
        created_at    TEXT    NOT NULL,
        expires_at    TEXT,
        PRIMARY KEY (name, version)
      );
      CREATE TABLE agents (
        id           TEXT PRIMARY KEY,
        name         TEXT NOT NULL,
        origin       TEXT NOT NULL CHECK (origin IN ('blueprint', 'specialist', 'clone')),
        parent       TEXT,
        blueprint    TEXT NOT NULL,
        created_by   TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        expires_at   TEXT,
        destroyed_at TEXT
      );
      CREATE INDEX agents_name ON agents (name);
      CREATE TABLE work (
        id         TEXT PRIMARY KEY,
        kind       TEXT NOT NULL CHECK (kind IN ('job', 'run')),
        type       TEXT NOT NULL,
        target     TEXT NOT NULL,
        owner      TEXT NOT NULL,
        status     TEXT NOT NULL,
        progress   REAL NOT NULL,
        input      TEXT NOT NULL,
        result     TEXT,
        error      TEXT,
        steps      TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX work_kind_created ON work (kind, created_at);
      CREATE TABLE llm_calls (
        id                TEXT PRIMARY KEY,
        at                TEXT NOT NULL,
        role              TEXT NOT NULL,
        model             TEXT NOT NULL,
        prompt_tokens     INTEGER NOT NULL,
        completion_tokens INTEGER NOT NULL,
        duration_ms       REAL NOT NULL,
        attempts          INTEGER NOT NULL,
        ok                INTEGER NOT NULL,
        error             TEXT,
        cost_usd          REAL NOT NULL,
        project           TEXT,
        task              TEXT,
        agent             TEXT
      );
      CREATE INDEX llm_calls_project ON llm_calls (project, at);
      CREATE TABLE events (
        seq      INTEGER PRIMARY KEY,
        topic    TEXT NOT NULL,
        owner    TEXT NOT NULL,
        ts       TEXT NOT NULL,
        project  TEXT,
        task     TEXT,
        agent    TEXT,
        status   TEXT NOT NULL,
        progress REAL NOT NULL,
        message  TEXT NOT NULL,
        metadata TEXT NOT NULL
      );
      CREATE INDEX events_topic_seq ON events (topic, seq);
    `,
  },
  {
    version: 4,
    name: 'llm calls: token counts may be unknown (Ollama leaves zero counts out)',
    sql: `
      CREATE TABLE llm_calls_v4 (
        id                TEXT PRIMARY KEY,
        at                TEXT NOT NULL,
        role              TEXT NOT NULL,
        model             TEXT NOT NULL,
        prompt_tokens     INTEGER,
        completion_tokens INTEGER,
        duration_ms       REAL NOT NULL,
        attempts          INTEGER NOT NULL,
        ok                INTEGER NOT NULL,
        error             TEXT,
        cost_usd          REAL NOT NULL,
        project           TEXT,
        task              TEXT,
        agent             TEXT
      );
      INSERT INTO llm_calls_v4 SELECT * FROM llm_calls;
      DROP TABLE llm_calls;
      ALTER TABLE llm_calls_v4 RENAME TO llm_calls;
      CREATE INDEX llm_calls_project ON llm_calls (project, at);
    `,
  },
  {
    version: 5,
    name: 'access: shared tools and agents, owner indexes',
    sql: `
      ALTER TABLE tools ADD COLUMN shared INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE agents ADD COLUMN shared INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX tools_created_by ON tools (created_by);
      CREATE INDEX agents_created_by ON agents (created_by);
      CREATE INDEX work_owner_kind ON work (owner, kind, created_at);
    `,
  },
  {
    version: 6,
    name: 'coordinator: projects and their hash-chained journals',
    sql: `
      CREATE TABLE projects (
        id               TEXT PRIMARY KEY,
        name             TEXT NOT NULL,
        owner            TEXT NOT NULL,
        task             TEXT NOT NULL,
        pipeline         TEXT NOT NULL,
        status           TEXT NOT NULL,
        phase            TEXT NOT NULL,
        config           TEXT NOT NULL,
        plan             TEXT,
        result           TEXT,
        error            TEXT,
        waiting          TEXT,
        paused           TEXT,
        usage            TEXT NOT NULL,
        metrics          TEXT,
        runs             INTEGER NOT NULL DEFAULT 0,
        cancel_requested INTEGER NOT NULL DEFAULT 0,
        lease_owner      TEXT,
        lease_expires    TEXT,
        journal_length   INTEGER NOT NULL DEFAULT 0,
        journal_head     TEXT NOT NULL,
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        started_at       TEXT,
        finished_at      TEXT
      );
      CREATE INDEX projects_owner_created ON projects (owner, created_at);
      CREATE INDEX projects_status ON projects (status);
      CREATE TABLE project_journal (
        project  TEXT    NOT NULL REFERENCES projects (id),
        seq      INTEGER NOT NULL,
        key      TEXT    NOT NULL,
        kind     TEXT    NOT NULL CHECK (kind IN ('step', 'llm', 'tool', 'signal', 'mark')),
        ok       INTEGER NOT NULL,
        data     TEXT    NOT NULL,
        meta     TEXT    NOT NULL,
        at       TEXT    NOT NULL,
        prev_hash TEXT   NOT NULL,
        hash     TEXT    NOT NULL,
        PRIMARY KEY (project, seq),
        UNIQUE (project, key)
      );
      CREATE TRIGGER project_journal_no_update BEFORE UPDATE ON project_journal
        BEGIN SELECT RAISE(ABORT, 'the project journal is append-only'); END;
      CREATE TRIGGER project_journal_no_delete BEFORE DELETE ON project_journal
        BEGIN SELECT RAISE(ABORT, 'the project journal is append-only'); END;
    `,
  },
];
