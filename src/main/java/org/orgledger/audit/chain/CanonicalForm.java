package org.orgledger.audit.chain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.orgledger.platform.Sha256;

/**
 * The canonical form of an event in the hash chain, version 1 (docs/audit-chain.md).
 *
 * <pre>
 * hash = SHA-256( F("orgledger-event-v1") || F(previousHash) || F(sequence) || F(eventIdentifier)
 *                 || F(aggregateType) || F(aggregateIdentifier) || F(aggregateSequence)
 *                 || F(payloadType) || F(payloadRevision) || F(payload) || F(metaData) || F(timeStamp) )
 * F(x)    = 4-byte big-endian length of x || x      (text as UTF-8, numbers as decimal text)
 * F(NULL) = FF FF FF FF
 * </pre>
 *
 * Every field carries its length, so no two different rows share an encoding (a byte moved from
 * one field to the next changes both lengths); NULL and empty are distinct. The first event's
 * previous hash is 32 zero bytes.
 */
public final class CanonicalForm {

    public static final String VERSION = "orgledger-event-v1";
    public static final int HASH_LENGTH = 32;
    private static final int NULL_LENGTH = 0xFFFFFFFF;

    private CanonicalForm() {
    }

    /** The previous hash of the first event in the chain. */
    public static byte[] genesis() {
        return new byte[HASH_LENGTH];
    }

    /** The bytes that are hashed: useful to anyone checking an implementation of their own. */
    public static byte[] encode(byte[] previousHash, StoredEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + event.payload().length);
        field(out, text(VERSION));
        field(out, previousHash);
        field(out, text(Long.toString(event.sequence())));
        field(out, text(event.eventIdentifier()));
        field(out, text(event.aggregateType()));
        field(out, text(event.aggregateIdentifier()));
        field(out, text(Long.toString(event.aggregateSequence())));
        field(out, text(event.payloadType()));
        field(out, text(event.payloadRevision()));
        field(out, event.payload());
        field(out, event.metaData());
        field(out, text(event.timeStamp()));
        return out.toByteArray();
    }

    public static byte[] hash(byte[] previousHash, StoredEvent event) {
        return Sha256.of(encode(previousHash, event));
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        int length = value == null ? NULL_LENGTH : value.length;
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        if (value != null) {
            out.writeBytes(value);
        }
    }
}
