-- A promulgation now shows an authority in the change log like every other change: the
-- instrument itself, as a whole. Rows written before lack it: empty the read model and drop its
-- processor's position, so that it replays the log from the start (the table is disposable,
-- see README "Rebuilding the read models").
TRUNCATE change_log;
DELETE FROM token_entry WHERE processor_name = 'change-log';
