package com.videolinks.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import com.videolinks.session.Sessions;
import com.videolinks.support.Api;
import com.videolinks.support.StudioFixture;

/**
 * No forgeable unsafe request (issue #11 item 4): a page on another site can make the browser send a body-less POST
 * with the cookies it holds, but the API takes no cookie — only a bearer token, which a browser never adds by itself.
 * Each listed request is forged with a signed-in browser session (and Origin of another site) and refused with 401
 * (no Basic challenge); the same request with the user's token works. Cockpit's own API, which does use the session,
 * refuses a forged change without Camunda's CSRF header.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ForgedRequestTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    AppUsers users;
    @Autowired
    Sessions sessions;
    @Autowired
    RepositoryService repository;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    StudioFixture studio;
    String operator;

    @BeforeEach
    void aStudioAndAnOperator() throws Exception {
        studio = new StudioFixture(mvc, users);
        operator = "forge-ops-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(operator, Api.PASSWORD, Role.OPERATOR, null, null);
    }

    @Test
    void aForgedCancellationRidingOnTheOwnersBrowserSessionIsRefusedAndTheTokenedOneWorks() throws Exception {
        String cookie = browserSession(studio.owner);
        String path = "/api/sessions/" + studio.classSessionId + "/cancellation";

        HttpResponse<String> forged = forge("POST", path, cookie);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(forged.body()).contains("\"code\":\"authentication-required\"");
        assertThat(sessions.get(studio.classSessionId).cancelled()).isFalse();

        assertThat(withToken("POST", path, studio.ownerApi.token()).statusCode()).isBetween(200, 204);
        assertThat(sessions.get(studio.classSessionId).cancelled()).isTrue();
    }

    @Test
    void forgedAlertAcknowledgementAndNotificationRequeueAreRefused() throws Exception {
        String cookie = browserSession(operator);
        String token = new Api(mvc, operator).token();
        for (String path : new String[] {"/api/alerts/999999/acknowledgement", "/api/notifications/999999/requeue"}) {
            assertThat(forge("POST", path, cookie).statusCode()).as(path).isEqualTo(401);
            // with the token the request is authenticated and reaches the endpoint (no such alert/email here: 404)
            assertThat(withToken("POST", path, token).statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void forgedRulesReloadAndRollbackFromAnOperatorsBrowserAreRefused() throws Exception {
        String cookie = browserSession(operator);
        String token = new Api(mvc, operator).token();
        assertThat(forge("POST", "/api/rules/reload", cookie).statusCode()).isEqualTo(401);
        assertThat(forge("POST", "/api/rules/versions/1/rollback", cookie).statusCode()).isEqualTo(401);

        HttpResponse<String> reload = withToken("POST", "/api/rules/reload", token);
        assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
    }

    @Test
    void aForgedEngineRestDeploymentIsRefused() throws Exception {
        String cookie = browserSession(operator);
        long before = repository.createDeploymentQuery().count();
        String boundary = "forged" + UUID.randomUUID();
        String bpmn = Files.readString(Path.of("processes/course-link-update.bpmn"))
                .replace("camunda:versionTag=\"1\"", "camunda:versionTag=\"forged\"");
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nforged\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"course-link-update.bpmn\"\r\n"
                + "Content-Type: text/xml\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(uri("/engine-rest/deployment/create"))
                .header("Cookie", cookie).header("Origin", "https://evil.example.com")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
    }

    @Test
    void aForgedChangeThroughCockpitsApiNeedsCamundasCsrfHeader() throws Exception {
        String cookie = browserSession(operator);
        // the session reaches Cockpit's API (reads work) ...
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/process-definition/count"))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        // ... but a change without X-XSRF-TOKEN is refused by Camunda's CSRF filter and suspends nothing
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(
                        uri("/camunda/api/engine/engine/default/process-definition/key/course-link-update/suspended"))
                .header("Cookie", cookie).header("Origin", "https://evil.example.com").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"suspended\": true, \"includeProcessInstances\": true}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("course-link-update").suspended().count()).isZero();
    }

    @Test
    void aBrowserSessionWithoutATokenIsNotAnApiIdentityAndTheApiNeverAsksForBasic() throws Exception {
        String cookie = browserSession(studio.customerUser);
        HttpResponse<String> forgedRead = forge("GET", "/api/me/bookings", cookie);
        assertThat(forgedRead.statusCode()).isEqualTo(401);
        assertThat(forgedRead.headers().allValues("WWW-Authenticate")).noneMatch(v -> v.toLowerCase().contains("basic"));
        assertThat(withToken("GET", "/api/me/bookings", studio.customerApi.token()).statusCode()).isEqualTo(200);
        // and Cockpit's API for someone who is not an operator: 403, no Basic challenge either
        HttpResponse<String> cockpit = http.send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/process-definition"))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cockpit.statusCode()).isEqualTo(403);
        assertThat(cockpit.headers().allValues("WWW-Authenticate")).noneMatch(v -> v.toLowerCase().contains("basic"));
    }

    /** Signs in with the sign-in form as a browser does; answers the session cookie. */
    private String browserSession(String username) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(uri("/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
        String first = cookie(form);
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();
        String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
        String body = "username=" + enc(username) + "&password=" + enc(Api.PASSWORD) + "&_csrf=" + enc(token);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri("/login")).header("Cookie", first)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return cookie(signedIn);
    }

    private HttpResponse<String> forge(String method, String path, String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Cookie", cookie).header("Origin", "https://evil.example.com")
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> withToken(String method, String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow(() -> new AssertionError("no session cookie"));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
