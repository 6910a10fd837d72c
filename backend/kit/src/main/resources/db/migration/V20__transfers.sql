-- Transfers of a messaging task, pending ones included, so a restart or another replica resumes them.
-- pending_task_sid is set only while the transfer is pending: its unique constraint allows one
-- pending transfer per task on every replica (NULLs never clash, on H2 and PostgreSQL alike).
CREATE TABLE transfers (
  id                   VARCHAR(40)   NOT NULL PRIMARY KEY,
  task_sid             VARCHAR(34)   NOT NULL,
  pending_task_sid     VARCHAR(34)   NULL UNIQUE,
  interaction_sid      VARCHAR(34)   NOT NULL,
  channel_sid          VARCHAR(34)   NOT NULL,
  conversation_sid     VARCHAR(34)   NULL,
  from_worker_sid      VARCHAR(34)   NOT NULL,
  from_identity        VARCHAR(255)  NOT NULL,
  from_participant_sid VARCHAR(34)   NULL,
  target_type          VARCHAR(16)   NOT NULL,
  target_sid           VARCHAR(34)   NOT NULL,
  mode                 VARCHAR(8)    NOT NULL,
  leave_on_accept      BOOLEAN       NOT NULL,
  note                 VARCHAR(1000) NULL,
  task_channel         VARCHAR(64)   NOT NULL,
  task_attributes      VARCHAR(100000) NOT NULL,
  invite_task_sid      VARCHAR(34)   NULL,
  status               VARCHAR(16)   NOT NULL,
  reason               VARCHAR(500)  NULL,
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX transfers_invite_task ON transfers (invite_task_sid);
CREATE INDEX transfers_task ON transfers (task_sid);
