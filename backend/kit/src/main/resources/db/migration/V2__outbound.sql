-- Sends waiting for the customer's reply: the reply is routed from here (to the sender or anyone),
-- and the agent's "sent, waiting for reply" list reads it.
CREATE TABLE outbound_sends (
    conversation_sid VARCHAR(34)  NOT NULL,
    agent_identity   VARCHAR(255) NOT NULL,
    worker_sid       VARCHAR(34)  NOT NULL,
    route_to         VARCHAR(8)   NOT NULL,
    channel          VARCHAR(16)  NOT NULL,
    customer_address VARCHAR(64)  NOT NULL,
    sender_address   VARCHAR(64)  NOT NULL,
    customer_name    VARCHAR(255),
    message_sid      VARCHAR(34),
    status           VARCHAR(16)  NOT NULL,
    interaction_sid  VARCHAR(34),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_outbound_sends PRIMARY KEY (conversation_sid)
);

CREATE INDEX ix_outbound_sends_agent ON outbound_sends (agent_identity, status);

-- WhatsApp's 24 h customer-service window opens and resets only on the customer's inbound message.
CREATE TABLE whatsapp_windows (
    customer_address VARCHAR(64) NOT NULL,
    sender_address   VARCHAR(64) NOT NULL,
    last_inbound_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_whatsapp_windows PRIMARY KEY (customer_address, sender_address)
);
