package com.videolinks.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import com.videolinks.alert.BusinessAlerts;
import com.videolinks.policy.RuleBundle;
import com.videolinks.policy.versions.RuleVersions;
import com.videolinks.support.As;
import com.videolinks.support.StudioFixture;

/**
 * Every endpoint × every role × the caller's own business and another business (#11). The table below is the
 * authorization policy of the service: every handler mapping of the application (and actuator's) must have a row, so
 * an endpoint cannot ship without someone deciding who may call it; a row for an endpoint that no longer exists fails
 * too. A cell is "own/foreign" (the ids in the request belong to the caller's business / to another business) or one
 * status for both. Every request runs in a transaction that is rolled back, so each one meets the same two businesses.
 * <p>
 * On top of the table: for every role with a business, a request with another business's ids answers exactly what the
 * same request with ids that exist nowhere answers (status, code and detail but for the digits), so nobody can probe
 * which ids exist elsewhere.
 * <p>
 * Who is who: the caller's business and the other one are each a {@link StudioFixture}; "staff" teaches the session and
 * owns the account in the request, "colleague" is another staff member of the same site. In the tests Zoom is not
 * configured: 503 means the request passed every access check and reached Zoom's part; so has no Zoom account to host a
 * meeting: 409 {@code no-zoom-account} on {@code zoom-meeting} means the same.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    private static final String TABLE = """
            | request                                                            | anonymous | customer | staff   | colleague | owner   | operator |
            | GET    /api/sites                                                  | 401       | 403      | 403     | 403       | 200     | 200      |
            | POST   /api/sites                                                  | 401       | 403      | 403     | 403       | 403     | 201      |
            | GET    /api/sites/{siteId}                                         | 401       | 403/404  | 200/404 | 200/404   | 200/404 | 200      |
            | PUT    /api/sites/{siteId}/plan                                    | 401       | 403/404  | 403/404 | 403/404   | 403/404 | 200      |
            | PUT    /api/sites/{siteId}/visibility                              | 401       | 403/404  | 403/404 | 403/404   | 200/404 | 200      |
            | PUT    /api/sites/{siteId}/staff-self-service                      | 401       | 403/404  | 403/404 | 403/404   | 200/404 | 200      |
            | PUT    /api/sites/{siteId}/contact-email                           | 401       | 403/404  | 403/404 | 403/404   | 200/404 | 200      |
            | GET    /api/sites/{siteId}/default-account                         | 401       | 403/404  | 403/404 | 403/404   | 200/404 | 200      |
            | PUT    /api/sites/{siteId}/default-account                         | 401       | 403/404  | 403/404 | 403/404   | 200/404 | 200      |
            | DELETE /api/sites/{siteId}/default-account                         | 401       | 403/404  | 403/404 | 403/404   | 200/404 | 200      |
            | POST   /api/sites/{siteId}/default-account/zoom-authorization      | 401       | 403/404  | 403/404 | 403/404   | 503/404 | 503      |
            | GET    /api/sites/{siteId}/alerts                                  | 401       | 403/404  | 403/404 | 403/404   | 200/404 | 200      |
            | GET    /api/sites/{siteId}/account-relink                          | 401       | 403/404  | 403/404 | 403/404   | 200/404 | 200      |
            | POST   /api/alerts/{alertId}/acknowledgement                       | 401       | 403/404  | 403/404 | 403/404   | 200/404 | 200      |
            | GET    /api/sites/{siteId}/staff                                   | 401       | 403/404  | 200/404 | 200/404   | 200/404 | 200      |
            | POST   /api/sites/{siteId}/staff                                   | 401       | 403/404  | 403/404 | 403/404   | 201/404 | 201      |
            | GET    /api/staff/{staffId}                                        | 401       | 403/404  | 200/404 | 403/404   | 200/404 | 200      |
            | GET    /api/staff/{staffId}/account                                | 401       | 403/404  | 404     | 403/404   | 404     | 404      |
            | PUT    /api/staff/{staffId}/account                                | 401       | 403/404  | 200/404 | 403/404   | 200/404 | 200      |
            | DELETE /api/staff/{staffId}/account                                | 401       | 403/404  | 404     | 403/404   | 404     | 404      |
            | POST   /api/staff/{staffId}/account/zoom-authorization             | 401       | 403/404  | 503/404 | 403/404   | 503/404 | 503      |
            | POST   /api/staff/{staffId}/onboarding                             | 401       | 403/404  | 201/404 | 403/404   | 201/404 | 201      |
            | GET    /api/staff/{staffId}/onboarding                             | 401       | 403/404  | 404     | 403/404   | 404     | 404      |
            | POST   /api/staff/{staffId}/onboarding/custom-link                 | 401       | 403/404  | 409/404 | 403/404   | 409/404 | 409      |
            | GET    /api/sites/{siteId}/services                                | 401       | 403/404  | 200/404 | 200/404   | 200/404 | 200      |
            | POST   /api/sites/{siteId}/services                                | 401       | 403/404  | 403/404 | 403/404   | 201/404 | 201      |
            | GET    /api/services/{serviceId}                                   | 401       | 403/404  | 200/404 | 200/404   | 200/404 | 200      |
            | PUT    /api/services/{serviceId}/staff                             | 401       | 403/404  | 403/404 | 403/404   | 200/404 | 200      |
            | PUT    /api/services/{serviceId}/course-link                       | 401       | 403/404  | 403/404 | 403/404   | 200/404 | 200      |
            | DELETE /api/services/{serviceId}/course-link                       | 401       | 403/404  | 403/404 | 403/404   | 200/404 | 200      |
            | GET    /api/services/{serviceId}/sessions                          | 401       | 403/404  | 200/404 | 200/404   | 200/404 | 200      |
            | POST   /api/services/{serviceId}/sessions                          | 401       | 403/404  | 403/404 | 403/404   | 201/404 | 201      |
            | GET    /api/sessions/{sessionId}                                   | 401       | 403/404  | 200/404 | 200/404   | 200/404 | 200      |
            | PUT    /api/sessions/{sessionId}/schedule                          | 401       | 403/404  | 403/404 | 403/404   | 200/404 | 200      |
            | POST   /api/sessions/{sessionId}/cancellation                      | 401       | 403/404  | 403/404 | 403/404   | 200/404 | 200      |
            | PUT    /api/sessions/{sessionId}/online                            | 401       | 403/404  | 403/404 | 403/404   | 200/404 | 200      |
            | GET    /api/sessions/{sessionId}/link                              | 401       | 403/404  | 200/404 | 200/404   | 200/404 | 200      |
            | PUT    /api/sessions/{sessionId}/link                              | 401       | 403/404  | 200/404 | 403/404   | 200/404 | 200      |
            | DELETE /api/sessions/{sessionId}/link                              | 401       | 403/404  | 200/404 | 403/404   | 200/404 | 200      |
            | DELETE /api/sessions/{sessionId}/link-override                     | 401       | 403/404  | 200/404 | 403/404   | 200/404 | 200      |
            | POST   /api/sessions/{sessionId}/zoom-meeting                      | 401       | 403/404  | 409/404 | 403/404   | 409/404 | 409      |
            | POST   /api/sites/{siteId}/customers                               | 401       | 403/404  | 403/404 | 403/404   | 201/404 | 201      |
            | GET    /api/customers/{customerId}                                 | 401       | 200/404  | 403/404 | 403/404   | 200/404 | 200      |
            | GET    /api/customers/{customerId}/bookings                        | 401       | 200/404  | 403/404 | 403/404   | 200/404 | 200      |
            | POST   /api/sessions/{sessionId}/bookings                          | 401       | 201/404  | 403/404 | 403/404   | 201/404 | 201      |
            | GET    /api/me/bookings                                            | 401       | 200      | 403     | 403       | 403     | 403      |
            | GET    /api/sites/{siteId}/notifications                           | 401       | 403/404  | 403/404 | 403/404   | 200/404 | 200      |
            | GET    /api/notifications                                          | 401       | 403      | 403     | 403       | 403     | 200      |
            | GET    /api/notifications/{id}                                     | 401       | 403/404  | 403/404 | 403/404   | 200/404 | 200      |
            | POST   /api/notifications/{id}/requeue                             | 401       | 403/404  | 403/404 | 403/404   | 409/404 | 409      |
            | POST   /api/auth/token                                             | 401       | 200      | 200     | 200       | 200     | 200      |
            | GET    /.well-known/jwks.json                                      | 200       | 200      | 200     | 200       | 200     | 200      |
            | POST   /api/setup/first-operator                                   | 403       | 403      | 403     | 403       | 403     | 403      |
            | GET    /launch?token={token}                                       | 401       | 302      | 302     | 302       | 302     | 302      |
            | GET    /api/zoom/oauth/callback                                    | 401       | 503      | 503     | 503       | 503     | 503      |
            | POST   /api/zoom/webhooks                                          | 503       | 503      | 503     | 503       | 503     | 503      |
            | GET    /api/rules/active                                           | 401       | 403      | 403     | 403       | 403     | 200      |
            | GET    /api/rules/versions                                         | 401       | 403      | 403     | 403       | 403     | 200      |
            | GET    /api/rules/versions/{id}                                    | 401       | 403      | 403     | 403       | 403     | 200      |
            | GET    /api/rules/versions/{id}/diff?against={id}                  | 401       | 403      | 403     | 403       | 403     | 200      |
            | GET    /api/rules/versions/{id}/announcement                       | 401       | 403      | 403     | 403       | 403     | 200      |
            | POST   /api/rules/validate                                         | 401       | 403      | 403     | 403       | 403     | 200      |
            | POST   /api/rules/publish                                          | 401       | 403      | 403     | 403       | 403     | 200      |
            | POST   /api/rules/versions/{id}/rollback                           | 401       | 403      | 403     | 403       | 403     | 200      |
            | POST   /api/rules/reload                                           | 401       | 403      | 403     | 403       | 403     | 200      |
            | POST   /api/rules/tests/run                                        | 401       | 403      | 403     | 403       | 403     | 200      |
            | PUT    /api/staff/{staffId}                                        | 401       | 403/404  | 403/404 | 403/404   | 200/404 | 200      |
            | DELETE /api/staff/{staffId}                                        | 401       | 403/404  | 403/404 | 403/404   | 204/404 | 204      |
            | PUT    /api/services/{serviceId}                                   | 401       | 403/404  | 403/404 | 403/404   | 200/404 | 200      |
            | DELETE /api/services/{serviceId}                                   | 401       | 403/404  | 403/404 | 403/404   | 204/404 | 204      |
            | PUT    /api/customers/{customerId}                                 | 401       | 403/404  | 403/404 | 403/404   | 200/404 | 200      |
            | POST   /api/bookings/{bookingId}/cancellation                      | 401       | 200/404  | 403/404 | 403/404   | 200/404 | 200      |
            | POST   /api/host/events                                            | 401       | 401      | 401     | 401       | 401     | 401      |
            | GET    /api/host/events                                            | 401       | 403      | 403     | 403       | 403     | 200      |
            | GET    /api/host/events/{id}                                       | 401       | 403      | 403     | 403       | 403     | 404      |
            | POST   /api/host/events/{id}/replay                                | 401       | 403      | 403     | 403       | 403     | 404      |
            | GET    /v3/api-docs                                                | 200       | 200      | 200     | 200       | 200     | 200      |
            | GET    /v3/api-docs.yaml                                           | 200       | 200      | 200     | 200       | 200     | 200      |
            | GET    /v3/api-docs/swagger-config                                 | 200       | 200      | 200     | 200       | 200     | 200      |
            | GET    /swagger-ui.html                                            | 302       | 302      | 302     | 302       | 302     | 302      |
            | GET    /dashboard                                                  | 302       | 403      | 403     | 403       | 302     | 200      |
            | GET    /dashboard/sites                                            | 302       | 403      | 403     | 403       | 302     | 200      |
            | GET    /dashboard/sites/{siteId}                                   | 302       | 403      | 403/404 | 403/404   | 200/404 | 200      |
            | POST   /dashboard/sites/{siteId}/default-account                   | 302       | 403      | 403/404 | 403/404   | 400/404 | 400      |
            | POST   /dashboard/sites/{siteId}/default-account/zoom              | 302       | 403      | 403/404 | 403/404   | 400/404 | 400      |
            | GET    /dashboard/sites/{siteId}/default-account/disconnect        | 302       | 403      | 403/404 | 403/404   | 200/404 | 200      |
            | POST   /dashboard/sites/{siteId}/default-account/disconnect        | 302       | 403      | 403/404 | 403/404   | 400/404 | 400      |
            | POST   /dashboard/sites/{siteId}/visibility                        | 302       | 403      | 403/404 | 403/404   | 400/404 | 400      |
            | POST   /dashboard/sites/{siteId}/staff-self-service                | 302       | 403      | 403/404 | 403/404   | 400/404 | 400      |
            | GET    /dashboard/sites/{siteId}/staff                             | 302       | 403      | 403/404 | 403/404   | 200/404 | 200      |
            | POST   /dashboard/sites/{siteId}/staff                             | 302       | 403      | 403/404 | 403/404   | 400/404 | 400      |
            | GET    /dashboard/staff/me                                         | 302       | 403      | 200     | 200       | 403     | 403      |
            | POST   /dashboard/staff/{staffId}/account                          | 302       | 403      | 400/404 | 403/404   | 400/404 | 400      |
            | POST   /dashboard/staff/{staffId}/account/zoom                     | 302       | 403      | 400/404 | 403/404   | 400/404 | 400      |
            | POST   /dashboard/staff/{staffId}/account/disconnect               | 302       | 403      | 400/404 | 403/404   | 400/404 | 400      |
            | POST   /dashboard/staff/{staffId}/onboarding                       | 302       | 403      | 400/404 | 403/404   | 400/404 | 400      |
            | POST   /dashboard/language                                         | 302       | 403      | 400     | 400       | 400     | 400      |
            | GET    /dashboard/sites/{siteId}/sessions                          | 302       | 403      | 403/404 | 403/404   | 200/404 | 200      |
            | POST   /dashboard/sessions/{sessionId}/link                        | 302       | 403      | 400/404 | 403/404   | 400/404 | 400      |
            | POST   /dashboard/sessions/{sessionId}/link/removal                | 302       | 403      | 400/404 | 403/404   | 400/404 | 400      |
            | POST   /dashboard/sessions/{sessionId}/link/restore                | 302       | 403      | 400/404 | 403/404   | 400/404 | 400      |
            | POST   /dashboard/sessions/{sessionId}/zoom-meeting                | 302       | 403      | 400/404 | 403/404   | 400/404 | 400      |
            | GET    /dashboard/courses/{courseId}                               | 302       | 403      | 403/404 | 403/404   | 200/404 | 200      |
            | POST   /dashboard/courses/{courseId}/link                          | 302       | 403      | 403/404 | 403/404   | 400/404 | 400      |
            | POST   /dashboard/courses/{courseId}/link/removal                  | 302       | 403      | 403/404 | 403/404   | 400/404 | 400      |
            | POST   /dashboard/courses/{courseId}/emails/{notificationId}/requeue | 302       | 403      | 403/404 | 403/404   | 400/404 | 400      |
            | GET    /dashboard/sites/{siteId}/alerts                            | 302       | 403      | 403/404 | 403/404   | 200/404 | 200      |
            | POST   /dashboard/alerts/{alertId}/acknowledgement                 | 302       | 403      | 403/404 | 403/404   | 400/404 | 400      |
            | GET    /dashboard/rules                                            | 302       | 403      | 403     | 403       | 403     | 200      |
            | GET    /dashboard/rules/diff                                       | 302       | 403      | 403     | 403       | 403     | 400      |
            | GET    /dashboard/rules/edit                                       | 302       | 403      | 403     | 403       | 403     | 200      |
            | POST   /dashboard/rules/edit                                       | 302       | 403      | 403     | 403       | 403     | 400      |
            | POST   /dashboard/rules/versions/{versionId}/rollback              | 302       | 403      | 403     | 403       | 403     | 422      |
            | GET    /                                                           | 302       | 302      | 302     | 302       | 302     | 302      |
            | GET    /login                                                      | 200       | 200      | 200     | 200       | 200     | 200      |
            | GET    /my-bookings                                                | 302       | 200      | 403     | 403       | 403     | 403      |
            | GET    /member/sessions/{sessionId}                                | 302       | 200/404  | 403     | 403       | 403     | 403      |
            | GET    /error                                                      | 500       | 500      | 500     | 500       | 500     | 500      |
            | GET    /actuator                                                   | 401       | 403      | 403     | 403       | 403     | 200      |
            | GET    /actuator/health                                            | 200       | 200      | 200     | 200       | 200     | 200      |
            | GET    /actuator/health/**                                         | 200       | 200      | 200     | 200       | 200     | 200      |
            | GET    /actuator/info                                              | 401       | 403      | 403     | 403       | 403     | 200      |
            | GET    /actuator/metrics                                           | 401       | 403      | 403     | 403       | 403     | 200      |
            | GET    /actuator/metrics/{requiredMetricName}                      | 401       | 403      | 403     | 403       | 403     | 200      |
            | GET    /engine-rest/engine                                         | 401       | 403      | 403     | 403       | 403     | 200      |
            | GET    /engine-rest/process-definition                             | 401       | 403      | 403     | 403       | 403     | 200      |
            | GET    /engine-rest/incident                                       | 401       | 403      | 403     | 403       | 403     | 200      |
            | POST   /engine-rest/process-definition/key/{key}/start             | 401       | 403      | 403     | 403       | 403     | 404      |
            """;

    /**
     * Request bodies, valid ones, so that a refusal can only come from an access check. The pages' forms (#12) are
     * sent with the session's CSRF token but without their one-time form token: 400 there means the request passed
     * every access check and was refused as a stale or repeated form (DashboardPagesTest submits the real forms).
     */
    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("POST /api/sites", """
                    {"name": "Matrix Studio", "plan": "BUSINESS", "timeZone": "Asia/Seoul", "owner": "{owner}"}"""),
            Map.entry("PUT /api/staff/{staffId}", """
                    {"name": "Hana Kim", "email": "hana.kim@example.com"}"""),
            Map.entry("PUT /api/services/{serviceId}", """
                    {"name": "Morning Course", "kind": "COURSE", "online": true}"""),
            Map.entry("PUT /api/customers/{customerId}", """
                    {"name": "Jiwoo Lee", "email": "jiwoo.lee@example.com"}"""),
            Map.entry("POST /api/host/events", """
                    {}"""),
            Map.entry("PUT /api/sites/{siteId}/plan", """
                    {"plan": "ECOMMERCE"}"""),
            Map.entry("PUT /api/sites/{siteId}/visibility", """
                    {"confirmationEmail": true, "myBookings": false, "memberPages": true}"""),
            Map.entry("PUT /api/sites/{siteId}/staff-self-service", """
                    {"enabled": false}"""),
            Map.entry("PUT /api/sites/{siteId}/contact-email", """
                    {"email": "hello@matrix.example"}"""),
            Map.entry("PUT /api/sites/{siteId}/default-account", """
                    {"provider": "CUSTOM_LINK", "link": {"url": "https://meet.example.com/matrix"}}"""),
            Map.entry("POST /api/sites/{siteId}/staff", """
                    {"name": "Minji", "email": "minji@example.com"}"""),
            Map.entry("PUT /api/staff/{staffId}/account", """
                    {"provider": "CUSTOM_LINK", "link": {"url": "https://meet.example.com/own"}}"""),
            Map.entry("POST /api/staff/{staffId}/onboarding", """
                    {"provider": "CUSTOM_LINK"}"""),
            Map.entry("POST /api/staff/{staffId}/onboarding/custom-link", """
                    {"url": "https://meet.example.com/onboarded"}"""),
            Map.entry("POST /api/sites/{siteId}/services", """
                    {"name": "Evening Flow", "kind": "CLASS", "online": true}"""),
            Map.entry("PUT /api/services/{serviceId}/staff", """
                    {"staffIds": [{staffId}]}"""),
            Map.entry("PUT /api/services/{serviceId}/course-link", """
                    {"url": "https://meet.example.com/course-v2"}"""),
            Map.entry("POST /api/services/{serviceId}/sessions", """
                    {"staffId": {staffId}, "startsAt": "2031-05-01T01:00:00Z", "endsAt": "2031-05-01T02:00:00Z"}"""),
            Map.entry("PUT /api/sessions/{sessionId}/schedule", """
                    {"startsAt": "2031-05-02T01:00:00Z", "endsAt": "2031-05-02T02:00:00Z"}"""),
            Map.entry("PUT /api/sessions/{sessionId}/online", """
                    {"online": false}"""),
            Map.entry("PUT /api/sessions/{sessionId}/link", """
                    {"url": "https://meet.example.com/by-hand"}"""),
            Map.entry("POST /api/sites/{siteId}/customers", """
                    {"name": "Jiwoo", "email": "jiwoo@example.com"}"""),
            Map.entry("POST /api/sessions/{sessionId}/bookings", """
                    {"customerId": {customerId}}"""),
            Map.entry("POST /api/zoom/webhooks", """
                    {"event": "meeting.deleted", "payload": {}}"""),
            Map.entry("POST /engine-rest/process-definition/key/{key}/start", """
                    {}"""));

    private static final List<String> ROLES = List.of("anonymous", "customer", "staff", "colleague", "owner", "operator");
    /** The roles that belong to a business: another business's ids must look to them like ids that do not exist. */
    private static final List<String> ROLES_WITH_A_BUSINESS = List.of("customer", "staff", "colleague", "owner");
    private static final Set<String> TENANT_IDS = Set.of("siteId", "staffId", "serviceId", "courseId", "sessionId", "customerId", "bookingId",
            "alertId", "notificationId");
    private static final long UNKNOWN = 987_654_321L;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    /** Paths served by servlets of their own (Camunda's engine REST API), called over HTTP rather than MockMvc. */
    private static final String SERVLET_PREFIX = "/engine-rest/";
    private static final Set<String> PAGE_PATHS = Set.of("/login", "/launch", "/my-bookings", "/member/sessions/{sessionId}");
    /**
     * Form bodies: signing in with one's own password (anonymous: a user who does not exist), and creating the first
     * operator without the setup token (refused: an operator exists).
     */
    private static final Map<String, String> FORMS = Map.of(
            "POST /api/auth/token", "username={username}&password=" + As.PASSWORD,
            "POST /api/setup/first-operator", "username=matrix-op&password=a-long-enough-password");

    @Autowired
    WebApplicationContext context;
    @Autowired
    AppUsers users;
    @Autowired
    BusinessAlerts alerts;
    @Autowired
    RuleVersions ruleVersions;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;

    MockMvc mvc;
    TransactionTemplate rolledBack;
    Business own;
    Business foreign;
    Map<String, As> callers;
    Map<String, MockHttpSession> pageSessions = new LinkedHashMap<>();
    long ruleVersion;
    String shippedRules;

    /** The ids a request names, of one business. */
    record Business(StudioFixture studio, long alertId, long notificationId, long openSessionId, long bookingId) {

        /** The id {@code name} stands for in {@code row}: bookings go to a session nobody booked yet. */
        Long id(String name, String row) {
            return switch (name) {
                case "siteId" -> studio.siteId;
                case "staffId" -> studio.staffId;
                case "serviceId", "courseId" -> studio.courseId;
                case "sessionId" -> row.equals("POST /api/sessions/{sessionId}/bookings") ? openSessionId : studio.classSessionId;
                case "customerId" -> studio.customerId;
                case "alertId" -> alertId;
                case "notificationId" -> notificationId;
                case "bookingId" -> bookingId;
                default -> null;
            };
        }
    }

    record Row(String method, String path, Map<String, String> expected) {

        String key() {
            return method + " " + path.replaceFirst("\\?.*", "");
        }

        boolean namesABusiness() {
            Matcher m = PLACEHOLDER.matcher(normalized());
            while (m.find()) {
                if (TENANT_IDS.contains(m.group(1))) {
                    return true;
                }
            }
            return false;
        }

        /** The path with {id} of notifications named for what it is. */
        String normalized() {
            return path.startsWith("/api/notifications/") ? path.replace("{id}", "{notificationId}") : path;
        }
    }

    record Answer(int status, String code, String detail) {

        @Override
        public String toString() {
            return status + (code == null ? "" : " " + code + ": " + detail);
        }

        /** Status, code and detail with every number blanked: what tells whether an id exists. */
        String shape() {
            return status + " " + code + " " + (detail == null ? null : detail.replaceAll("\\d+", "#"));
        }
    }

    @BeforeAll
    void twoBusinesses() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        rolledBack = new TransactionTemplate(transactions);
        if (!users.exists(As.OPERATOR)) {
            users.create(As.OPERATOR, As.PASSWORD, Role.OPERATOR, null, null);
        }
        own = business(new StudioFixture(mvc, users));
        foreign = business(new StudioFixture(mvc, users));
        callers = Map.of(
                "anonymous", As.anonymous(),
                "customer", As.customer(own.studio().customerUser),
                "staff", As.staff(own.studio().staffUser),
                "colleague", As.staff(own.studio().otherStaffUser),
                "owner", As.owner(own.studio().owner),
                "operator", As.operator());
        for (String role : ROLES) {
            pageSessions.put(role, callers.get(role).signInToPages(mvc));
        }
        ruleVersion = ruleVersions.active().orElseThrow().versionId();
        // the live version's announcement, as the background round records it (tests run those rounds by hand)
        org.springframework.jdbc.core.simple.JdbcClient.create(context.getBean(javax.sql.DataSource.class)).sql("""
                insert into rule_release_announcement (rule_version_id, found_at, finished_at, outcome)
                select :v, current_timestamp, current_timestamp, 'BASELINE'
                where not exists (select 1 from rule_release_announcement where rule_version_id = :v)
                """).param("v", ruleVersion).update();
        shippedRules = json.writeValueAsString(Map.of("files", RuleBundle.read(Path.of("rules")).files()));
    }

    private Business business(StudioFixture studio) throws Exception {
        long alert = alerts.raise(studio.siteId, "matrix-check", "An alert for the authorization matrix", null, List.of()).id();
        // the fixture's bookings wrote confirmation emails to the outbox
        Number notification = JsonPath.read(studio.ownerApi.get("/api/sites/" + studio.siteId + "/notifications")
                .andReturn().getResponse().getContentAsString(), "$[0].id");
        long open = studio.ownerApi.create("/api/services/" + studio.classId + "/sessions", """
                {"staffId": %d, "startsAt": "2031-03-01T01:00:00Z", "endsAt": "2031-03-01T02:00:00Z"}
                """.formatted(studio.staffId));
        Number booking = JsonPath.read(studio.ownerApi.get("/api/customers/" + studio.customerId + "/bookings")
                .andReturn().getResponse().getContentAsString(), "$[0].bookingId");
        return new Business(studio, alert, notification.longValue(), open, booking.longValue());
    }

    @Test
    void everyEndpointOfTheServiceHasARowInTheTableAndEveryRowAnEndpoint() {
        Set<String> mapped = mappedEndpoints();
        assertThat(mapped).as("the application's and actuator's mappings are both enumerated")
                .contains("GET /api/sites/{siteId}", "GET /actuator/health", "GET /my-bookings");
        Set<String> listed = rows().stream().filter(row -> !row.path().startsWith(SERVLET_PREFIX))
                .map(Row::key).collect(Collectors.toCollection(TreeSet::new));

        Set<String> unlisted = new TreeSet<>(mapped);
        unlisted.removeAll(listed);
        Set<String> stale = new TreeSet<>(listed);
        stale.removeAll(mapped);
        assertThat(unlisted).as("endpoints nobody decided who may call: add a row for each to TABLE").isEmpty();
        assertThat(stale).as("rows of TABLE for endpoints that do not exist (any more)").isEmpty();
    }

    @Test
    void everyRoleGetsWhatTheTableSaysFromItsOwnBusinessAndFromAnother() throws Exception {
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Row row : rows()) {
            for (String role : ROLES) {
                String[] expected = row.expected().get(role).split("/");
                boolean differs = row.namesABusiness();
                Answer ownAnswer = call(row, role, own);
                calls++;
                check(wrong, row, role, "own", expected[0], ownAnswer);
                if (differs) {
                    Answer foreignAnswer = call(row, role, foreign);
                    calls++;
                    check(wrong, row, role, "foreign", expected.length > 1 ? expected[1] : expected[0], foreignAnswer);
                }
            }
        }
        assertThat(wrong).as("%d calls; cells that do not hold", calls).isEmpty();
    }

    @Test
    void anotherBusinesssIdsAnswerExactlyWhatIdsThatExistNowhereAnswer() throws Exception {
        List<String> probes = new ArrayList<>();
        int compared = 0;
        for (Row row : rows()) {
            if (!row.namesABusiness()) {
                continue;
            }
            for (String role : ROLES_WITH_A_BUSINESS) {
                Answer foreignAnswer = call(row, role, foreign);
                Answer unknownAnswer = call(row, role, null);
                compared++;
                if (!foreignAnswer.shape().equals(unknownAnswer.shape())) {
                    probes.add(row.key() + " as " + role + ": another business's ids answer " + foreignAnswer
                            + ", unknown ids " + unknownAnswer);
                }
            }
        }
        assertThat(compared).as("requests compared").isGreaterThan(100);
        assertThat(probes).as("of %d requests, those that tell whether another business's id exists", compared).isEmpty();
    }

    private static void check(List<String> wrong, Row row, String role, String target, String expected, Answer actual) {
        if (!expected.equals(String.valueOf(actual.status()))) {
            wrong.add(row.method() + " " + row.path() + " as " + role + " (" + target + " business): expected "
                    + expected + ", got " + actual);
        }
    }

    /** One request as one role with the ids of one business ({@code null}: ids that exist nowhere), rolled back. */
    private Answer call(Row row, String role, Business business) throws Exception {
        String path = resolve(row.normalized(), row.key(), role, business);
        String bodyTemplate = BODIES.get(row.key());
        String body = bodyTemplate == null ? null : resolve(bodyTemplate, row.key(), role, business);
        String form = FORMS.containsKey(row.key()) ? resolve(FORMS.get(row.key()), row.key(), role, business) : null;
        if (row.key().equals("POST /api/rules/validate") || row.key().equals("POST /api/rules/publish")) {
            body = shippedRules;
        }
        if (row.path().startsWith(SERVLET_PREFIX)) {
            return overHttp(row.method(), path, body, callers.get(role));
        }
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(row.method()), path);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        if (form != null) {
            request.contentType(MediaType.APPLICATION_FORM_URLENCODED).content(form);
        }
        if (isPage(row.key().substring(row.key().indexOf(' ') + 1))) {
            if (!row.method().equals("GET")) {
                // a browser's form: the session's CSRF token goes with it (a forged one is ForgedRequestTest's)
                request.with(csrf());
            }
            MockHttpSession session = pageSessions.get(role);
            if (session != null) {
                request.session(session);
            }
        } else {
            request.with(callers.get(role));
        }
        MockHttpServletResponse response = rolledBack.execute(status -> {
            status.setRollbackOnly();
            try {
                return mvc.perform(request).andReturn().getResponse();
            } catch (Exception e) {
                throw new IllegalStateException(row.key() + " as " + role + " failed", e);
            }
        });
        return answer(response.getStatus(), response.getContentAsString());
    }

    /** The pages (#12): signed in with the browser session of the sign-in form, not a bearer token. */
    private static boolean isPage(String path) {
        return PAGE_PATHS.contains(path) || path.equals("/") || path.startsWith("/dashboard");
    }

    private Answer overHttp(String method, String path, String body, As caller) {
        RestClient.RequestBodySpec request = RestClient.create("http://localhost:" + port).method(HttpMethod.valueOf(method))
                .uri(path).headers(headers -> caller.applyTo(headers, context));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, response) -> answer(response.getStatusCode().value(),
                new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
    }

    private Answer answer(int status, String content) {
        try {
            JsonNode problem = json.readTree(content);
            if (problem != null && problem.has("code")) {
                return new Answer(status, problem.path("code").asText(), problem.path("detail").asText());
            }
        } catch (Exception notJson) {
            // a page, or nothing
        }
        return new Answer(status, null, null);
    }

    private String resolve(String template, String row, String role, Business business) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (TENANT_IDS.contains(name)) {
                value = String.valueOf(business == null ? UNKNOWN : business.id(name, row));
            } else if (name.equals("owner")) {
                value = business == null ? "nobody" : business.studio().owner;
            } else if (name.equals("username")) {
                value = role.equals("anonymous") ? "nobody" : callers.get(role).username();
            } else if (name.equals("token")) {
                value = role.equals("anonymous") ? "not-a-token"
                        : callers.get(role).authorization(context).substring("Bearer ".length());
            } else if (name.equals("id") || name.equals("versionId")) {
                value = String.valueOf(ruleVersion);
            } else if (name.equals("requiredMetricName")) {
                value = "jvm.memory.used";
            } else if (name.equals("key")) {
                value = "no-such-process";
            } else {
                throw new IllegalArgumentException("no value for {" + name + "} in " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString().replace("/**", "/db");
    }

    /** "GET /api/sites/{siteId}" for every handler method of the application and of actuator. */
    private Set<String> mappedEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name)
                        .collect(Collectors.toCollection(TreeSet::new));
                if (methods.isEmpty()) {
                    methods = Set.of("GET"); // mapped for every method (the error page): GET stands for them
                }
                for (String method : methods) {
                    for (String pattern : info.getPatternValues()) {
                        endpoints.add(method + " " + pattern);
                    }
                }
            }
        }
        return endpoints;
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        List<String> lines = TABLE.lines().filter(line -> !line.isBlank()).toList();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.strip().replaceAll("^\\||\\|$", "").split("\\|");
            String[] request = cells[0].strip().split("\\s+");
            Map<String, String> expected = new LinkedHashMap<>();
            for (int i = 0; i < ROLES.size(); i++) {
                expected.put(ROLES.get(i), cells[i + 1].strip());
            }
            rows.add(new Row(request[0], request[1], expected));
        }
        return rows;
    }
}
