package org.xiaodai;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** House rules that Modulith does not check: a Spring-free core, one source of time, hidden persistence. */
class ArchitectureTests {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.xiaodai");

    @Test
    void calculationAndDomainCodeUseNoSpring() {
        ArchRule rule = noClasses().that().resideInAnyPackage("org.xiaodai.calc..", "..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "jakarta.servlet..", "java.sql..", "javax.sql..")
                .allowEmptyShould(true);
        rule.check(MAIN);
    }

    @Test
    void calculationCodeDoesNoIo() {
        noClasses().that().resideInAPackage("org.xiaodai.calc..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.net..")
                .allowEmptyShould(true)
                .check(MAIN);
    }

    @Test
    void nobodyReadsTheWallClockButTheTimeProvider() {
        noClasses().that().resideOutsideOfPackage("org.xiaodai.shared.time..")
                .should().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(Instant.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(MAIN);
    }

    @Test
    void repositoriesAreNotPublic() {
        classes().that().haveSimpleNameEndingWith("Repository").or().resideInAPackage("..persistence..")
                .or().areAnnotatedWith(org.springframework.stereotype.Repository.class)
                .should().notBePublic()
                .allowEmptyShould(true)
                .check(MAIN);
    }

    @Test
    void storedRowsAreNotPublic() {
        classes().that().haveSimpleNameEndingWith("Row").or().haveSimpleNameEndingWith("Entity")
                .should().notBePublic()
                .allowEmptyShould(true)
                .check(MAIN);
    }

    @Test
    void domainNeverTouchesTheWebLayer() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAPackage("..web..")
                .allowEmptyShould(true)
                .check(MAIN);
    }
}
