package com.videolinks.policy.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.videolinks.policy.vocabulary.AccountFact;
import com.videolinks.policy.vocabulary.AccountRole;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.ManualLink;
import com.videolinks.policy.vocabulary.Plan;
import com.videolinks.policy.vocabulary.Provider;
import com.videolinks.policy.vocabulary.ServiceKind;
import com.videolinks.policy.vocabulary.SessionFact;
import com.videolinks.policy.vocabulary.SessionFacts;
import com.videolinks.policy.vocabulary.SiteFact;
import com.videolinks.policy.vocabulary.StaffConnectRequest;

class ScenarioLoaderTest {

    private static final String MINIMAL = """
            scenarios:
              - name: "a class"
                given:
                  session: { kind: CLASS }
                ask: { channel: MY_BOOKINGS }
                expect: { status: NONE }
            """;

    @Test
    void unwrittenFactsTakeTheDocumentedDefaults() {
        Scenario scenario = only(ScenarioLoader.load("minimal.yaml", MINIMAL));

        Question.OnChannel question = (Question.OnChannel) scenario.question();
        assertThat(question.channel()).isEqualTo(Channel.MY_BOOKINGS);
        assertThat(question.facts()).isEqualTo(new SessionFacts(
                new SiteFact(1, Plan.BUSINESS, true, true, true, true),
                new SessionFact(10, 20, ServiceKind.CLASS, true, null, ManualLink.NONE, null),
                null, null, null, null));
        assertThat(scenario.file()).isEqualTo("minimal.yaml");
        assertThat(scenario.line()).isEqualTo(2);
    }

    @Test
    void accountsGetTheirRoleIdsAndTheSessionsStaffMember() {
        Scenario scenario = only(ScenarioLoader.load("accounts.yaml", """
                scenarios:
                  - name: "accounts"
                    given:
                      defaultAccount: { provider: CUSTOM_LINK, link: "https://meet.example.com/a" }
                      staffAccount: { provider: ZOOM, connected: false }
                      session: { kind: ONE_ON_ONE, staffId: 3 }
                      meeting: { accountId: 200, link: { url: "https://zoom.us/j/1", password: "pw" } }
                    ask: { channel: CONFIRMATION_EMAIL }
                    expect: { status: PENDING }
                """));

        SessionFacts facts = ((Question.OnChannel) scenario.question()).facts();
        assertThat(facts.defaultAccount()).isEqualTo(new AccountFact(100, AccountRole.SITE_DEFAULT, null,
                Provider.CUSTOM_LINK, true, new Link("https://meet.example.com/a", null, null)));
        assertThat(facts.staffAccount()).isEqualTo(new AccountFact(200, AccountRole.STAFF, 3L, Provider.ZOOM, false, null));
        assertThat(facts.meeting().sessionId()).isEqualTo(10);
        assertThat(facts.meeting().link()).isEqualTo(new Link("https://zoom.us/j/1", "pw", null));
    }

    @Test
    void aLinkWrittenOnASessionMeansStaffAddedIt() {
        Scenario scenario = only(ScenarioLoader.load("manual.yaml", """
                scenarios:
                  - name: "added"
                    given:
                      session: { kind: CLASS, online: false, manualLinkValue: "https://meet.example.com/m" }
                    ask: { channel: MY_BOOKINGS }
                    expect: { status: SHOWN }
                """));

        SessionFact session = ((Question.OnChannel) scenario.question()).facts().session();
        assertThat(session.manualLink()).isEqualTo(ManualLink.ADDED);
        assertThat(session.manualLinkValue()).isEqualTo(new Link("https://meet.example.com/m", null, null));
    }

    @Test
    void aStaffConnectQuestionSeesOnlyTheSiteAndTheDefaultAccount() {
        Scenario scenario = only(ScenarioLoader.load("connect.yaml", """
                scenarios:
                  - name: "connect"
                    given:
                      site: { staffSelfService: false }
                    ask: { staffConnect: { staffId: 3, bySelf: true } }
                    expect: { allowed: false, refusals: [SELF_SERVICE_NOT_AVAILABLE] }
                """));

        Question.StaffConnect question = (Question.StaffConnect) scenario.question();
        assertThat(question.site().staffSelfService()).isFalse();
        assertThat(question.defaultAccount()).isNull();
        assertThat(question.request()).isEqualTo(new StaffConnectRequest(3, true));
    }

