-- How Twilio delivered the first message of each send (Conversations onDeliveryUpdated), so a
-- failed or undelivered text reaches the agent who sent it. One row per message: a retried or
-- duplicated webhook rewrites the same row, and an older receipt never replaces a newer one.
CREATE TABLE outbound_deliveries (
    message_sid      VARCHAR(34) NOT NULL,
    conversation_sid VARCHAR(34) NOT NULL,
    status           VARCHAR(16) NOT NULL,
    error_code       INTEGER,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_outbound_deliveries PRIMARY KEY (message_sid)
);

CREATE INDEX ix_outbound_deliveries_conversation ON outbound_deliveries (conversation_sid);
