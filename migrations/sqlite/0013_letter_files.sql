-- Files a writer attaches to a hotline letter (photos of the problem, documents). Attached while
-- writing under the form's token in staged_files, moved here in the transaction that files the
-- letter. Only the desk and the units the letter is routed to can download them.
-- Keep in step with ../postgres/0013_letter_files.sql.

CREATE TABLE letter_files (
    id          INTEGER PRIMARY KEY,
    letter_id   BIGINT NOT NULL REFERENCES letters(id),
    name        TEXT   NOT NULL,
    mime        TEXT   NOT NULL,
    size        BIGINT NOT NULL,
    sha256      TEXT   NOT NULL,
    data        BLOB   NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX letter_files_letter ON letter_files (letter_id);
