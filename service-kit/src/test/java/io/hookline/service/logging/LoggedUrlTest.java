package io.hookline.service.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoggedUrlTest {

    @Test
    void keepsSchemeHostAndPortOnly() {
        assertThat(LoggedUrl.origin("https://hooks.slack.com/services/T000/B000/XXXXSECRET?token=abc#frag"))
                .isEqualTo("https://hooks.slack.com");
        assertThat(LoggedUrl.origin("http://user:password@10.0.0.5:8443/hook")).isEqualTo("http://10.0.0.5:8443");
        assertThat(LoggedUrl.origin("http://[::1]:9999/x")).isEqualTo("http://[::1]:9999");
    }

    @Test
    void saysNothingOfAUrlItCannotParse() {
        assertThat(LoggedUrl.origin(null)).isEqualTo("(no url)");
        assertThat(LoggedUrl.origin("not a url with spaces/secret")).isEqualTo("(unparsable url)");
        assertThat(LoggedUrl.origin("/relative/secret")).isEqualTo("(unparsable url)");
    }
}
