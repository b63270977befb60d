package org.orgledger.platform.readmodel;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.UUID;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Axon's JPA token store, as its auto-configuration builds it, that steps aside for a rebuild on another node. */
@Configuration(proxyBeanMethods = false)
class TokenStoreConfiguration {

    @Bean
    RebuildClaims tokenStore(Serializer serializer, EntityManagerProvider entityManagerProvider,
                             TokenStoreProperties properties, JdbcTemplate jdbc, Clock clock) {
        // Axon names a node after its JVM (pid@host); two application contexts in one JVM (tests
        // against one external database) would then both own every claim and handle the same
        // events at once. The suffix makes each context a node of its own; pid@host stays first.
        String nodeId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        return new RebuildClaims(JpaTokenStore.builder()
                .entityManagerProvider(entityManagerProvider)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(nodeId)
                .build(), nodeId, jdbc, clock);
    }
}
