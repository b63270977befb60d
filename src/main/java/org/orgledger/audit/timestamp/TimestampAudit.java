package org.orgledger.audit.timestamp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.orgledger.audit.chain.SignedTreeHead;
import org.springframework.stereotype.Component;

/**
 * The service's side of the timestamp check: the TSA certificates it trusts (from configuration,
 * not from the database it checks) and the allowed delay. Not configured and nothing stored:
 * nothing to report, and the verification answers as it always did.
 */
@Component
public class TimestampAudit {

    private final TimestampLog stamps;
    private final StampVerifier verifier;
    private final Duration maxDelay;
    private final Clock clock;

    TimestampAudit(TimestampProperties properties, TimestampLog stamps, Clock clock) {
        this.stamps = stamps;
        this.clock = clock;
        this.maxDelay = properties.maxDelay();
        this.verifier = properties.trustedCertificates() == null ? null
                : new StampVerifier(StampVerifier.certificates(read(properties.trustedCertificates())));
    }

    private static byte[] read(String path) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read orgledger.audit.timestamps.trusted-certificates " + path, e);
        }
    }

    /** Call in the verifying transaction, with the heads read from the same snapshot; null: nothing to report. */
    public StampCheck.Result check(List<SignedTreeHead> heads) {
        List<Stamp> stored = stamps.all();
        if (verifier == null && stored.isEmpty()) {
            return null;
        }
        return StampCheck.check(heads, stored, verifier, maxDelay, clock.instant());
    }

    StampVerifier verifier() {
        return verifier;
    }
}
