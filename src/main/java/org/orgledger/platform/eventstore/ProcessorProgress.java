package org.orgledger.platform.eventstore;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Tells waiters that some event processor of this node has committed a batch, so that
 * {@link ReadModelBarrier} looks at the tokens again at once instead of on its next poll.
 * Registered as a handler interceptor on every processor.
 */
public class ProcessorProgress implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String SIGNAL = ProcessorProgress.class.getName();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();
    private long commits;

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        // once per transaction, not per event: a batch handles up to a thousand
        unitOfWork.root().getOrComputeResource(SIGNAL, key -> {
            unitOfWork.root().afterCommit(committed -> signal());
            return Boolean.TRUE;
        });
        return chain.proceed();
    }

    void signal() {
        lock.lock();
        try {
            commits++;
            advanced.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How many batches the processors have committed so far: take it before looking at the tokens. */
    long commits() {
        lock.lock();
        try {
            return commits;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until a processor commits after {@code seen} was taken, or {@code atMost} passes:
     * a commit between the look at the tokens and this call is not missed.
     */
    void awaitCommitAfter(long seen, Duration atMost) throws InterruptedException {
        long remaining = atMost.toNanos();
        lock.lock();
        try {
            while (commits == seen && remaining > 0) {
                remaining = advanced.awaitNanos(remaining);
            }
        } finally {
            lock.unlock();
        }
    }
}
