-- Issue 7: what the reviewers' report and the auditors' log need beyond the record itself, written with the
-- records in the analyze step's chunk transaction. Unique on batch + envelope + page (+ kind): a restarted chunk
-- replaces its rows, never doubles them.

-- The environment a record was decided in: software and library versions, model / cascade / tessdata hashes,
-- the hash of the effective configuration. One row per distinct environment.
CREATE TABLE audit_environment (
    sha256           CHAR(64) NOT NULL PRIMARY KEY,
    environment_json CLOB     NOT NULL
);

-- Per form record: every measurement behind the decision beyond the record (photo statistics, ID sources).
CREATE TABLE record_evidence (
    batch_id        VARCHAR(64)   NOT NULL,
    envelope        VARCHAR(1000) NOT NULL,
    page_key        INT           NOT NULL,
    environment_sha CHAR(64)      NOT NULL,
    evidence_json   CLOB          NOT NULL,
    PRIMARY KEY (batch_id, envelope, page_key),
    CONSTRAINT evidence_envelope_fk FOREIGN KEY (batch_id, envelope) REFERENCES envelope(batch_id, name),
    CONSTRAINT evidence_environment_fk FOREIGN KEY (environment_sha) REFERENCES audit_environment(sha256)
);

-- Small JPEG crops for reviewers: the upright photo print, and the fields that need a look.
CREATE TABLE record_crop (
    batch_id   VARCHAR(64)   NOT NULL,
    envelope   VARCHAR(1000) NOT NULL,
    page_key   INT           NOT NULL,
    kind       VARCHAR(32)   NOT NULL,   -- photo, photo-area, phone, date, signature, checkboxes, id
    px_per_mm  DOUBLE        NOT NULL,
    width_px   INT           NOT NULL,
    height_px  INT           NOT NULL,
    jpeg       BLOB          NOT NULL,
    PRIMARY KEY (batch_id, envelope, page_key, kind),
    CONSTRAINT crop_envelope_fk FOREIGN KEY (batch_id, envelope) REFERENCES envelope(batch_id, name)
);
