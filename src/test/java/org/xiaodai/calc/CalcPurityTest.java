package org.xiaodai.calc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The calculation module stays pure: no Spring, no I/O, no clock, no binary floating point. */
class CalcPurityTest {

    private final JavaClasses calc = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.xiaodai.calc");

    @Test
    void dependsOnNoFrameworkAndNoIo() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "tools.jackson..",
                "com.fasterxml..", "java.io..", "java.nio..", "java.sql..", "java.net..").check(calc);
    }

    @Test
    void neverReadsTheClock() {
        noClasses().should().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(calc);
    }

    @Test
    void neverParsesMoneyFromDoubles() {
        noClasses().should().callMethod(java.math.BigDecimal.class, "valueOf", double.class)
                .orShould().callConstructor(java.math.BigDecimal.class, double.class)
                .check(calc);
    }
}
