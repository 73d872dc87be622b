package com.videolinks.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * #10: the published contract ({@code docs/openapi.json}: the HTTP API and the host's event schema) is checked against
 * the running service over HTTP. The host events part (paths under /api/host and their schemas) must be exactly what
 * the service publishes; every other documented operation must still exist (new ones may be added). The documented
 * example event is accepted by the service, and the schema names every event type the service knows. After a
 * deliberate change: {@code mvn test -Dtest=PublishedContractTest -Dvideolinks.openapi.write=true}, review the diff.
 */
class PublishedContractTest extends HostEventsTestBase {

    static final Path PUBLISHED = Path.of("docs/openapi.json");
    private static final List<String> HOST_SCHEMAS = List.of("HostEvent", "HostEventReply", "HostEventRecord",
            "HostPluginInstalled", "HostSiteOwner", "HostPlanChanged", "HostStaffMember", "HostService",
            "HostSessionScheduled", "HostSessionRescheduled", "HostCustomer", "HostBookingCreated", "HostNoData");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    @Test
    void theRunningServicePublishesTheCheckedInContract() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        ObjectNode running = (ObjectNode) json.readTree(response.body());
        running.remove("servers"); // the random port of this run
        if (Boolean.getBoolean("videolinks.openapi.write")) {
            Files.writeString(PUBLISHED, json.copy().enable(SerializationFeature.INDENT_OUTPUT)
                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(running) + "\n");
        }
        JsonNode published = json.readTree(Files.readString(PUBLISHED));

        assertThat(hostPart(running)).as("host events contract (regenerate docs/openapi.json after a deliberate change)")
                .isEqualTo(hostPart(published));
        assertThat(operations(running)).as("operations the published contract promises")
                .containsAll(operations(published));
        for (String name : HOST_SCHEMAS) {
            assertThat(running.at("/components/schemas/" + name).isObject()).as("schema " + name + " is defined").isTrue();
        }
        List<String> refs = running.findValuesAsText("$ref");
        assertThat(refs).as("every $ref names a schema of the document")
                .allSatisfy(ref -> assertThat(running.at(ref.substring(1)).isMissingNode()).as(ref).isFalse());
        assertThat(running.at("/components/schemas/HostEvent/properties/type/enum"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrderElementsOf(HostEventType.wireNames());
    }

    @Test
    void theDocumentedExampleEventIsAcceptedAndSwaggerUiIsServed() throws Exception {
        install("BUSINESS");
        JsonNode published = json.readTree(Files.readString(PUBLISHED));
        String example = json.writeValueAsString(published.at(
                "/paths/~1api~1host~1events/post/requestBody/content/application~1json/examples/booking.created/value"));
        assertThat(example).contains("booking.created");
        host.send("service.created", site, "svc-1", 1, "{\"name\": \"Flow\", \"kind\": \"CLASS\", \"online\": true}");
        host.send("session.scheduled", site, "ses-42", 1, """
                {"serviceId": "svc-1", "startsAt": "2030-03-01T01:00:00Z", "endsAt": "2030-03-01T02:00:00Z"}""");
        host.send("customer.created", site, "cus-9", 1, "{\"name\": \"Soyeon\", \"email\": \"s-" + site + "@example.com\"}");

        // over HTTP as a host would send it, signed as the contract says
        String body = example.replace("site-7f3a", site);
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        HttpResponse<String> delivered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(HostEventController.PATH))
                .header("Content-Type", "application/json")
                .header(HostSignatures.KEY_HEADER, KEY_A).header(HostSignatures.TIMESTAMP_HEADER, timestamp)
                .header(HostSignatures.SIGNATURE_HEADER, "sha256=" + HostSignatures.sign(SECRET_A, timestamp,
                        body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
        assertThat(json.readTree(delivered.body()).path("status").asText()).isEqualTo("APPLIED");
        assertThat(localId("booking", "bk-100")).isNotNull();

        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    private JsonNode hostPart(JsonNode document) {
        ObjectNode part = json.createObjectNode();
        ObjectNode paths = part.putObject("paths");
        document.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/api/host")) {
                paths.set(path.getKey(), path.getValue());
            }
        });
        ObjectNode schemas = part.putObject("schemas");
        for (String name : HOST_SCHEMAS) {
            schemas.set(name, document.at("/components/schemas/" + name));
        }
        return part;
    }

    private static TreeSet<String> operations(JsonNode document) {
        TreeSet<String> operations = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<String> methods = new ArrayList<>();
            path.getValue().fieldNames().forEachRemaining(methods::add);
            methods.forEach(method -> operations.add(method.toUpperCase() + " " + path.getKey()));
        }
        return operations;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
