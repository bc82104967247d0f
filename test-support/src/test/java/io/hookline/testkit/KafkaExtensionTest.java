package io.hookline.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaExtension.class)
class KafkaExtensionTest {

    @Test
    void shouldHandTheSharedBrokerToATest(@BootstrapServers String bootstrapServers) throws Exception {
        assertThat(bootstrapServers).isEqualTo(SharedKafka.bootstrapServers());
        try (Admin admin = SharedKafka.admin()) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
        }
    }
}
