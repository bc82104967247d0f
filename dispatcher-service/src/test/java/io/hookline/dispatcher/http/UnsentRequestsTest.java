package io.hookline.dispatcher.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.junit.jupiter.api.Test;

/** Only a request the endpoint never processed may go out again at once: a POST it processed must not. */
class UnsentRequestsTest {

    private final HttpClientContext context = HttpClientContext.create();
    private final UnsentRequests.Progress progress = UnsentRequests.watch(context);

    @Test
    void shouldResendWhatHttpCoreSaysWasNotExecutedEvenOnceWritingHadBegun() throws Exception {
        assertThat(UnsentRequests.mayResend(new RequestNotExecutedException(), progress)).isTrue();
        // HTTP/2: a stream above the GOAWAY's last stream id was refused unprocessed.
        written();
        assertThat(UnsentRequests.mayResend(new RequestNotExecutedException(), progress)).isTrue();
    }

    @Test
    void shouldResendAClosedOrResetConnectionBeforeTheRequestWasWritten() {
        assertThat(UnsentRequests.mayResend(new ConnectionClosedException("Connection closed by peer"), progress))
                .isTrue();
        assertThat(UnsentRequests.mayResend(new SocketException("Connection reset"), progress)).isTrue();
    }

    @Test
    void shouldNotResendARequestWrittenOnAFreshConnection() throws Exception {
        written();
        assertThat(progress.written()).isTrue();
        assertThat(UnsentRequests.mayResend(new ConnectionClosedException("Connection closed by peer"), progress))
                .isFalse();
        assertThat(UnsentRequests.mayResend(new SocketException("Connection reset"), progress)).isFalse();
    }

    @Test
    void shouldNotResendARequestWhoseAnswerHadBegun() throws Exception {
        written();
        UnsentRequests.MARK_ANSWERED.process(new BasicHttpResponse(200), null, context);
        assertThat(UnsentRequests.mayResend(new SocketException("Connection reset"), progress)).isFalse();
    }

    @Test
    void shouldNotResendFailuresOfTheEndpointItself() {
        assertThat(UnsentRequests.mayResend(new ConnectException("Connection refused"), progress)).isFalse();
        assertThat(UnsentRequests.mayResend(new SSLHandshakeException("bad certificate"), progress)).isFalse();
        assertThat(UnsentRequests.mayResend(new SocketTimeoutException("Read timed out"), progress)).isFalse();
    }

    private void written() throws Exception {
        UnsentRequests.MARK_WRITTEN.process(new BasicHttpRequest("POST", "/"), null, context);
    }
}
