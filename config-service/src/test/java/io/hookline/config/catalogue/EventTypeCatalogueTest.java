package io.hookline.config.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.config.support.ConfigServiceInstance;
import io.hookline.contracts.event.DomainEventParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EventTypeCatalogueTest {

    private static ConfigServiceInstance service;

    @BeforeAll
    static void start() {
        service = ConfigServiceInstance.start("catalogue");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void shouldListSquadcastOnCallAndSodaTypesEachWithAValidSample() throws Exception {
        var response = service.admin().get("/api/v1/event-types?page_size=500");

        assertThat(response.status()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        for (JsonNode entry : response.json().get("results")) {
            types.add(entry.get("type").asText());
            var sample = new DomainEventParser().fromJson(entry.get("sample"));
            assertThat(sample.type()).isEqualTo(entry.get("type").asText());
            assertThat(sample.data()).isNotNull();
        }
        assertThat(types).doesNotHaveDuplicates().contains("incident.triggered", "incident.reassigned",
                "incident.acknowledged", "incident.resolved", "communication_channel.created",
                "incident_note.starred", "incident_task.completed", "postmortem.created",
                "slo_violating_incident.spent_error_budget", "statuspage.updated", "alert_group.created",
                "alert_group.acknowledged", "alert_group.resolved", "alert_group.escalation", "alert_group.status_change", "check.failed",
                "incident.created", "incident.updated", "contract.published");
        assertThat(types).hasSize(40);
    }
}
