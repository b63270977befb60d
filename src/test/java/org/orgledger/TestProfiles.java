package org.orgledger;

import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.test.context.ActiveProfilesResolver;

/** {@code test}, plus whatever {@code -Dorgledger.test.profile} names (e.g. {@code external}). */
public class TestProfiles implements ActiveProfilesResolver {

    public static String[] active() {
        String extra = System.getProperty("orgledger.test.profile", "");
        return Stream.concat(Stream.of("test"), Arrays.stream(extra.split(",")).map(String::trim).filter(s -> !s.isEmpty()))
                .toArray(String[]::new);
    }

    @Override
    public String[] resolve(Class<?> testClass) {
        return active();
    }
}
