package org.orgledger.audit.timestamp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

/**
 * Checks one RFC 3161 token against the bytes it is said to stamp: the TSA's CMS signature is
 * valid, the signing certificate is a time-stamping certificate (extended key usage
 * {@code timeStamping}, valid at the stamped time) that chains to one of the trusted
 * certificates, and the token's message imprint is the hash of those bytes. Revocation is not
 * checked: the verifiers work offline. Uses only the JDK's providers, so nothing is registered.
 */
public final class StampVerifier {

    private static final Map<ASN1ObjectIdentifier, String> DIGESTS = Map.of(
            NISTObjectIdentifiers.id_sha256, "SHA-256",
            NISTObjectIdentifiers.id_sha384, "SHA-384",
            NISTObjectIdentifiers.id_sha512, "SHA-512");

    private final List<X509Certificate> trusted;

    public StampVerifier(List<X509Certificate> trusted) {
        if (trusted.isEmpty()) {
            throw new IllegalArgumentException("a timestamp verifier needs at least one trusted TSA certificate");
        }
        this.trusted = List.copyOf(trusted);
    }

    /** The certificates of a PEM file (the TSA's certificate, or the CA that issued it, or both). */
    public static List<X509Certificate> certificates(byte[] pem) {
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            for (var certificate : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem))) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("no certificate in the TSA certificate file");
            }
            return certificates;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("the TSA certificate file is not PEM certificates: " + e.getMessage(), e);
        }
    }

    /** @return the time the TSA vouches the stamped bytes existed at */
    public Instant verify(byte[] token, byte[] stamped) throws StampRejected {
        TimeStampToken parsed = parse(token);
        TimeStampTokenInfo info = parsed.getTimeStampInfo();
        X509Certificate signer = trustedSigner(parsed, info.getGenTime());
        try {
            // validate: the CMS signature, the signing-certificate attribute, the certificate's
            // time-stamping key usage and its validity at the stamped time
            parsed.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
        } catch (TSPException | OperatorCreationException e) {
            throw new StampRejected("the Time-Stamp Authority's signature on the token is not valid: " + e.getMessage(), e);
        }
        String digest = DIGESTS.get(info.getMessageImprintAlgOID());
        if (digest == null) {
            throw new StampRejected("the token's message imprint uses an unsupported hash " + info.getMessageImprintAlgOID());
        }
        if (!MessageDigest.isEqual(info.getMessageImprintDigest(), digest(digest, stamped))) {
            throw new StampRejected("the token's message imprint is not the hash of the tree head it is stored for:"
                    + " the tree head was changed (re-signed) after it was stamped, or the token belongs to another");
        }
        return info.getGenTime().toInstant();
    }

    private static TimeStampToken parse(byte[] token) throws StampRejected {
        try {
            return new TimeStampToken(new CMSSignedData(token));
        } catch (CMSException | TSPException | IOException | RuntimeException e) {
            throw new StampRejected("the stored timestamp is not an RFC 3161 token: " + e.getMessage(), e);
        }
    }

    /** The certificate that signed the token, once it is shown to chain to a trusted certificate. */
    private X509Certificate trustedSigner(TimeStampToken token, Date genTime) throws StampRejected {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> offered = new ArrayList<>();
        try {
            for (X509CertificateHolder holder : token.getCertificates().getMatches(null)) {
                offered.add(converter.getCertificate(holder));
            }
        } catch (CertificateException e) {
            throw new StampRejected("a certificate in the token cannot be read: " + e.getMessage(), e);
        }
        List<X509Certificate> all = new ArrayList<>(offered);
        all.addAll(trusted);
        X509Certificate signer = all.stream().filter(certificate -> matches(token, certificate)).findFirst()
                .orElseThrow(() -> new StampRejected("the token does not carry the certificate that signed it,"
                        + " and no trusted certificate is that one"));
        if (trusted.contains(signer)) {
            return signer;
        }
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            trusted.forEach(certificate -> anchors.add(new TrustAnchor(certificate, null)));
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(genTime);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(all)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return signer;
        } catch (GeneralSecurityException e) {
            throw new StampRejected("the token's signing certificate (" + signer.getSubjectX500Principal()
                    + ") does not chain to a trusted TSA certificate: " + e.getMessage(), e);
        }
    }

    private static boolean matches(TimeStampToken token, X509Certificate certificate) {
        try {
            return token.getSID().match(new X509CertificateHolder(certificate.getEncoded()));
        } catch (IOException | CertificateException e) {
            return false;
        }
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(byte[] bytes) {
        return digest("SHA-256", bytes);
    }
}
