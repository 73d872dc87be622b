package com.videolinks.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.videolinks.staff.StaffMembers;
import com.videolinks.support.ReceivedMail;
import com.videolinks.support.ZoomTestBase;

/**
 * #6: the staff onboarding emails the staff member through the outbox, in Korean, over a real SMTP server
 * (GreenMail): once when their own account is connected (its URL, never its password), and the Zoom sign-in
 * reminder. The site alerts stay (StaffOnboardingProcessTest).
 */
class StaffOnboardingMailTest extends ZoomTestBase {

    private static final int SMTP_PORT = TestSocketUtils.findAvailableTcpPort();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    MailDispatcher dispatcher;
    @Autowired
    Outbox outbox;
    @Autowired
    StaffNotifications staffNotifications;
    @Autowired
    StaffMembers staff;
    @Autowired
    PlatformTransactionManager transactions;

    GreenMail smtp;
    String hana;

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        dispatcher.dispatchDue(); // the studio's customer confirmations go now, not in the middle of the test
        hana = staff.get(studio.staffId).email();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aCustomLinkOnboardingEmailsTheStaffMemberOnceInKoreanWithTheLinkUrlAndWithoutItsPassword() throws Exception {
        start("CUSTOM_LINK");
        ProcessInstance process = onboarding();
        runJob(process);
        studio.staffApi.post("/api/staff/" + studio.staffId + "/onboarding/custom-link", """
                {"url": "https://meet.example.com/hana", "password": "secret-pw", "description": "Hana's room"}
                """).andExpect(status().isOk());
        runJob(process); // activate
        runJob(process); // re-provision
        runJob(process); // notify
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(process.getId()).count()).isZero();
        long accountId = ((Number) history.createHistoricVariableInstanceQuery().processInstanceId(process.getId())
                .variableName("accountId").singleResult().getValue()).longValue();
        // a retried notify job writes nothing twice
        Boolean writtenAgain = new TransactionTemplate(transactions).execute(
                tx -> staffNotifications.accountConnected(studio.siteId, studio.staffId, accountId));
        assertThat(writtenAgain).isFalse();

        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        List<ReceivedMail> mails = ReceivedMail.to(smtp.getReceivedMessages(), hana);
        assertThat(mails).hasSize(1);
        ReceivedMail mail = mails.get(0);
        assertThat(mail.subject()).isEqualTo("화상 계정이 활성화되었습니다: Studio " + tag());
        for (String body : List.of(mail.text(), mail.html())) {
            assertThat(body).contains("Hana님, 안녕하세요.", "본인의 화상 계정이 연결되었습니다",
                    "https://meet.example.com/hana");
        }
        assertThat(mail.everything()).doesNotContain("secret-pw", "Hana's room", "Hana&#39;s room");
        OutboxMessage row = staffRows().get(0);
        assertThat(row.kind()).isEqualTo(NotificationKind.STAFF_ACCOUNT_CONNECTED);
        assertThat(row.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(row.customerId()).isNull();
        assertThat(row.idempotencyKey()).isEqualTo("staff-account-connected:" + studio.staffId + ":" + accountId);
        assertThat(row.recipient()).isEqualTo(hana);

        // the owner's listing copes with a row that names no customer
        studio.ownerApi.get("/api/sites/" + studio.siteId + "/notifications?limit=500").andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.staffId == " + studio.staffId + ")].kind")
                        .value(org.hamcrest.Matchers.contains("STAFF_ACCOUNT_CONNECTED")))
                // null fields are left out of the JSON (spring.jackson.default-property-inclusion: non_null)
                .andExpect(jsonPath("$[?(@.staffId == " + studio.staffId + ")].customerId").isEmpty());
    }

    @Test
    void aStaffMemberWhoDoesNotSignInToZoomIsRemindedByEmailAndToldWhenTheirZoomIsConnected() throws Exception {
        start("ZOOM");
        ProcessInstance process = onboarding();
        runJob(process);
        management.executeJob(management.createJobQuery().processInstanceId(process.getId())
                .activityId("zoomSignInReminderDue").singleResult().getId());
        management.executeJob(management.createJobQuery().processInstanceId(process.getId())
                .activityId("remindStaffOfZoomSignIn").singleResult().getId());

        dispatcher.dispatchDue();

        ReceivedMail reminder = single(ReceivedMail.to(smtp.getReceivedMessages(), hana));
        assertThat(reminder.subject()).isEqualTo("Zoom 로그인을 마쳐 주세요: Studio " + tag());
        for (String body : List.of(reminder.text(), reminder.html())) {
            assertThat(body).contains("Hana님, 안녕하세요.", "Zoom 로그인이 아직 끝나지 않았습니다",
                    "POST /api/staff/" + studio.staffId + "/account/zoom-authorization");
        }
        assertThat(staffRows().get(0).idempotencyKey())
                .isEqualTo("staff-zoom-reminder:" + studio.staffId + ":" + process.getId());

        connectStaffZoom(studio.staffApi, studio.staffId);
        runJob(process); // re-provision
        runJob(process); // notify
        dispatcher.dispatchDue();

        List<ReceivedMail> mails = ReceivedMail.to(smtp.getReceivedMessages(), hana);
        assertThat(mails).hasSize(2);
        assertThat(mails.get(1).subject()).isEqualTo("화상 계정이 활성화되었습니다: Studio " + tag());
        assertThat(mails.get(1).everything()).contains("Zoom", "hana@example.com");
    }

    private String tag() {
        return studio.staffUser.substring("staff-".length());
    }

    private List<OutboxMessage> staffRows() {
        return outbox.list(studio.siteId, null, 500).stream()
                .filter(row -> Long.valueOf(studio.staffId).equals(row.staffId())).toList();
    }

    private void start(String provider) throws Exception {
        studio.staffApi.post("/api/staff/" + studio.staffId + "/onboarding", "{\"provider\": \"" + provider + "\"}")
                .andExpect(status().isCreated());
    }

    private ProcessInstance onboarding() {
        return runtime.createProcessInstanceQuery().processDefinitionKey("staff-onboarding")
                .processInstanceBusinessKey(String.valueOf(studio.staffId)).singleResult();
    }

    private void runJob(ProcessInstance process) {
        Job job = management.createJobQuery().processInstanceId(process.getId()).messages().singleResult();
        assertThat(job).as("a job of " + process.getId()).isNotNull();
        management.executeJob(job.getId());
    }

    private static ReceivedMail single(List<ReceivedMail> mails) {
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }
}