    @Test
    void anUnknownKeyIsAnErrorNamingTheFileTheScenarioAndTheKey() {
        LoadedScenarios loaded = ScenarioLoader.load("typo.yaml", """
                scenarios:
                  - name: "typo"
                    given:
                      session: { kind: CLASS, stafId: 3 }
                    ask: { channel: MY_BOOKINGS }
                    expect: { status: NONE }
                """);

        assertThat(loaded.scenarios()).isEmpty();
        assertThat(loaded.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo("typo.yaml");
            assertThat(error.scenario()).isEqualTo("typo");
            assertThat(error.line()).isEqualTo(2);
            assertThat(error.message()).contains("unknown key 'given.session.stafId'").contains("staffId");
            assertThat(error.describe()).startsWith("typo.yaml:2: scenario \"typo\": unknown key");
        });
    }

    @Test
    void anUnknownKeyInsideALinkIsAnErrorToo() {
        assertThat(errorOf("link.yaml", """
                scenarios:
                  - name: "link typo"
                    given:
                      defaultAccount: { provider: CUSTOM_LINK, link: { url: "https://meet.example.com/a", pasword: "pw" } }
                      session: { kind: CLASS }
                    ask: { channel: MY_BOOKINGS }
                    expect: { status: SHOWN }
                """)).startsWith("unknown key 'given.defaultAccount.link.pasword'; allowed here: description, password, url");
    }

    @Test
    void anUnknownTopLevelKeyIsAnError() {
        assertThat(errorOf("top.yaml", "scenario:\n  - name: a\n")).contains("unknown key 'scenario'");
    }

    @Test
    void aMissingRequiredKeyIsAnErrorNamingIt() {
        assertThat(errorOf("no-kind.yaml", """
                scenarios:
                  - name: "no kind"
                    given: { session: { staffId: 3 } }
                    ask: { channel: MY_BOOKINGS }
                    expect: { status: NONE }
                """)).isEqualTo("missing key 'given.session.kind' (ONE_ON_ONE, CLASS or COURSE)");
        assertThat(errorOf("no-ask.yaml", """
                scenarios:
                  - name: "no ask"
                    given: { session: { kind: CLASS } }
                    expect: { status: NONE }
                """)).startsWith("missing key 'ask'");
        assertThat(errorOf("no-name.yaml", """
                scenarios:
                  - given: { session: { kind: CLASS } }
                    ask: { channel: MY_BOOKINGS }
                    expect: { status: NONE }
                """)).isEqualTo("missing key 'name'");
        assertThat(errorOf("no-provider.yaml", """
                scenarios:
                  - name: "no provider"
                    given: { defaultAccount: { connected: true }, session: { kind: CLASS } }
                    ask: { channel: MY_BOOKINGS }
                    expect: { status: NONE }
                """)).startsWith("missing key 'given.defaultAccount.provider'");
        assertThat(errorOf("no-by-self.yaml", """
                scenarios:
                  - name: "no bySelf"
                    ask: { staffConnect: { staffId: 3 } }
                    expect: { allowed: true }
                """)).startsWith("missing key 'ask.staffConnect.bySelf'");
    }

    @Test
    void aValueOutsideTheVocabularyListsTheAllowedValues() {
        assertThat(errorOf("plan.yaml", """
                scenarios:
                  - name: "premium"
                    given: { site: { plan: PREMIUM }, session: { kind: CLASS } }
                    ask: { channel: MY_BOOKINGS }
                    expect: { status: NONE }
                """)).isEqualTo("'given.site.plan': 'PREMIUM' is not one of FREE, BASIC, UNLIMITED, BUSINESS, ECOMMERCE");
    }

    @Test
    void aKeyTheQuestionDoesNotUseIsAnErrorRatherThanIgnored() {
        assertThat(errorOf("connect.yaml", """
                scenarios:
                  - name: "session on a connect question"
                    given: { session: { kind: CLASS } }
                    ask: { staffConnect: { bySelf: true } }
                    expect: { allowed: true }
                """)).contains("'given.session' is not used by a staffConnect question");
        assertThat(errorOf("channel.yaml", """
                scenarios:
                  - name: "allowed on a channel question"
                    given: { session: { kind: CLASS } }
                    ask: { channel: MY_BOOKINGS }
                    expect: { allowed: true }
                """)).contains("'expect.allowed' belongs to a staffConnect question");
        assertThat(errorOf("both.yaml", """
                scenarios:
                  - name: "two questions"
                    given: { session: { kind: CLASS } }
                    ask: { channel: MY_BOOKINGS, staffConnect: { bySelf: true } }
                    expect: { status: NONE }
                """)).contains("exactly one of 'channel' or 'staffConnect'");
    }

    @Test
    void aScenarioThatChecksNothingIsAnError() {
        assertThat(errorOf("empty.yaml", """
                scenarios:
                  - name: "checks nothing"
                    given: { session: { kind: CLASS } }
                    ask: { channel: MY_BOOKINGS }
                """)).contains("checks nothing");
    }

    @Test
    void aDuplicatedKeyIsAnErrorNotSilentlyOverwritten() {
        LoadedScenarios loaded = ScenarioLoader.load("dup.yaml", """
                scenarios:
                  - name: "dup"
                    given: { session: { kind: CLASS, kind: COURSE } }
                    ask: { channel: MY_BOOKINGS }
                    expect: { status: NONE }
                """);

        assertThat(loaded.scenarios()).isEmpty();
        assertThat(loaded.errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("Duplicate field 'kind'"));
    }

    @Test
    void invalidYamlIsReportedWithItsLine() {
        LoadedScenarios loaded = ScenarioLoader.load("broken.yaml", "scenarios:\n  - name: \"unclosed\n");

        assertThat(loaded.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(2);
            assertThat(error.message()).startsWith("not valid YAML: while scanning a quoted scalar");
        });
    }

    @Test
    void anEmptyFileIsAnError() {
        assertThat(errorOf("empty.yaml", "")).contains("starts with 'scenarios:'");
        assertThat(errorOf("empty-list.yaml", "scenarios: []\n")).isEqualTo("'scenarios' is empty");
    }

    @Test
    void theOtherScenariosOfAFileStillLoadWhenOneIsWrong() {
        LoadedScenarios loaded = ScenarioLoader.load("mixed.yaml", MINIMAL + """
                  - name: "wrong"
                    given: { session: { kind: SEMINAR } }
                    ask: { channel: MY_BOOKINGS }
                    expect: { status: NONE }
                """);

        assertThat(loaded.scenarios()).extracting(Scenario::name).containsExactly("a class");
        assertThat(loaded.errors()).extracting(ScenarioError::scenario).containsExactly("wrong");
    }

    @Test
    void aScenarioNameUsedTwiceIsAnError() {
        LoadedScenarios loaded = ScenarioLoader.load(Map.of("a.yaml", MINIMAL, "b.yaml", MINIMAL));

        assertThat(loaded.scenarios()).extracting(Scenario::file).containsExactly("a.yaml");
        assertThat(loaded.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo("b.yaml");
            assertThat(error.message()).contains("already used by the scenario at a.yaml:2");
        });
    }

    @Test
    void aFolderIsReadFileByFileInNameOrder(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("b.yaml"), MINIMAL.replace("a class", "second"));
        Files.createDirectories(folder.resolve("sub"));
        Files.writeString(folder.resolve("sub/c.yml"), MINIMAL.replace("a class", "third"));
        Files.writeString(folder.resolve("a.yaml"), MINIMAL.replace("a class", "first"));
        Files.writeString(folder.resolve("README.md"), "not a scenario file");

        LoadedScenarios loaded = ScenarioLoader.load(folder);

        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.scenarios()).extracting(Scenario::file).containsExactly("a.yaml", "b.yaml", "sub/c.yml");
    }

    @Test
    void aMissingOrEmptyTestsFolderIsAnError(@TempDir Path folder) {
        assertThat(ScenarioLoader.load(folder.resolve("missing")).errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("does not exist"));
        assertThat(ScenarioLoader.load(folder).errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("holds no .yaml scenario file"));
    }

    private static Scenario only(LoadedScenarios loaded) {
        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.scenarios()).hasSize(1);
        return loaded.scenarios().get(0);
    }

    private static String errorOf(String file, String yaml) {
        LoadedScenarios loaded = ScenarioLoader.load(file, yaml);
        assertThat(loaded.scenarios()).isEmpty();
        assertThat(loaded.errors()).hasSize(1);
        return loaded.errors().get(0).message();
    }
}
