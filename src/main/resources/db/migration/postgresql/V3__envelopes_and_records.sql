-- PostgreSQL variant of ../h2/V3__envelopes_and_records.sql (same tables and keys; TEXT for CLOB, BYTEA for BLOB).
-- The envelopes of each batch and the records they yield. The unique keys are what make a restarted or rerun
-- batch neither lose nor double a record.

CREATE TABLE batch_run (
    batch_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    folder      VARCHAR(4000) NOT NULL,
    batch_date  DATE         NOT NULL,
    created_at  TIMESTAMP    NOT NULL
);

CREATE TABLE envelope (
    batch_id     VARCHAR(64)   NOT NULL,
    name         VARCHAR(1000) NOT NULL,   -- file name relative to the batch folder
    sha256       CHAR(64),                 -- null when the file could not be read to hash it
    size_bytes   BIGINT,
    status       VARCHAR(16)   NOT NULL,   -- PENDING, ANALYZED
    analyzed_ms  BIGINT,
    registered_at TIMESTAMP    NOT NULL,
    PRIMARY KEY (batch_id, name),
    CONSTRAINT envelope_batch_fk FOREIGN KEY (batch_id) REFERENCES batch_run(batch_id)
);

CREATE TABLE form_record (
    batch_id       VARCHAR(64)   NOT NULL,
    envelope       VARCHAR(1000) NOT NULL,
    page_key       INT           NOT NULL,  -- the 1-based page, or 0 for an envelope-level record (page null)
    application_id CHAR(23),
    outcome        VARCHAR(16)   NOT NULL,
    record_json    TEXT          NOT NULL,
    published      BOOLEAN       DEFAULT FALSE NOT NULL,
    PRIMARY KEY (batch_id, envelope, page_key),
    CONSTRAINT record_envelope_fk FOREIGN KEY (batch_id, envelope) REFERENCES envelope(batch_id, name)
);

CREATE INDEX form_record_app_id ON form_record(application_id, outcome);
CREATE INDEX form_record_unpublished ON form_record(batch_id, published);
