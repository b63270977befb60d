package org.orgledger.platform.eventstore;

import org.axonframework.eventhandling.EventMessage;

/** An event as the store has just written it: its global sequence and the message stored. */
public record AppendedEvent(long sequence, EventMessage<?> message) {
}
