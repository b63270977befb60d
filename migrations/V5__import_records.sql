-- Every bulletin file imported, kept as it was received: the source document of the changes
-- its import recorded. A file already imported (same bytes) is recognised and appends nothing.
CREATE TABLE import_record (
    sha256      text        NOT NULL,
    instrument  text        NOT NULL,
    file_name   text,
    content     bytea       NOT NULL,
    imported_at timestamptz NOT NULL,
    imported_by text        NOT NULL,
    sequences   bigint[]    NOT NULL,
    CONSTRAINT import_record_pkey PRIMARY KEY (sha256)
);
