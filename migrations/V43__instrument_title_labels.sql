-- The labels of an instrument's title (which languages are a summary or an unofficial
-- translation, or the wording of another document), as BulletinPromulgated carries them.
ALTER TABLE instrument_view ADD COLUMN title_labels jsonb NOT NULL DEFAULT '{}'::jsonb;

-- Rows written before this column existed lack their labels: empty the read model and drop
-- its processor's position, so that the processor replays the log from the start and
-- rebuilds it with them (the table is disposable, see README "Rebuilding the read models").
TRUNCATE instrument_view;
DELETE FROM token_entry WHERE processor_name = 'instrument-query';
