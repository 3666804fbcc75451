package io.strata.bench.peer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;

/**
 * The Spring peer of Strata's benchmark: Strata's measured endpoints written the way a Spring team would (the JHipster
 * stack: Spring MVC on Tomcat, Spring Security, Spring Data JPA with Hibernate, HikariCP), on the schema Strata's
 * migrations create. Bearer tokens are Strata's sessions, so a token from Strata's {@code POST /api/v1/sessions} works
 * here too.
 */
// no generated in-memory user: authentication is the bearer-token filter only
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class PeerApplication {

    public static void main(String[] args) {
        SpringApplication.run(PeerApplication.class, args);
    }
}
