package com.videolinks.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

import com.videolinks.support.StudioFixture;

/** Roles from day one: each user reaches their own data only (S13 for staff). */
@SpringBootTest
@AutoConfigureMockMvc
class AccessApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AppUsers users;

    StudioFixture studio;
    StudioFixture otherStudio;

    @BeforeEach
    void buildTwoStudios() throws Exception {
        studio = new StudioFixture(mvc, users);
        otherStudio = new StudioFixture(mvc, users);
    }

    @Test
    void anonymousRequestsAreRefusedButHealthIsOpen() throws Exception {
        mvc.perform(get("/api/sites")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    /** #11: another business's ids answer the 404 of an id that exists nowhere, so they cannot be probed. */
    @Test
    void anOwnerCannotReadOrChangeAnotherOwnersSite() throws Exception {
        studio.ownerApi.get("/api/sites/" + otherStudio.siteId).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not-found"))
                .andExpect(jsonPath("$.detail").value("site " + otherStudio.siteId + " not found"));
        studio.ownerApi.get(otherStudio.link(otherStudio.classSessionId, "MY_BOOKINGS")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("session " + otherStudio.classSessionId + " not found"));
        studio.ownerApi.put("/api/sites/" + otherStudio.siteId + "/plan", "{\"plan\": \"FREE\"}").andExpect(status().isNotFound());
        studio.ownerApi.delete("/api/sites/" + otherStudio.siteId + "/default-account").andExpect(status().isNotFound());
        studio.ownerApi.get("/api/customers/" + otherStudio.customerId + "/bookings").andExpect(status().isNotFound());
        otherStudio.ownerApi.get("/api/sites/" + otherStudio.siteId + "/default-account")
                .andExpect(jsonPath("$.connected").value(true));
        studio.ownerApi.get("/api/sites").andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(studio.siteId));
    }

    @Test
    void aStaffMemberManagesOnlyTheirOwnAccountAndSessions() throws Exception {
        studio.staffApi.put("/api/staff/" + studio.otherStaffId + "/account",
                "{\"provider\": \"CUSTOM_LINK\", \"link\": {\"url\": \"https://meet.example.com/x\"}}")
                .andExpect(status().isForbidden());
        studio.staffApi.put("/api/sessions/" + studio.courseFutureSessionId + "/link",
                "{\"url\": \"https://meet.example.com/x\"}").andExpect(status().isForbidden());
        studio.staffApi.put("/api/sites/" + studio.siteId + "/visibility",
                "{\"confirmationEmail\": false, \"myBookings\": false, \"memberPages\": false}").andExpect(status().isForbidden());
        studio.staffApi.put("/api/staff/" + studio.staffId + "/account",
                "{\"provider\": \"CUSTOM_LINK\", \"link\": {\"url\": \"https://meet.example.com/mine\"}}")
                .andExpect(status().isOk());
        studio.staffApi.put("/api/sessions/" + studio.classSessionId + "/link",
                "{\"url\": \"https://meet.example.com/x\"}").andExpect(status().isOk());
        studio.staffApi.get("/api/sites/" + otherStudio.siteId).andExpect(status().isNotFound());
    }

    @Test
    void aCustomerSeesOnlyTheirOwnBookingsAndCannotAskWhy() throws Exception {
        studio.customerApi.get("/api/customers/" + studio.customerId + "/bookings").andExpect(status().isOk());
        studio.customerApi.get("/api/customers/" + otherStudio.customerId + "/bookings").andExpect(status().isNotFound());
        studio.customerApi.get(studio.link(studio.classSessionId, "MY_BOOKINGS")).andExpect(status().isForbidden());
        studio.customerApi.get("/api/sites").andExpect(status().isForbidden());
        studio.customerApi.post("/api/sessions/" + otherStudio.classSessionId + "/bookings",
                "{\"customerId\": " + otherStudio.customerId + "}").andExpect(status().isNotFound());
    }

    /** #11: a staff id of another business in a request body is refused exactly like one that exists nowhere. */
    @Test
    void anotherBusinesssStaffInARequestBodyIsRefusedLikeAStaffIdThatExistsNowhere() throws Exception {
        String foreign = studio.ownerApi.put("/api/services/" + studio.classId + "/staff",
                "{\"staffIds\": [" + otherStudio.staffId + "]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("staffIds[0]"))
                .andReturn().getResponse().getContentAsString();
        String unknown = studio.ownerApi.put("/api/services/" + studio.classId + "/staff",
                "{\"staffIds\": [987654321]}").andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(foreign.replaceAll("\\d+", "#")).isEqualTo(unknown.replaceAll("\\d+", "#"));

        String session = """
                {"staffId": %d, "startsAt": "2031-01-01T01:00:00Z", "endsAt": "2031-01-01T02:00:00Z"}""";
        String foreignSession = studio.ownerApi.post("/api/services/" + studio.classId + "/sessions",
                session.formatted(otherStudio.staffId)).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        String unknownSession = studio.ownerApi.post("/api/services/" + studio.classId + "/sessions",
                session.formatted(987654321L)).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(foreignSession.replaceAll("\\d+", "#")).isEqualTo(unknownSession.replaceAll("\\d+", "#"));
        studio.ownerApi.get("/api/services/" + studio.classId)
                .andExpect(jsonPath("$.staffIds.length()").value(2));
    }
}
