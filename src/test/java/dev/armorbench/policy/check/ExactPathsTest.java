package dev.armorbench.policy.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExactPathsTest {
    @Test
    void alternationsAreSpeltOutAndSlashesMadeOne() {
        assertThat(ExactPaths.of("/{,usr/}{,s}bin/foo", 64)).containsExactly("/bin/foo", "/sbin/foo", "/usr/bin/foo",
                "/usr/sbin/foo");
        assertThat(ExactPaths.of("/usr/{lib,lib{32,64}}//x", 64)).containsExactly("/usr/lib/x", "/usr/lib32/x",
                "/usr/lib64/x");
        assertThat(ExactPaths.of("/a,b", 64)).containsExactly("/a,b");
    }

    @Test
    void whatIsNotSimplySpeltOutIsNull() {
        assertThat(ExactPaths.of("/usr/bin/*", 64)).isNull();
        assertThat(ExactPaths.of("/usr/bin/f\\*", 64)).isNull();
        assertThat(ExactPaths.of("/usr/{a,b", 64)).isNull();
        assertThat(ExactPaths.of("/usr/a}", 64)).isNull();
        assertThat(ExactPaths.of("//srv/x", 64)).isNull();
        assertThat(ExactPaths.of("/{a,b}{c,d}{e,f}", 7)).isNull();
    }
}
