package io.hookline.dispatcher.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Path;
import java.util.List;

/** WireMock receivers on HTTPS only, answering 200 to everything; they offer HTTP/2 through ALPN, as WireMock does. */
public final class HttpsReceivers {

    private HttpsReceivers() {
    }

    /** Started with {@code certificate}; its key store is written to {@code directory}. */
    public static WireMockServer start(TestCa.ServerCertificate certificate, Path directory) {
        WireMockServer server = new WireMockServer(options().httpDisabled(true).dynamicHttpsPort()
                .keystorePath(certificate.writeKeyStore(directory).toString())
                .keystoreType("PKCS12")
                .keystorePassword(TestCa.PASSWORD)
                .keyManagerPassword(TestCa.PASSWORD));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("thanks")));
        return server;
    }

    public static String url(WireMockServer server, String pathAndQuery) {
        return "https://localhost:" + server.httpsPort() + pathAndQuery;
    }

    public static List<LoggedRequest> requests(WireMockServer server, String caseName) {
        return server.getAllServeEvents().stream()
                .map(event -> event.getRequest())
                .filter(request -> request.getUrl().contains("case=" + caseName))
                .toList();
    }
}
