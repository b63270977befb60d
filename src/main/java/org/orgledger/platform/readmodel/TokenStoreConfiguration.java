package org.orgledger.platform.readmodel;

import java.time.Clock;
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
        return new RebuildClaims(JpaTokenStore.builder()
                .entityManagerProvider(entityManagerProvider)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .build(), jdbc, clock);
    }
}
