package io.hookline.dispatcher.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.junit.jupiter.api.Test;

/** Only a request that provably never left may go out again: a POST that was written may have been processed. */
class UnsentRequestsTest {

    @Test
    void shouldResendWhatHttpCoreSaysWasNotExecutedEvenOnceWritingHadBegun() {
        assertThat(UnsentRequests.neverWritten(new RequestNotExecutedException(), false)).isTrue();
        // HTTP/2: a stream above the GOAWAY's last stream id was refused unprocessed.
        assertThat(UnsentRequests.neverWritten(new RequestNotExecutedException(), true)).isTrue();
    }

    @Test
    void shouldResendAClosedOrResetConnectionOnlyBeforeTheRequestWasWritten() {
        assertThat(UnsentRequests.neverWritten(new ConnectionClosedException("Connection closed by peer"), false))
                .isTrue();
        assertThat(UnsentRequests.neverWritten(new SocketException("Connection reset"), false)).isTrue();
        assertThat(UnsentRequests.neverWritten(new ConnectionClosedException("Connection closed by peer"), true))
                .isFalse();
        assertThat(UnsentRequests.neverWritten(new SocketException("Connection reset"), true)).isFalse();
    }

    @Test
    void shouldNotResendFailuresOfTheEndpointItself() {
        assertThat(UnsentRequests.neverWritten(new ConnectException("Connection refused"), false)).isFalse();
        assertThat(UnsentRequests.neverWritten(new SSLHandshakeException("bad certificate"), false)).isFalse();
        assertThat(UnsentRequests.neverWritten(new SocketTimeoutException("Read timed out"), false)).isFalse();
    }
}
