package org.orgledger.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately naive transcription of the RFC 9162 sec 2.1 definitions (MTH, PATH, PROOF and
 * SUBPROOF) over list slices, sharing no code with the production classes. It recomputes every
 * subtree hash it needs instead of caching, which is slow but obviously faithful to the RFC.
 */
public final class NaiveMerkle {

    private NaiveMerkle() {
    }

    /** MTH(D[n]) over leaf inputs. */
    public static byte[] mth(List<byte[]> d) {
        int n = d.size();
        if (n == 0) {
            return TestData.sha256();
        }
        if (n == 1) {
            return TestData.sha256(new byte[] {0x00}, d.get(0));
        }
        int k = split(n);
        return TestData.sha256(new byte[] {0x01}, mth(d.subList(0, k)), mth(d.subList(k, n)));
    }

    /** PATH(m, D[n]). */
    public static List<byte[]> path(int m, List<byte[]> d) {
        int n = d.size();
        List<byte[]> result = new ArrayList<>();
        if (n == 1) {
            return result;
        }
        int k = split(n);
        if (m < k) {
            result.addAll(path(m, d.subList(0, k)));
            result.add(mth(d.subList(k, n)));
        } else {
            result.addAll(path(m - k, d.subList(k, n)));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    /** PROOF(m, D[n]) for 0 < m <= n. */
    public static List<byte[]> proof(int m, List<byte[]> d) {
        return subproof(m, d, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        List<byte[]> result = new ArrayList<>();
        if (m == n) {
            if (!b) {
                result.add(mth(d));
            }
            return result;
        }
        int k = split(n);
        if (m <= k) {
            result.addAll(subproof(m, d.subList(0, k), b));
            result.add(mth(d.subList(k, n)));
        } else {
            result.addAll(subproof(m - k, d.subList(k, n), false));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    /** The largest power of two smaller than n, found by counting rather than by bit tricks. */
    private static int split(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }
}
