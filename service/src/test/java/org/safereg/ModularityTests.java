package org.safereg;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.safereg.monitoring.DerivedReadings;
import org.springframework.modulith.core.ApplicationModules;

/** The boundaries the design promises, checked on the compiled classes. */
class ModularityTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.safereg");

    /** Every top-level package is a module; none reaches into another's internals, and no two need each other. */
    @Test
    void theFeaturesAreModulesWithoutCycles() {
        ApplicationModules.of(SafeRegApplication.class).verify();
    }

    @Test
    void noPackageCycleAnywhere() {
        slices().matching("org.safereg.(**)")
                .should()
                .beFreeOfCycles()
                .because("a cycle hides which feature is the floor and which the roof")
                .check(classes);
    }

    @Test
    void theFloorKnowsNoFeature() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.safereg.engine..", "org.safereg.system..", "org.safereg.rulesets..", "org.safereg.jobs..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.safereg.credit..",
                        "org.safereg.risk..",
                        "org.safereg.monitoring..",
                        "org.safereg.positioning..",
                        "org.safereg.hazards..",
                        "org.safereg.escalation..",
                        "org.safereg.tasks..",
                        "org.safereg.inspection..",
                        "org.safereg.impact..",
                        "org.safereg.province..")
                .because(
                        "engine, plumbing, long jobs and rule-set versions are what features stand on, never the reverse")
                .check(classes);
    }

    @Test
    void nothingStandsOnImpactSimulation() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.safereg.impact..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.safereg.impact..")
                .because("impact simulation sits above the features and asks each of them")
                .check(classes);
    }

    @Test
    void onlyTheEnginePackageTouchesKie() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.safereg.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.kie..", "org.drools..")
                .because("the rule engine sits behind one narrow interface (DESIGN.md, STYLE.md 4)")
                .check(classes);
    }

    @Test
    void theEngineKnowsNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("org.safereg.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.safereg.credit..", "org.safereg.province..", "org.safereg.rulesets..")
                .check(classes);
    }

    @Test
    void readModelsKnowNoFeature() {
        classes()
                .that()
                .resideInAPackage("org.safereg.readmodel..")
                .should()
                .onlyDependOnClassesThat(resideOutsideOfPackage("org.safereg..")
                        .or(resideInAnyPackage("org.safereg.readmodel..", "org.safereg.system..")))
                .because("credit and risk use the read model, never the reverse")
                .check(classes);
    }

    @Test
    void controllersNeverSeeMappers() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Controller")
                .should()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Mapper")
                .check(classes);
    }

    @Test
    void domainExceptionsAndFeaturesKnowNothingOfTheWebExceptInControllersAndSystem() {
        noClasses()
                .that()
                .resideInAnyPackage("org.safereg.engine..", "org.safereg.credit..")
                .and()
                .haveSimpleNameNotEndingWith("Controller")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void positioningReachesMonitoringOnlyThroughItsDerivedReadings() {
        noClasses()
                .that()
                .resideInAPackage("org.safereg.positioning..")
                .should()
                .dependOnClassesThat(
                        resideInAPackage("org.safereg.monitoring..").and(not(belongToAnyOf(DerivedReadings.class))))
                .because("mine areas feed the alarm pipeline through one door and see none of its internals")
                .check(classes);
    }
}
