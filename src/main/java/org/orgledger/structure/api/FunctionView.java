package org.orgledger.structure.api;

import org.orgledger.instrument.api.Authority;
import org.orgledger.language.LocalizedText;

public record FunctionView(String id, LocalizedText text, Authority authority) {
}
