package org.orgledger;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * The whole service on a real PostgreSQL: embedded by default (one server per test JVM, a
 * database of its own per application context: {@link OneTestServer}), or the external server
 * named by {@code ORGLEDGER_DB_URL} when the build runs with {@code -Dorgledger.test.profile=external}.
 * Test classes that add nothing to this configuration share one application context (Spring's
 * context cache), so a class that needs a context of its own says why.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// in every context (not only in those of the classes that use it), so that it splits none
@AutoConfigureMockMvc
@ActiveProfiles(resolver = TestProfiles.class)
@ContextCustomizerFactories(OneTestServer.class)
@Import(TestClock.InEveryContext.class)
public @interface LedgerIntegrationTest {
}
