package com.videolinks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Package by feature, kept honest: no cycles, the rule engine knows no feature, internals stay internal. */
@AnalyzeClasses(packages = "com.videolinks", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featurePackagesDoNotDependOnEachOtherInCycles =
            slices().matching("com.videolinks.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theRuleEngineKnowsNoFeature = noClasses().that().resideInAPackage("com.videolinks.policy..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.videolinks.site..", "com.videolinks.staff..", "com.videolinks.catalog..",
                    "com.videolinks.session..", "com.videolinks.booking..", "com.videolinks.conferencing..",
                    "com.videolinks.links..", "com.videolinks.security..", "com.videolinks.demo..",
                    "com.videolinks.common..");

    @ArchTest
    static final ArchRule theRuleVocabularyIsPlainJava = classes().that().resideInAPackage("com.videolinks.policy.vocabulary..")
            .and().doNotHaveSimpleName("package-info") // names the package as the policy module's published interface
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.videolinks.policy.vocabulary..");

    @ArchTest
    static final ArchRule jdbcImplementationsStayInsideTheirFeature = classes().that().haveSimpleNameStartingWith("Jdbc")
            .should().notBePublic();

    /** #5: changes are announced as events; customer emails listen, so no feature calls into notification. */
    @ArchTest
    static final ArchRule theDomainAnnouncesChangesInsteadOfCallingNotifications = noClasses().that().resideInAnyPackage(
                    "com.videolinks.policy..", "com.videolinks.site..", "com.videolinks.staff..", "com.videolinks.catalog..",
                    "com.videolinks.session..", "com.videolinks.booking..", "com.videolinks.conferencing..",
                    "com.videolinks.links..", "com.videolinks.security..", "com.videolinks.common..",
                    "com.videolinks.mybookings..")
            .should().dependOnClassesThat().resideInAPackage("com.videolinks.notification..");

    @ArchTest
    static final ArchRule controllersStayInsideTheirFeature = classes().that().haveSimpleNameEndingWith("Controller")
            .should().notBePublic();
}
