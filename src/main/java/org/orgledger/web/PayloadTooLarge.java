package org.orgledger.web;

import java.io.IOException;

/** A request body read past the configured limit (a chunked body has no Content-Length to check up front). */
public class PayloadTooLarge extends IOException {

    public PayloadTooLarge(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }
}
