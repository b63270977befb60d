package org.orgledger.instrument.api;

import java.util.Objects;
import java.util.regex.Pattern;

/** The legal basis of a change: an instrument and the provision in it, e.g. {@code 7.2(b)}. */
public record Authority(InstrumentSymbol instrument, String provision) {

    /** The syntax, also published in the OpenAPI description. */
    public static final String PROVISION_PATTERN = "[A-Za-z0-9.()\\- ]{1,40}";
    private static final Pattern PROVISION = Pattern.compile(PROVISION_PATTERN);

    public Authority {
        Objects.requireNonNull(instrument, "instrument is required");
        if (provision == null || !PROVISION.matcher(provision).matches()) {
            throw new IllegalArgumentException("not a provision: " + provision);
        }
    }

    public static Authority of(String instrument, String provision) {
        return new Authority(InstrumentSymbol.of(instrument), provision);
    }
}
