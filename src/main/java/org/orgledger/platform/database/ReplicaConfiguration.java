package org.orgledger.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * With {@code orgledger.replica.url} set, the service's DataSource (embedded or external) becomes
 * a {@link ReadRouting} over it and a read-only pool on the replica. A post-processor, so that
 * the primary's DataSource stays whatever its own configuration made it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${orgledger.replica.url:}'.isBlank()")
class ReplicaConfiguration {

    @Bean
    static BeanPostProcessor readRoutingOverTheDataSource(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!"dataSource".equals(name) || !(bean instanceof DataSource primary) || bean instanceof ReadRouting) {
                    return bean;
                }
                ReplicaProperties replica = Binder.get(environment).bind("orgledger.replica", ReplicaProperties.class)
                        .orElseThrow(() -> new IllegalStateException("orgledger.replica.url is set but not bound"));
                return new ReadRouting(primary, replicaPool(replica, primary, environment));
            }
        };
    }

    private static DataSource replicaPool(ReplicaProperties replica, DataSource primary, Environment environment) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("replica");
        pool.setJdbcUrl(replica.url());
        String primaryUser = primary instanceof HikariDataSource hikari ? hikari.getUsername()
                : environment.getProperty("spring.datasource.username");
        String primaryPassword = primary instanceof HikariDataSource hikari ? hikari.getPassword()
                : environment.getProperty("spring.datasource.password");
        pool.setUsername(replica.username() == null || replica.username().isBlank() ? primaryUser : replica.username());
        pool.setPassword(replica.password() == null || replica.password().isBlank() ? primaryPassword : replica.password());
        pool.setReadOnly(true);
        // the service starts while the replica may be down: reads then go to the primary (ReplicaReads)
        pool.setInitializationFailTimeout(-1);
        pool.setConnectionTimeout(2_000);
        return pool;
    }
}
