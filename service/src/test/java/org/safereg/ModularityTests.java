package org.safereg;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.safereg.monitoring.DerivedReadings;

/** The boundaries the design promises, checked on the compiled classes. */
class ModularityTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.safereg");

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
