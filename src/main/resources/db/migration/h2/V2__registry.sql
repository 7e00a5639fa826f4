-- The registry of issued forms (SPEC §2): one row per printed 申請書ID, imported from CSV by
-- org.shinsei.registry.RegistryImporter. Stands alone: no reference to the batch tables of V1.
--
-- The CHECKs are written as CASE, not "IN (...)": H2 2.4.240 breaks an IN-list CHECK as soon as the
-- connection that created it is closed ("Check constraint invalid", then "database has been closed";
-- h2database issues 4302/4308), and it rewrites "a = 'x' OR a = 'y'" into the same IN-list.
CREATE TABLE registry_form (
    application_id  CHAR(23)     NOT NULL PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    address         VARCHAR(500) NOT NULL,
    birth_date      DATE         NOT NULL,
    sex             CHAR(1)      NOT NULL,
    residence_until DATE         NULL,
    status          VARCHAR(16)  NOT NULL,
    imported_at     TIMESTAMP    NOT NULL,
    CONSTRAINT registry_form_sex CHECK (CASE sex WHEN 'M' THEN TRUE WHEN 'F' THEN TRUE ELSE FALSE END),
    CONSTRAINT registry_form_status
        CHECK (CASE status WHEN 'ISSUED' THEN TRUE WHEN 'DATA_CHANGED' THEN TRUE ELSE FALSE END)
);
