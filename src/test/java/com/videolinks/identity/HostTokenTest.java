package com.videolinks.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.videolinks.booking.Customers;
import com.videolinks.policy.vocabulary.Plan;
import com.videolinks.security.AppUsers;
import com.videolinks.site.Sites;
import com.videolinks.staff.StaffMembers;
import com.videolinks.support.HostIssuer;
import com.videolinks.support.StudioFixture;
import com.videolinks.support.Tokens;

/**
 * The host's signed token is the identity (issue #9): a real JWKS served by WireMock, keys generated in the test,
 * tokens signed with Nimbus. Every bad token gets 401/403 problem details naming the reason and changes nothing;
 * the right token gets in. Claim names are the host's own (configured in HostIssuer.register).
 */
@SpringBootTest
@AutoConfigureMockMvc
class HostTokenTest {

    static final HostIssuer host = HostIssuer.shared();

    @DynamicPropertySource
    static void trustTheHost(DynamicPropertyRegistry registry) {
        host.register(registry);
    }

    @Autowired MockMvc mvc;
    @Autowired AppUsers users;
    @Autowired Sites sites;
    @Autowired StaffMembers staff;
    @Autowired Customers customers;

    StudioFixture a;
    StudioFixture b;
    String siteA;
    String siteB;
    String hanaA;
    String taeA;
    String soyeonA;
    long otherCustomerA;

    @BeforeEach
    void twoSitesTheHostKnows() throws Exception {
        host.publish(host.rsaKey(), host.ecKey());
        a = new StudioFixture(mvc, users);
        b = new StudioFixture(mvc, users);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        siteA = "wix-site-a-" + tag;
        siteB = "wix-site-b-" + tag;
        hanaA = "member-hana-" + tag;
        taeA = "member-tae-" + tag;
        soyeonA = "contact-soyeon-" + tag;
        sites.setHostId(a.siteId, siteA);
        sites.setHostId(b.siteId, siteB);
        staff.setHostId(a.staffId, hanaA);
        staff.setHostId(a.otherStaffId, taeA);
        customers.setHostId(a.customerId, soyeonA);
        otherCustomerA = a.ownerApi.create("/api/sites/" + a.siteId + "/customers", """
                {"name": "Alex", "email": "alex-%s@example.com", "locale": "en"}
                """.formatted(tag));
    }

    @Test
    void theHostsOwnerTokenReachesItsSiteWithRs256AndEs256() throws Exception {
        as(host.owner(siteA), get("/api/sites")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].id").value(a.siteId));
        String es256 = host.token().role("owner").sites(siteA).signedWith(host.ecKey()).sign();
        boolean selfService = sites.get(a.siteId).staffSelfService();
        changeSelfService(es256, a.siteId, !selfService).andExpect(status().isOk());
        assertThat(sites.get(a.siteId).staffSelfService()).isEqualTo(!selfService);
    }

    @Test
    void anExpiredTokenIsRefusedAndChangesNothing() throws Exception {
        String expired = host.token().role("owner").sites(siteA).expiresAt(Instant.now().minus(Duration.ofMinutes(2))).sign();
        refused(changePlan(expired, a.siteId, "FREE"), 401, "token-expired");
        assertUnchanged();
    }

    @Test
    void aTokenNotYetValidIsRefused() throws Exception {
        String early = host.token().role("owner").sites(siteA).notBefore(Instant.now().plus(Duration.ofMinutes(3))).sign();
        refused(changePlan(early, a.siteId, "FREE"), 401, "token-not-yet-valid");
        assertUnchanged();
    }

