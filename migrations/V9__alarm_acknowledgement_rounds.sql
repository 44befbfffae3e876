-- An acknowledged alarm whose level rises waits for a new acknowledgement and is escalated anew: the
-- round counts the acknowledgements it has needed so far (0 for the first), awaiting_since is when the
-- current round began (NULL: at raised_at).
ALTER TABLE alarms ADD COLUMN acknowledgement_round INT NOT NULL DEFAULT 0;
ALTER TABLE alarms ADD COLUMN awaiting_since TIMESTAMP(3) NULL;
