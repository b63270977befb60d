package org.orgledger.web.security;

import static org.orgledger.web.security.LedgerUsers.AUDITOR_ROLE;
import static org.orgledger.web.security.LedgerUsers.REGISTRAR_ROLE;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.util.Arrays;
import java.util.List;
import org.orgledger.platform.database.DatabaseProperties;
import org.orgledger.ledger.ProblemCode;
import org.orgledger.web.Problems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * HTTP Basic, stateless. Writes need REGISTRAR, the audit endpoints AUDITOR or REGISTRAR,
 * the other reads nothing unless {@code orgledger.security.reads-require-role} is set. Health
 * and the OpenAPI description stay open. Refusals are problem details (UNAUTHENTICATED, FORBIDDEN).
 */
@Configuration(proxyBeanMethods = false)
// the command-line import runs without a web server, so without HttpSecurity
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    private static final String REALM = "OrgLedger";
    private static final List<String> SUPPORTED_METHODS = List.of("GET", "HEAD", "POST", "OPTIONS");

    @Bean
    SecurityFilterChain ledgerSecurity(HttpSecurity http, LedgerSecurityProperties properties, ObjectMapper json)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            Problems.write(response, json, Problems.problem(ProblemCode.UNAUTHENTICATED,
                    "this request needs credentials (HTTP Basic)"));
        };
        AccessDeniedHandler forbidden = (request, response, exception) -> Problems.write(response, json,
                Problems.problem(ProblemCode.FORBIDDEN, "your role does not allow this request"));
        String[] readers = {AUDITOR_ROLE, REGISTRAR_ROLE};
        http
                // CSRF protection is off: the API keeps no session and sets no cookie; it authenticates each
                // request by its Authorization header. What remains of CSRF with Basic (a browser that cached
                // the credentials and attaches them to a forged cross-site POST) is closed by
                // CrossSiteWriteFilter, which refuses writes from another origin, and by the JSON/YAML bodies
                // the writes require, which a cross-site form cannot send without a CORS preflight.
                .csrf(AbstractHttpConfigurer::disable)
                .cors(cors -> cors.configurationSource(cors(properties)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(unauthenticated))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .addFilterBefore(new CrossSiteWriteFilter(properties.allowedOrigins(), json), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(authorize -> {
                    authorize.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    authorize.requestMatchers("/error", "/actuator/health", "/actuator/health/**").permitAll();
                    authorize.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                            .permitAll();
                    // the web page itself is open; what it reads from the API follows the rules below
                    authorize.requestMatchers(HttpMethod.GET, "/", "/index.html", "/*.js", "/*.css").permitAll();
                    authorize.requestMatchers("/api/audit/**").hasAnyRole(readers);
                    // the consistency check replays the whole log: an operator's tool, not an open read; HEAD runs
                    // the same handler as GET, so it gets the same rule, and every other method is a registrar's
                    authorize.requestMatchers(HttpMethod.GET, "/actuator", "/actuator/**").hasAnyRole(readers);
                    authorize.requestMatchers(HttpMethod.HEAD, "/actuator", "/actuator/**").hasAnyRole(readers);
                    authorize.requestMatchers("/actuator", "/actuator/**").hasRole(REGISTRAR_ROLE);
                    if (properties.readsRequireRole()) {
                        authorize.requestMatchers(HttpMethod.GET).hasAnyRole(readers);
                        authorize.requestMatchers(HttpMethod.HEAD).hasAnyRole(readers);
                    } else {
                        authorize.requestMatchers(HttpMethod.GET).permitAll();
                        authorize.requestMatchers(HttpMethod.HEAD).permitAll();
                    }
                    // every write (POST under /api/units, /api/instruments, /api/imports) and anything else
                    authorize.anyRequest().hasRole(REGISTRAR_ROLE);
                });
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new VerifiedPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    /** The two users, their passwords hashed (bcrypt) as soon as they are read. */
    @Bean
    UserDetailsService ledgerUsers(LedgerSecurityProperties properties, DatabaseProperties database,
                                   Environment environment, PasswordEncoder encoder) {
        boolean embeddedDefault = "embedded".equals(database.mode()) && environment.getActiveProfiles().length == 0;
        List<org.springframework.security.core.userdetails.UserDetails> users = LedgerUsers
                .resolve(properties, embeddedDefault).stream()
                .map(user -> User.withUsername(user.name()).password(encoder.encode(user.password()))
                        .roles(user.role()).build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }

    /**
     * Paths the firewall refuses ({@code ..}, an encoded {@code /}, control characters) are bad input;
     * a method it refuses (TRACE, or one HTTP does not know) is a method this service does not allow.
     */
    @Bean
    RequestRejectedHandler requestRejected(ObjectMapper json) {
        return (request, response, exception) -> {
            if (!SUPPORTED_METHODS.contains(request.getMethod())) {
                response.setHeader("Allow", String.join(", ", SUPPORTED_METHODS));
                Problems.write(response, json, Problems.problem(ProblemCode.METHOD_NOT_ALLOWED,
                        "the method " + request.getMethod() + " is not supported"));
                return;
            }
            Problems.write(response, json,
                Problems.invalid("the request path is not acceptable", List.of(
                        new org.orgledger.ledger.InvalidInput.FieldError("path",
                                "must not contain '..', encoded '/', '\\\\' or '%', or control characters"))));
        };
    }

    /** Same-origin pages need no CORS; other origins only where configured. */
    private static CorsConfigurationSource cors(LedgerSecurityProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!properties.allowedOrigins().isEmpty()) {
            CorsConfiguration configuration = new CorsConfiguration();
            configuration.setAllowedOrigins(properties.allowedOrigins());
            configuration.setAllowedMethods(Arrays.asList("GET", "HEAD", "POST"));
            configuration.setAllowedHeaders(List.of("Authorization", "Content-Type"));
            configuration.setExposedHeaders(List.of("WWW-Authenticate"));
            source.registerCorsConfiguration("/api/**", configuration);
        }
        return source;
    }
}
