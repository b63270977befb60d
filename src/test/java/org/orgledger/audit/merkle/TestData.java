package org.orgledger.audit.merkle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Shared test inputs and small byte helpers. */
final class TestData {

    static final HexFormat HEX = HexFormat.of();

    static final String EMPTY_TREE_ROOT = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /** Leaf inputs of the certificate-transparency / transparency-dev RFC 6962 test tree. */
    static final List<String> CT_LEAF_INPUTS = List.of(
            "",
            "00",
            "10",
            "2021",
            "3031",
            "40414243",
            "5051525354555657",
            "606162636465666768696a6b6c6d6e6f");

    /** CT_ROOTS.get(n) is the root of the first n CT leaves (n = 0..8). */
    static final List<String> CT_ROOTS = List.of(
            EMPTY_TREE_ROOT,
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private TestData() {
    }

    static List<byte[]> ctLeafInputs() {
        List<byte[]> inputs = new ArrayList<>();
        for (String hex : CT_LEAF_INPUTS) {
            inputs.add(HEX.parseHex(hex));
        }
        return inputs;
    }

    /**
     * Leaf inputs shaped like OrgLedger's: the 32-byte hashes of a hash chain, where
     * hash[i] = SHA-256(hash[i-1] || "event i") and hash[-1] is 32 zero bytes.
     */
    static List<byte[]> ledgerEventHashes(int count) {
        List<byte[]> hashes = new ArrayList<>(count);
        byte[] previous = new byte[32];
        for (int i = 0; i < count; i++) {
            previous = sha256(previous, ("event " + i).getBytes(StandardCharsets.UTF_8));
            hashes.add(previous);
        }
        return hashes;
    }

    /** Plain SHA-256 over the concatenated parts, independent of the production hashing code. */
    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static List<String> hex(List<byte[]> hashes) {
        List<String> result = new ArrayList<>(hashes.size());
        for (byte[] hash : hashes) {
            result.add(hex(hash));
        }
        return result;
    }

    static List<byte[]> unhex(String... hashes) {
        List<byte[]> result = new ArrayList<>(hashes.length);
        for (String hash : hashes) {
            result.add(HEX.parseHex(hash));
        }
        return result;
    }

    /** A copy of {@code bytes} with one bit flipped. */
    static byte[] flipBit(byte[] bytes, int byteIndex, int bit) {
        byte[] copy = bytes.clone();
        copy[byteIndex] ^= (byte) (1 << bit);
        return copy;
    }

    static List<byte[]> replaced(List<byte[]> list, int index, byte[] element) {
        List<byte[]> copy = new ArrayList<>(list);
        copy.set(index, element);
        return copy;
    }

    static List<byte[]> appended(List<byte[]> list, byte[] element) {
        List<byte[]> copy = new ArrayList<>(list);
        copy.add(element);
        return copy;
    }

    static List<byte[]> prepended(List<byte[]> list, byte[] element) {
        List<byte[]> copy = new ArrayList<>(list);
        copy.add(0, element);
        return copy;
    }
}
