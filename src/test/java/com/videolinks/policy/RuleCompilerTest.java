package com.videolinks.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.videolinks.policy.vocabulary.SiteFact;
import com.videolinks.policy.vocabulary.Plan;

/** A rule set that cannot work is rejected with file and line, before it can replace anything. */
class RuleCompilerTest {

    private static final String HEADER = """
            package videolinks.rules;
            import com.videolinks.policy.vocabulary.*;
            """;

    private final RuleCompiler compiler = new RuleCompiler();

    @Test
    void aSyntaxErrorIsReportedWithFileLineAndColumn(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("good.drl"), HEADER + """
                rule "Sites on the free plan are noted"
                when SiteFact( plan == Plan.FREE )
                then
                end
                """);
        Files.writeString(folder.resolve("broken.drl"), HEADER + """
                rule "A rule with a typo"
                when
                    SiteFact( plan === Plan.FREE )
                then
                end
                """);

        assertThatThrownBy(() -> compiler.compile(RulesFolder.read(folder), "t"))
                .isInstanceOfSatisfying(RuleSetRejectedException.class, e -> {
                    assertThat(e.problems()).isNotEmpty();
                    RuleProblem first = e.problems().get(0);
                    assertThat(first.file()).isEqualTo("broken.drl");
                    assertThat(first.line()).isEqualTo(5);
                    assertThat(first.describe()).startsWith("broken.drl:5");
                });
    }

    @Test
    void aConstraintOnAFieldTheVocabularyLacksIsReportedWithItsFile(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("unknown-field.drl"), HEADER + """
                rule "A rule about a field that does not exist"
                when
                    SiteFact( tier == "gold" )
                then
                end
                """);

        assertThatThrownBy(() -> compiler.compile(RulesFolder.read(folder), "t"))
                .isInstanceOfSatisfying(RuleSetRejectedException.class,
                        e -> assertThat(e.getMessage()).contains("unknown-field.drl:5:15").contains("tier"));
    }

    @Test
    void anErrorInAConsequenceNamesTheFileAndRule(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("bad-then.drl"), HEADER + """
                rule "A rule whose consequence calls what does not exist"
                when
                    $site : SiteFact()
                then
                    $site.launchRocket();
                end
                """);

        assertThatThrownBy(() -> compiler.compile(RulesFolder.read(folder), "t"))
                .isInstanceOfSatisfying(RuleSetRejectedException.class,
                        e -> assertThat(e.getMessage()).contains("bad-then.drl:7").contains("launchRocket").doesNotContain("Java source"));
    }

    @Test
    void anEmptyOrMissingFolderIsRejected(@TempDir Path folder) {
        assertThatThrownBy(() -> RulesFolder.read(folder)).isInstanceOf(RuleSetRejectedException.class)
                .hasMessageContaining("no .drl file");
        assertThatThrownBy(() -> RulesFolder.read(folder.resolve("nope"))).isInstanceOf(RuleSetRejectedException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void binaryAndOversizedFilesAreRejectedBeforeCompiling(@TempDir Path folder) throws IOException {
        Files.write(folder.resolve("junk.drl"), new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2});
        Files.writeString(folder.resolve("huge.drl"), "x".repeat((int) RulesFolder.MAX_FILE_BYTES + 1));

        assertThatThrownBy(() -> RulesFolder.read(folder))
                .isInstanceOfSatisfying(RuleSetRejectedException.class, e -> assertThat(e.problems())
                        .extracting(RuleProblem::file).containsExactlyInAnyOrder("huge.drl", "junk.drl"));
    }

    @Test
    void aRuleThatRetriggersItselfIsStoppedByTheFireLimit(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("loop.drl"), HEADER + """
                rule "A rule that matches the conclusion it draws, forever"
                when
                    $site : SiteFact()
                    $hidden : LinkHidden()
                then
                    insert( new LinkHidden( $hidden.channel(), "again", drools.getRule().getName() ) );
                end

                rule "A rule that draws the first conclusion"
                when
                    SiteFact()
                then
                    insert( new LinkHidden( Channel.MY_BOOKINGS, "first", drools.getRule().getName() ) );
                end
                """);
        CompiledRules rules = compiler.compile(RulesFolder.read(folder), "loop");

        assertThatThrownBy(() -> rules.evaluate(List.of(new SiteFact(1, Plan.FREE, false, true, true, true))))
                .isInstanceOf(RuleLoopException.class).hasMessageContaining("re-triggers");
    }

    @Test
    void aFileIsBuiltOnceWhileItsTextStaysTheSameAndNoModuleStaysInTheKieRepository(@TempDir Path folder)
            throws IOException {
        Files.writeString(folder.resolve("one.drl"), HEADER + """
                rule "Free sites are seen"
                when SiteFact( plan == Plan.FREE )
                then
                end
                """);
        Files.writeString(folder.resolve("two.drl"), HEADER + """
                rule "Business sites are seen"
                when SiteFact( plan == Plan.BUSINESS )
                then
                end
                """);
        CompiledRules first = compiler.compile(RulesFolder.read(folder), "1");
        CompiledRules again = compiler.compile(RulesFolder.read(folder), "2");
        Files.writeString(folder.resolve("two.drl"), HEADER + """
                rule "Business sites are noticed"
                when SiteFact( plan == Plan.BUSINESS )
                then
                end
                """);
        CompiledRules changed = compiler.compile(RulesFolder.read(folder), "3");

        assertThat(first.ruleNames()).containsExactlyInAnyOrder("Free sites are seen", "Business sites are seen");
        assertThat(first.modules()).hasSize(2).doesNotHaveDuplicates();
        assertThat(again.hash()).isEqualTo(first.hash());
        assertThat(again.modules()).isEqualTo(first.modules());
        assertThat(changed.ruleNames()).containsExactlyInAnyOrder("Free sites are seen", "Business sites are noticed");
        assertThat(changed.modules().get(0)).isEqualTo(first.modules().get(0));
        assertThat(changed.modules().get(1)).isNotIn(first.modules());
        var repository = org.kie.api.KieServices.Factory.get().getRepository();
        for (var module : changed.modules()) {
            assertThat(repository.getKieModule(module)).isNull();
        }
        // each version is a KieBase of its own: the changed one answers with its own rules, the first with its own
        SiteFact business = new SiteFact(1, Plan.BUSINESS, false, true, true, true);
        assertThat(firedRules(changed, business)).containsExactly("Business sites are noticed");
        assertThat(firedRules(first, business)).containsExactly("Business sites are seen");
    }

    @Test
    void twoFilesNamingARuleAlikeInOnePackageAreRejectedNamingBoth(@TempDir Path folder) throws IOException {
        String rule = """
                rule "Free sites are seen"
                when SiteFact( plan == Plan.FREE )
                then
                end
                """;
        Files.writeString(folder.resolve("one.drl"), HEADER + rule);
        Files.writeString(folder.resolve("two.drl"), HEADER + rule);

        assertThatThrownBy(() -> compiler.compile(RulesFolder.read(folder), "dup"))
                .isInstanceOf(RuleSetRejectedException.class)
                .satisfies(e -> assertThat(((RuleSetRejectedException) e).problems())
                        .extracting(RuleProblem::describe)
                        .anySatisfy(problem -> assertThat(problem).contains("two.drl")
                                .contains("\"Free sites are seen\" is also defined in one.drl")));
    }

    private static List<String> firedRules(CompiledRules rules, Object... facts) {
        List<String> fired = new java.util.ArrayList<>();
        rules.evaluate(List.of(facts), new org.kie.api.event.rule.DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(org.kie.api.event.rule.AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        });
        return fired;
    }
}
