package org.orgledger.unit.api;

public enum UnitKind {
    ENTITY, OFFICE, POST, DIVISION, BRANCH, SECTION, FUND, OTHER
}
