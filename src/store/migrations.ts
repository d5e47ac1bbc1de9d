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
];
