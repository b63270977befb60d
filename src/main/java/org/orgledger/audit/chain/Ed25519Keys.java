package org.orgledger.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.orgledger.platform.Sha256;

/**
 * Ed25519 with the JDK alone: keys in the PEM forms OpenSSL writes ({@code openssl genpkey
 * -algorithm ed25519}), signatures, and the key id (hex SHA-256 of the public key's DER).
 */
public final class Ed25519Keys {

    private static final String ALGORITHM = "Ed25519";

    private Ed25519Keys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK 15+", e);
        }
    }

    /**
     * Reads a PKCS#8 private key and derives its public key. The JDK has no call for the
     * derivation, but Ed25519 key generation is a pure function of a 32-byte seed, so generating
     * from the private key's own seed yields the same private key and its public key.
     */
    public static KeyPair fromPrivateKeyPem(String pem) {
        try {
            PrivateKey privateKey = KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(pemBody(pem, "PRIVATE KEY")));
            byte[] seed = ((EdECPrivateKey) privateKey).getBytes()
                    .orElseThrow(() -> new IllegalArgumentException("the private key does not expose its seed"));
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not an Ed25519 private key in PKCS#8 PEM", e);
        }
    }

    public static PublicKey publicKeyFromDer(byte[] der) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key (X.509 SubjectPublicKeyInfo)", e);
        }
    }

    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32-byte key (RFC 8032) follows it. */
    private static final byte[] PUBLIC_KEY_DER_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    /** The DER prefix of an Ed25519 PKCS#8 private key; the 32-byte seed follows it. */
    private static final byte[] PRIVATE_KEY_DER_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    /** The 32 bytes of the public key as RFC 8032 encodes it (what signed-note key IDs hash). */
    public static byte[] rawPublicKey(PublicKey key) {
        byte[] der = key.getEncoded();
        if (der.length != PUBLIC_KEY_DER_PREFIX.length + 32
                || !Arrays.equals(der, 0, PUBLIC_KEY_DER_PREFIX.length, PUBLIC_KEY_DER_PREFIX, 0, PUBLIC_KEY_DER_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return Arrays.copyOfRange(der, PUBLIC_KEY_DER_PREFIX.length, der.length);
    }

    public static PublicKey publicKeyFromRaw(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes, not " + raw.length);
        }
        byte[] der = Arrays.copyOf(PUBLIC_KEY_DER_PREFIX, PUBLIC_KEY_DER_PREFIX.length + 32);
        System.arraycopy(raw, 0, der, PUBLIC_KEY_DER_PREFIX.length, 32);
        return publicKeyFromDer(der);
    }

    /** The key pair of a 32-byte RFC 8032 private key (seed), e.g. one written by Go's note package. */
    public static KeyPair fromSeed(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 private key is 32 bytes, not " + seed.length);
        }
        byte[] der = Arrays.copyOf(PRIVATE_KEY_DER_PREFIX, PRIVATE_KEY_DER_PREFIX.length + 32);
        System.arraycopy(seed, 0, der, PRIVATE_KEY_DER_PREFIX.length, 32);
        return fromPrivateKeyPem(pem("PRIVATE KEY", der));
    }

    public static PublicKey publicKeyFromPem(String pem) {
        return publicKeyFromDer(pemBody(pem, "PUBLIC KEY"));
    }

    public static String privateKeyPem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    public static String publicKeyPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    /** Hex SHA-256 of the public key's X.509 DER: what {@code openssl pkey -pubout -outform DER | sha256sum} prints. */
    public static String keyId(PublicKey key) {
        return Sha256.hex(key.getEncoded());
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the ledger key", e);
        }
    }

    public static boolean verify(PublicKey key, byte[] message, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static byte[] pemBody(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no " + label + " block in the PEM text");
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }

    /** Hands out one fixed seed: only for re-deriving a key pair from its own private key. */
    private static final class SeedRandom extends SecureRandom {
        private final byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("expected a request for " + seed.length + " bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
    }
}
