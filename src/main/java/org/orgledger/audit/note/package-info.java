/**
 * The C2SP formats that transparency-log tooling already checks: signed notes
 * (c2sp.org/signed-note), checkpoints (c2sp.org/tlog-checkpoint) and Ed25519 witness
 * cosignatures (c2sp.org/tlog-cosignature). Plain Java and the JDK's Ed25519, no Spring: the
 * offline verifier and the tests use the same code as the service.
 */
package org.orgledger.audit.note;