    @Test
    void aSmallClockSkewIsTolerated() throws Exception {
        String justExpired = host.token().role("owner").sites(siteA).expiresAt(Instant.now().minusSeconds(5)).sign();
        as(justExpired, get("/api/sites/" + a.siteId)).andExpect(status().isOk());
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() throws Exception {
        String foreign = host.token().role("owner").sites(siteA).issuer("https://evil.example.com").sign();
        refused(changePlan(foreign, a.siteId, "FREE"), 401, "token-wrong-issuer");
        assertUnchanged();
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        String otherApp = host.token().role("owner").sites(siteA).audience("another-plugin").sign();
        refused(changePlan(otherApp, a.siteId, "FREE"), 401, "token-wrong-audience");
        assertUnchanged();
    }

    @Test
    void aTokenSignedWithAKeyTheHostNeverPublishedIsRefused() throws Exception {
        String unknownKid = host.token().role("owner").sites(siteA).signedWith(HostIssuer.newRsaKey("not-published")).sign();
        refused(changePlan(unknownKid, a.siteId, "FREE"), 401, "token-signature-rejected");
        assertUnchanged();
    }

    @Test
    void aRotatedKeyWorksWithoutARestartAndARemovedKeyStopsWorking() throws Exception {
        RSAKey next = HostIssuer.newRsaKey("host-rsa-next-" + UUID.randomUUID());
        String withNext = host.token().role("owner").sites(siteA).signedWith(next).sign();
        host.publish(host.rsaKey(), host.ecKey(), next);
        // an unknown key id refetches the host's JWKS: the new key works at once
        as(withNext, get("/api/sites/" + a.siteId)).andExpect(status().isOk());

        host.publish(host.ecKey(), next);
        String withRemoved = host.token().role("owner").sites(siteA).sign();
        // once the cached set expires (2 s in tests, 5 min by default) the removed key no longer verifies
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                refused(as(withRemoved, get("/api/sites/" + a.siteId)), 401, "token-signature-rejected"));
        refused(changePlan(withRemoved, a.siteId, "FREE"), 401, "token-signature-rejected");
        assertUnchanged();
        as(withNext, get("/api/sites/" + a.siteId)).andExpect(status().isOk());
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        String none = new PlainJWT(host.token().role("owner").sites(siteA).claims()).serialize();
        refused(changePlan(none, a.siteId, "FREE"), 401, "token-unsigned");
        assertUnchanged();
    }

