package com.videolinks.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.videolinks.notification.MailModel.LinkView;
import com.videolinks.notification.MailModel.SessionLine;

/** Every email template renders every value of its model in Korean and in English, with no marker left (#5). */
class MailTemplatesTest {

    private static final MailTemplates TEMPLATES = new MailTemplates();

    private static final String[] UNRESOLVED = {"??", "${", "#{", "*{", "@{", "~{", "[[", "]]", "[(", "[#", "[/]",
        " th:", "xmlns:th"};

    static Stream<Arguments> everyTemplateLanguageAndLinkState() {
        List<Arguments> cases = new ArrayList<>();
        for (String template : List.of("booking-confirmation", "link-changed", "link-ready")) {
            for (Locale locale : List.of(Locale.KOREAN, Locale.ENGLISH)) {
                for (LinkView link : links()) {
                    cases.add(Arguments.of(template, locale, link));
                }
            }
        }
        return cases.stream();
    }

    private static List<LinkView> links() {
        return List.of(
                LinkView.shown("https://meet.example.com/url-value", "password-value", "description-value"),
                LinkView.shown("https://meet.example.com/url-value", null, null),
                LinkView.hidden("MY_BOOKINGS", "https://book.example.com/my-bookings-value"),
                LinkView.hidden("MEMBER_PAGES", "https://book.example.com/member-value"),
                LinkView.hidden("BUSINESS", null),
                LinkView.pending(),
                LinkView.none("IN_PERSON"),
                LinkView.none("REMOVED"),
                LinkView.none("UNAVAILABLE"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyTemplateLanguageAndLinkState")
    void s21_everyTemplateRendersEveryModelValueInBothLanguages(String template, Locale locale, LinkView link) {
        MailModel model = new MailModel("customer-name-value", "site-name-value", "service-name-value", false,
                List.of(new SessionLine("when-value", null)), link,
                template.equals("link-changed") && link.shown() ? "https://meet.example.com/old-url-value" : null);

        EmailContent email = TEMPLATES.render(template, locale, model, subjectOf(template), "to@example.com");

        for (String body : List.of(email.text(), email.html())) {
            assertThat(body).doesNotContain(UNRESOLVED);
            assertThat(body).contains("customer-name-value", "site-name-value", "service-name-value", "when-value");
            for (String value : valuesOf(link)) {
                assertThat(body).contains(value);
            }
            if (model.oldUrl() != null) {
                assertThat(body).contains(model.oldUrl());
            }
        }
        assertThat(email.subject()).contains("service-name-value").doesNotContain(UNRESOLVED);
        assertThat(email.to()).isEqualTo("to@example.com");
        assertThat(email.html()).contains("lang=\"" + locale.getLanguage() + "\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void s19_aCourseEmailListsEverySessionWithItsOwnLinkWhenTheyDiffer(Locale locale) {
        MailModel model = new MailModel("customer-name-value", "site-name-value", "service-name-value", true,
                List.of(new SessionLine("first-when", LinkView.shown("https://meet.example.com/first", "pw-first", null)),
                        new SessionLine("second-when", LinkView.pending())), null, null);

        EmailContent email = TEMPLATES.render("link-changed", locale, model, "changed.subject", "to@example.com");

        for (String body : List.of(email.text(), email.html())) {
            assertThat(body).doesNotContain(UNRESOLVED)
                    .contains("first-when", "second-when", "https://meet.example.com/first", "pw-first");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void theTextsAreInTheCustomersLanguage(Locale locale) {
        MailModel model = new MailModel("Soyeon", "Mina Yoga", "Morning Flow", false,
                List.of(new SessionLine("when", null)), LinkView.pending(), null);

        EmailContent email = TEMPLATES.render("booking-confirmation", locale, model, "confirmation.subject", "x@example.com");

        if (locale.equals(Locale.KOREAN)) {
            assertThat(email.subject()).isEqualTo("예약 확정: Morning Flow");
            assertThat(email.text()).contains("Soyeon님, 안녕하세요.", "화상 링크를 준비하고 있습니다");
        } else {
            assertThat(email.subject()).isEqualTo("Booking confirmed: Morning Flow");
            assertThat(email.text()).contains("Hello Soyeon,", "The video link is being set up");
        }
    }

    @ParameterizedTest(name = "locale \"{0}\"")
    @MethodSource("otherLanguages")
    void aCustomerWhoseLanguageIsNeitherKoreanNorEnglishReadsEnglish(Locale locale) {
        MailModel model = new MailModel("Luc", "Mina Yoga", "Morning Flow", false,
                List.of(new SessionLine("when", null)), LinkView.pending(), null);

        EmailContent email = TEMPLATES.render("booking-confirmation", locale, model, "confirmation.subject", "x@example.com");

        assertThat(email.subject()).isEqualTo("Booking confirmed: Morning Flow");
        assertThat(email.html()).contains("lang=\"en\"");
    }

    static Stream<Arguments> everyStaffTemplateAndLanguage() {
        List<Arguments> cases = new ArrayList<>();
        for (Locale locale : List.of(Locale.KOREAN, Locale.ENGLISH)) {
            cases.add(Arguments.of("staff-account-connected", locale, new StaffMailModel("staff-name-value",
                    "site-name-value", "CUSTOM_LINK", null, "https://meet.example.com/staff-url-value", null)));
            cases.add(Arguments.of("staff-account-connected", locale, new StaffMailModel("staff-name-value",
                    "site-name-value", "ZOOM", "zoom-user-value", null, null)));
            cases.add(Arguments.of("staff-zoom-reminder", locale, new StaffMailModel("staff-name-value",
                    "site-name-value", null, null, null, "POST /api/staff/sign-in-path-value")));
        }
        return cases.stream();
    }

    /** #6: the staff members' emails render every value of their model in both languages. */
    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyStaffTemplateAndLanguage")
    void everyStaffTemplateRendersEveryModelValueInBothLanguages(String template, Locale locale, StaffMailModel model) {
        String subject = template.equals("staff-zoom-reminder") ? "staff.reminder.subject" : "staff.connected.subject";

        EmailContent email = TEMPLATES.renderStaff(template, locale, model, subject, "staff@example.com");

        for (String body : List.of(email.text(), email.html())) {
            assertThat(body).doesNotContain(UNRESOLVED).contains("staff-name-value", "site-name-value");
            Stream.of(model.zoomUser(), model.linkUrl(), model.signInPath()).filter(value -> value != null)
                    .forEach(value -> assertThat(body).contains(value));
            if (model.provider() != null) {
                assertThat(body).contains(model.provider().equals("ZOOM") ? "Zoom"
                        : locale.equals(Locale.KOREAN) ? "본인의 화상 링크" : "Your own video link");
            }
        }
        assertThat(email.subject()).contains("site-name-value").doesNotContain(UNRESOLVED);
        assertThat(email.to()).isEqualTo("staff@example.com");
        assertThat(email.html()).contains("lang=\"" + locale.getLanguage() + "\"");
    }

    static Stream<Locale> languages() {
        return Stream.of(Locale.KOREAN, Locale.ENGLISH);
    }

    static Stream<Locale> otherLanguages() {
        return Stream.of(Locale.FRENCH, Locale.forLanguageTag("en-GB"), Locale.ROOT);
    }

    private static List<String> valuesOf(LinkView link) {
        List<String> values = new ArrayList<>();
        Stream.of(link.url(), link.password(), link.description(), link.elsewhereUrl())
                .filter(value -> value != null).forEach(values::add);
        return values;
    }

    private static String subjectOf(String template) {
        return switch (template) {
            case "booking-confirmation" -> "confirmation.subject";
            case "link-changed" -> "changed.subject";
            default -> "ready.subject";
        };
    }
}
