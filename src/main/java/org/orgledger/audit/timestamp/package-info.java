/**
 * RFC 3161 trusted timestamps on signed tree heads (docs/decisions/0012-trusted-timestamps.md):
 * the token check and the timeliness rules shared by the service's verifier and the offline one
 * ({@link org.orgledger.audit.timestamp.StampVerifier}, {@link org.orgledger.audit.timestamp.StampCheck}),
 * and, in the service, the background stamper that asks the configured Time-Stamp Authority.
 */
package org.orgledger.audit.timestamp;