    @Test
    void anHs256TokenSignedWithThePublicKeyIsRefused() throws Exception {
        byte[] publicKey = host.rsaKey().toRSAPublicKey().getEncoded();
        SignedJWT hs256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(host.rsaKey().getKeyID()).build(),
                host.token().role("owner").sites(siteA).claims());
        hs256.sign(new MACSigner(publicKey));
        refused(changePlan(hs256.serialize(), a.siteId, "FREE"), 401, "token-signature-rejected");
        // and the PEM text of the public key as the HMAC secret
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(publicKey) + "\n-----END PUBLIC KEY-----\n";
        SignedJWT hs256Pem = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).build(),
                host.token().role("owner").sites(siteA).claims());
        hs256Pem.sign(new MACSigner(pem.getBytes(StandardCharsets.US_ASCII)));
        refused(changePlan(hs256Pem.serialize(), a.siteId, "FREE"), 401, "token-signature-rejected");
        assertUnchanged();
    }

    @Test
    void aTokenForSiteAUsedOnSiteBFindsNothingThere() throws Exception {
        String ownerA = host.owner(siteA);
        // another business's site answers as an unknown one (#11), and changes nothing
        refused(as(ownerA, get("/api/sites/" + b.siteId)), 404, "not-found");
        boolean selfService = sites.get(b.siteId).staffSelfService();
        refused(changeSelfService(ownerA, b.siteId, !selfService), 404, "not-found");
        assertThat(sites.get(b.siteId).staffSelfService()).isEqualTo(selfService);
        refused(changePlan(ownerA, b.siteId, "FREE"), 404, "not-found");
        // the plan is the host's billing fact (#10): not even the site's own owner changes it
        refused(changePlan(host.owner(siteB), b.siteId, "FREE"), 403, "forbidden");
        assertThat(sites.get(b.siteId).plan()).isEqualTo(Plan.BUSINESS);
        changeSelfService(host.owner(siteB), b.siteId, !selfService).andExpect(status().isOk());
        assertThat(sites.get(b.siteId).staffSelfService()).isEqualTo(!selfService);
    }

    @Test
    void aCustomerTokenCannotReadAnotherCustomersBookings() throws Exception {
        String soyeon = host.customer(siteA, soyeonA);
        refused(as(soyeon, get("/api/customers/" + otherCustomerA + "/bookings")), 403, "forbidden");
        as(soyeon, get("/api/customers/" + a.customerId + "/bookings")).andExpect(status().isOk());
        as(soyeon, get("/api/me/bookings")).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(4));
    }

    @Test
    void aStaffTokenCannotActForAnotherStaffMember() throws Exception {
        String hana = host.staff(siteA, hanaA);
        String custom = "{\"provider\": \"CUSTOM_LINK\", \"link\": {\"url\": \"https://meet.example.com/hijack\"}}";
        refused(as(hana, put("/api/staff/" + a.otherStaffId + "/account").contentType(MediaType.APPLICATION_JSON).content(custom)),
                403, "forbidden");
        assertThat(staff.get(a.otherStaffId).accountId()).isNull();
        as(hana, put("/api/staff/" + a.staffId + "/account").contentType(MediaType.APPLICATION_JSON)
                .content("{\"provider\": \"CUSTOM_LINK\", \"link\": {\"url\": \"https://meet.example.com/hana\"}}"))
                .andExpect(status().isOk());
        assertThat(staff.get(a.staffId).accountId()).isNotNull();
    }

    @Test
    void aTokenWithoutARoleIsRefused() throws Exception {
        String noRole = host.token().sites(siteA).sign();
        refused(changePlan(noRole, a.siteId, "FREE"), 401, "token-claim-missing");
        assertUnchanged();
    }

    /** docs/adr-006-host-identity.md: no just-in-time creation; the host's events bring sites, staff and customers. */
    @Test
    void aTokenNamingASiteStaffMemberOrCustomerWeDoNotKnowGetsA403NamingIt() throws Exception {
        refused(as(host.owner("wix-site-never-installed"), get("/api/sites")), 403, "host-site-unknown")
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("wix-site-never-installed")));
        refused(as(host.staff(siteA, "member-new"), get("/api/staff/" + a.staffId)), 403, "host-staff-unknown");
        refused(as(host.customer(siteA, "contact-new"), get("/api/me/bookings")), 403, "host-customer-unknown");
        long sitesBefore = sites.all().size();
        assertThat(sites.all()).hasSize((int) sitesBefore);
    }

    @Test
    void aMissingOrMalformedTokenIs401WithABearerChallengeNeverBasic() throws Exception {
        mvc.perform(get("/api/sites")).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(jsonPath("$.code").value("authentication-required"));
        refused(as("not.a.jwt", get("/api/sites")), 401, "token-malformed")
                .andExpect(header().string("WWW-Authenticate", "Bearer error=\"invalid_token\""));
    }

    @Test
    void theHostsLaunchUrlOpensMyBookingsAlreadySignedIn() throws Exception {
        var launched = mvc.perform(get("/launch").param("token", host.customer(siteA, soyeonA)).param("to", "/my-bookings"))
                .andExpect(status().isFound()).andExpect(header().string("Location", "/my-bookings")).andReturn();
        var session = (org.springframework.mock.web.MockHttpSession) launched.getRequest().getSession(false);
        mvc.perform(get("/my-bookings").session(session)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("data-session-id=\"" + a.classSessionId + "\"")));

        String expired = host.token().role("customer").sites(siteA).claim("contact_id", soyeonA)
                .expiresAt(Instant.now().minus(Duration.ofMinutes(3))).sign();
        refused(mvc.perform(get("/launch").param("token", expired)), 401, "token-expired");
        mvc.perform(get("/launch").param("token", host.customer(siteA, soyeonA)).param("to", "https://evil.example.com/"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
    }

    private ResultActions changePlan(String token, long siteId, String plan) throws Exception {
        return as(token, put("/api/sites/" + siteId + "/plan").contentType(MediaType.APPLICATION_JSON)
                .content("{\"plan\": \"" + plan + "\"}"));
    }

    private ResultActions changeSelfService(String token, long siteId, boolean enabled) throws Exception {
        return as(token, put("/api/sites/" + siteId + "/staff-self-service").contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\": " + enabled + "}"));
    }

    private ResultActions as(String token, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.with(Tokens.bearer(token)));
    }

    private static ResultActions refused(ResultActions result, int status, String code) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.containsString("problem+json")))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }

    private void assertUnchanged() {
        assertThat(sites.get(a.siteId).plan()).isEqualTo(Plan.BUSINESS);
    }
}
