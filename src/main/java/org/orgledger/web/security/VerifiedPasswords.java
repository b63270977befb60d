package org.orgledger.web.security;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The stored passwords are bcrypt hashes, made to be slow (tens of milliseconds a check); HTTP
 * Basic sends the password with every request, so checking it each time made every call at least
 * that slow. This remembers the passwords that matched, as an HMAC under a key made at start and
 * held only in memory (never the password itself), and answers a repeat at once. A password that
 * did not match is checked by bcrypt every time: a guess costs as much as before.
 */
final class VerifiedPasswords implements PasswordEncoder {

    /** Two users, a few password changes: a bound that only a misuse could reach. */
    private static final int MAX_REMEMBERED = 64;

    private final PasswordEncoder slow;
    private final SecretKeySpec key;
    private final Map<String, String> verified = new ConcurrentHashMap<>();

    VerifiedPasswords(PasswordEncoder slow) {
        this.slow = slow;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return slow.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return slow.matches(rawPassword, encodedPassword);
        }
        String mac = mac(rawPassword);
        String known = verified.get(encodedPassword);
        if (known != null && MessageDigest.isEqual(known.getBytes(), mac.getBytes())) {
            return true;
        }
        boolean matches = slow.matches(rawPassword, encodedPassword);
        if (matches && verified.size() < MAX_REMEMBERED) {
            verified.put(encodedPassword, mac);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return slow.upgradeEncoding(encodedPassword);
    }

    private String mac(CharSequence rawPassword) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            return HexFormat.of().formatHex(hmac.doFinal(rawPassword.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
