package org.orgledger.audit.timestamp;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Time-Stamp Authority that stamps signed tree heads (RFC 3161). Nothing is configured by
 * default, and then nothing is requested, checked or shown differently.
 *
 * @param url                 the TSA's HTTP address ({@code application/timestamp-query} is posted to it);
 *                            blank: no stamps are requested
 * @param trustedCertificates a PEM file with the certificate(s) to trust: the TSA's own, or the CA
 *                            that issued it. Needed to request stamps, and enough to check them
 * @param interval            at most one stamp per interval, on the newest head: tree heads are per
 *                            transaction, a TSA is asked far less often; zero stamps each newest head
 * @param maxDelay            how long after a head was recorded its stamp may come; later, or none by
 *                            then, is reported as tampering (see StampCheck). Must exceed the interval
 */
@ConfigurationProperties("orgledger.audit.timestamps")
public record TimestampProperties(URI url, String trustedCertificates, Duration interval, Duration maxDelay) {

    public TimestampProperties {
        url = url == null || url.toString().isBlank() ? null : url;
        trustedCertificates = trustedCertificates == null || trustedCertificates.isBlank() ? null : trustedCertificates;
        interval = interval == null ? Duration.ofMinutes(1) : interval;
        maxDelay = maxDelay == null ? Duration.ofDays(1) : maxDelay;
        if (url != null && trustedCertificates == null) {
            throw new IllegalArgumentException("orgledger.audit.timestamps.url needs trusted-certificates:"
                    + " the TSA certificate (or its CA) that its tokens must chain to");
        }
        if (interval.isNegative() || maxDelay.compareTo(interval.plusMinutes(1)) < 0) {
            throw new IllegalArgumentException("orgledger.audit.timestamps.max-delay (" + maxDelay
                    + ") must exceed the interval (" + interval + ") by at least a minute");
        }
    }
}
