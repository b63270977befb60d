-- A command's caller now learns the sequences of its events from the appending node's memory
-- (CommandReceipts); the command id stays in every event's metadata. The table written with
-- every event is no longer read. See docs/decisions/0007-write-path.md.
DROP TABLE command_receipt;
