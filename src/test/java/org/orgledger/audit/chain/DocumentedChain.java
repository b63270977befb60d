package org.orgledger.audit.chain;

/** Values printed in docs/audit-chain.md, recomputed there with Python's hashlib. */
final class DocumentedChain {

    static final String FIRST_HASH = "28318ab13e7ca2ae5bb54e952a31e5e80879dfcb92f9b7726b58d7001232fa99";

    private DocumentedChain() {
    }
}
