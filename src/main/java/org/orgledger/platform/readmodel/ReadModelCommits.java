package org.orgledger.platform.readmodel;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.orgledger.platform.eventstore.NodeNotifications;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A read model's batch commits without waiting for the disk (PostgreSQL's asynchronous commit),
 * and tells the other nodes when it has ({@link NodeNotifications}).
 * Its rows and its processor's token commit in one transaction, so a crash can only lose whole
 * batches, rows and token together, and the processor handles those events again on restart;
 * the event log itself, and the command-side registries that commit with it, keep waiting for
 * the disk (decision 0007). Only the read models' own processors are affected.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelCommits {

    @Bean
    static ConfigurerModule asynchronousReadModelCommits(List<ReadModel> readModels, JdbcTemplate jdbc) {
        Set<String> processors = readModels.stream().map(ReadModel::processingGroup).collect(Collectors.toSet());
        WithoutWaitingForTheDisk interceptor = new WithoutWaitingForTheDisk(jdbc);
        return configurer -> processors.forEach(processor -> configurer.eventProcessing()
                .registerHandlerInterceptor(processor, configuration -> interceptor));
    }

    private record WithoutWaitingForTheDisk(JdbcTemplate jdbc) implements MessageHandlerInterceptor<EventMessage<?>> {

        private static final String SET = WithoutWaitingForTheDisk.class.getName();

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            unitOfWork.root().getOrComputeResource(SET, key -> {
                // with, in the same round trip, the notification other nodes' waiting commands
                // hear when this batch commits (NodeNotifications)
                jdbc.queryForObject("SELECT 1 FROM set_config('synchronous_commit', 'off', true), pg_notify(?, ?)",
                        Integer.class, NodeNotifications.READ_MODELS, NodeNotifications.THIS_NODE);
                return Boolean.TRUE;
            });
            return chain.proceed();
        }
    }
}
