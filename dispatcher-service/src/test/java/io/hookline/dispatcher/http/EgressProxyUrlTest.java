package io.hookline.dispatcher.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code hookline.dispatcher.proxy} is read without ever showing its credentials. */
class EgressProxyUrlTest {

    @Test
    void shouldReadHostPortAndPercentEncodedCredentials() {
        EgressProxy proxy = EgressProxy.parse("http://us%40er:p%3Ass+word@proxy.internal:8080");

        assertThat(proxy.host().toHostString()).isEqualTo("proxy.internal:8080");
        assertThat(proxy.credentials().getUserName()).isEqualTo("us@er");
        assertThat(new String(proxy.credentials().getUserPassword())).isEqualTo("p:ss+word");
        assertThat(proxy.toString()).isEqualTo("http://proxy.internal:8080 (credentials masked)");
    }

    @Test
    void shouldDefaultToTheSquidPortAndNoCredentials() {
        EgressProxy proxy = EgressProxy.parse("http://proxy.internal");

        assertThat(proxy.host().getPort()).isEqualTo(3128);
        assertThat(proxy.credentials()).isNull();
    }

    @Test
    void shouldRefuseOtherSchemesWithoutQuotingTheUrl() {
        assertThatThrownBy(() -> EgressProxy.parse("socks5://user:secret@proxy.internal:1080"))
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> EgressProxy.parse("http://user:secret@bad host:1"))
                .hasMessageNotContaining("secret");
    }
}
