package org.orgledger.audit.timestamp;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * Tokens from the openssl-made test TSA's key, at a time the test chooses: what a TSA whose
 * answer came late would have given. Built with Bouncy Castle's generator, checked by the same
 * code that checks openssl's tokens.
 */
final class TestTsa {

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final X509Certificate ca;
    private long serial = 1000;

    TestTsa(Path directory) throws Exception {
        this.key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pemBody(directory.resolve("tsa.key"))));
        this.certificate = StampVerifier.certificates(Files.readAllBytes(directory.resolve("tsa.crt"))).get(0);
        this.ca = StampVerifier.certificates(Files.readAllBytes(directory.resolve("ca.crt"))).get(0);
    }

    X509Certificate ca() {
        return ca;
    }

    byte[] stamp(byte[] stamped, Instant at) throws Exception {
        TimeStampTokenGenerator generator = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", key, certificate),
                new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                new ASN1ObjectIdentifier("1.3.6.1.4.1.4146.2.3"));
        generator.addCertificates(new JcaCertStore(List.of(certificate)));
        TimeStampRequestGenerator request = new TimeStampRequestGenerator();
        request.setCertReq(true);
        return generator.generate(request.generate(TSPAlgorithms.SHA256, StampVerifier.sha256(stamped)),
                BigInteger.valueOf(serial++), Date.from(at)).getEncoded();
    }

    private static byte[] pemBody(Path pem) throws Exception {
        String text = Files.readString(pem);
        return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
    }
}
