package io.strata.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The jar's entry point turns Netty's JFR events off, unless the command line turned them on. */
class NettyJfrEventsTest {
    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(Application.NETTY_JFR);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(Application.NETTY_JFR);
        } else {
            System.setProperty(Application.NETTY_JFR, before);
        }
    }

    @Test
    void offByDefault() {
        System.clearProperty(Application.NETTY_JFR);
        Application.withoutNettyJfrEvents();
        assertThat(System.getProperty(Application.NETTY_JFR)).isEqualTo("false");
    }

    @Test
    void aCommandLineThatTurnsThemOnIsLeftAlone() {
        System.setProperty(Application.NETTY_JFR, "true");
        Application.withoutNettyJfrEvents();
        assertThat(System.getProperty(Application.NETTY_JFR)).isEqualTo("true");
    }
}
