-- One row per conversation an agent is handling. next_fire_at is when the next step (warning or
-- wrap-up) falls due; replicas take a due step by moving the row to its next state with a
-- compare-and-set on version, so exactly one of them performs each step.
CREATE TABLE inactivity_timers (
    conversation_sid    VARCHAR(34)  NOT NULL,
    task_sid            VARCHAR(34),
    worker_sid          VARCHAR(34),
    interaction_sid     VARCHAR(34),
    channel_sid         VARCHAR(34),
    channel_type        VARCHAR(16),
    queue_sid           VARCHAR(34),
    customer_address    VARCHAR(255),
    state               VARCHAR(16)  NOT NULL,
    deadline            TIMESTAMP WITH TIME ZONE,
    warning_at          TIMESTAMP WITH TIME ZONE,
    next_fire_at        TIMESTAMP WITH TIME ZONE,
    last_customer_at    TIMESTAMP WITH TIME ZONE,
    version             BIGINT       NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_inactivity_timers PRIMARY KEY (conversation_sid)
);

CREATE INDEX ix_inactivity_timers_due ON inactivity_timers (next_fire_at);
CREATE INDEX ix_inactivity_timers_worker ON inactivity_timers (worker_sid);
CREATE INDEX ix_inactivity_timers_task ON inactivity_timers (task_sid);
