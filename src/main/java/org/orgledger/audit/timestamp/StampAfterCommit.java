package org.orgledger.audit.timestamp;

import java.util.List;
import org.orgledger.platform.eventstore.AppendedEvent;
import org.orgledger.platform.eventstore.LedgerAppendListener;
import org.springframework.stereotype.Component;

/**
 * Wakes the stamper once the appending transaction has committed, never inside it: the TSA's
 * answer takes a network round trip that the write path must not wait for, and a head that
 * rolled back must not be stamped.
 */
@Component
class StampAfterCommit implements LedgerAppendListener {

    private final Timestamping timestamping;

    StampAfterCommit(Timestamping timestamping) {
        this.timestamping = timestamping;
    }

    @Override
    public void onAppended(List<AppendedEvent> events) {
        if (!timestamping.enabled() || events.isEmpty()) {
            return;
        }
        timestamping.wakeAfterCommit();
    }
}
