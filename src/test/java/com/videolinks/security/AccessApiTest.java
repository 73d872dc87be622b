package com.videolinks.security;

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

    @Test
    void anOwnerCannotReadOrChangeAnotherOwnersSite() throws Exception {
        studio.ownerApi.get("/api/sites/" + otherStudio.siteId).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
        studio.ownerApi.get(otherStudio.link(otherStudio.classSessionId, "MY_BOOKINGS")).andExpect(status().isForbidden());
        studio.ownerApi.put("/api/sites/" + otherStudio.siteId + "/plan", "{\"plan\": \"FREE\"}").andExpect(status().isForbidden());
        studio.ownerApi.delete("/api/sites/" + otherStudio.siteId + "/default-account").andExpect(status().isForbidden());
        studio.ownerApi.get("/api/customers/" + otherStudio.customerId + "/bookings").andExpect(status().isForbidden());
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
        studio.staffApi.get("/api/sites/" + otherStudio.siteId).andExpect(status().isForbidden());
    }

    @Test
    void aCustomerSeesOnlyTheirOwnBookingsAndCannotAskWhy() throws Exception {
        studio.customerApi.get("/api/customers/" + studio.customerId + "/bookings").andExpect(status().isOk());
        studio.customerApi.get("/api/customers/" + otherStudio.customerId + "/bookings").andExpect(status().isForbidden());
        studio.customerApi.get(studio.link(studio.classSessionId, "MY_BOOKINGS")).andExpect(status().isForbidden());
        studio.customerApi.get("/api/sites").andExpect(status().isForbidden());
        studio.customerApi.post("/api/sessions/" + otherStudio.classSessionId + "/bookings",
                "{\"customerId\": " + otherStudio.customerId + "}").andExpect(status().isForbidden());
    }
}
