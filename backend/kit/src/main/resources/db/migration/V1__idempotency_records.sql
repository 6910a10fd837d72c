-- A request carrying an Idempotency-Key is recorded before any Twilio side effect, so a retry
-- (or a second replica racing the first) finds the record instead of sending twice.
CREATE TABLE idempotency_records (
    scope           VARCHAR(64)     NOT NULL,
    idempotency_key VARCHAR(255)    NOT NULL,
    request_hash    VARCHAR(64)     NOT NULL,
    state           VARCHAR(16)     NOT NULL,
    response_status INTEGER,
    response_body   VARCHAR(100000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_idempotency_records PRIMARY KEY (scope, idempotency_key)
);

CREATE INDEX ix_idempotency_records_created ON idempotency_records (created_at);
