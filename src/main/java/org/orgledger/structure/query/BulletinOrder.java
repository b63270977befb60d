package org.orgledger.structure.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.orgledger.instrument.api.Authority;

/**
 * The order in which an instrument lists what it grounds: by the provision that grounds it,
 * section by section and letter by letter ({@code 4.1 < 5.1 < 10.1}, {@code 7.2(b) < 7.2(l)}),
 * which is the order of the printed text. Siblings grounded by different instruments are kept
 * together per instrument (by symbol); a provision that is not a numbered one ("unspecified")
 * comes after the numbered ones of its instrument; ties fall back to the id.
 */
final class BulletinOrder {

    private static final Pattern NUMBERED = Pattern.compile("(\\d+(?:\\.\\d+)*)(?:\\(([a-z]+)\\))?");

    /** Compares (authority, id) pairs; a null authority sorts last. */
    static <T> Comparator<T> of(java.util.function.Function<T, Authority> authority,
                                java.util.function.Function<T, String> id) {
        Comparator<Authority> byAuthority = Comparator.comparing((Authority a) -> a.instrument().value())
                .thenComparing(Authority::provision, BulletinOrder::compareProvisions);
        return Comparator.comparing(authority, Comparator.nullsLast(byAuthority)).thenComparing(id);
    }

    /** {@code "8" < "8.1" < "8.2(a)" < "8.2(b)" < "9.1" < "10.1" < "unspecified"}. */
    static int compareProvisions(String a, String b) {
        Key left = Key.of(a);
        Key right = Key.of(b);
        if (left == null || right == null) {
            return left == null ? (right == null ? a.compareTo(b) : 1) : -1;
        }
        int sections = compareNumbers(left.numbers(), right.numbers());
        if (sections != 0) {
            return sections;
        }
        // a paragraph's chapeau (no letter) before its lettered items; "z" before "aa"
        return Comparator.comparing(String::length).thenComparing(Comparator.<String>naturalOrder())
                .compare(left.letters(), right.letters());
    }

    private static int compareNumbers(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int compared = Integer.compare(a.get(i), b.get(i));
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private record Key(List<Integer> numbers, String letters) {
        static Key of(String provision) {
            Matcher matcher = NUMBERED.matcher(provision == null ? "" : provision.trim());
            if (!matcher.matches()) {
                return null;
            }
            List<Integer> numbers = new ArrayList<>();
            for (String part : matcher.group(1).split("\\.")) {
                // a section number too long for an int is not a real one; keep it orderable
                numbers.add(part.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(part));
            }
            return new Key(numbers, matcher.group(2) == null ? "" : matcher.group(2));
        }
    }

    private BulletinOrder() {
    }
}
