package org.orgledger.platform;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, which every Java platform must provide: no caller has a failure to handle. */
public final class Sha256 {

    /** A fresh digest: a {@link MessageDigest} is stateful, so none is shared. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory on every Java platform", e);
        }
    }

    /** The hash of the parts, one after the other. */
    public static byte[] of(byte[]... parts) {
        MessageDigest digest = newDigest();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    /** The hash in lowercase hex, as {@code sha256sum} prints it. */
    public static String hex(byte[] content) {
        return HexFormat.of().formatHex(of(content));
    }

    private Sha256() {
    }
}
