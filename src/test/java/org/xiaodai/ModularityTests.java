package org.xiaodai;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** Module boundaries hold (no cycles, no access to another module's internals) and the module docs are current. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(XiaodaiApplication.class);
    static final Path DOCS = Path.of("target", "spring-modulith-docs");

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    /**
     * A module that lists nothing may depend on every other module's API; each one says what it
     * needs instead, so a new dependency is a visible change to its {@code package-info}. The
     * shared kernel is open and every module may use it; {@code calc} carries no Spring annotation
     * at all ({@code CalcPurityTest}), so its rule, no dependency on any module, is checked below.
     */
    @Test
    void everyModuleButTheSharedKernelAndCalcDeclaresItsAllowedDependencies() {
        MODULES.stream()
                .filter(module -> !List.of("shared", "calc").contains(module.getIdentifier().toString()))
                .forEach(module -> {
                    ApplicationModule declared = loadPackageInfo(module.getBasePackage().getName());
                    assertThat(declared).as("@ApplicationModule on %s", module.getBasePackage().getName()).isNotNull();
                    assertThat(declared.allowedDependencies())
                            .as("allowedDependencies of %s", module.getIdentifier())
                            .isNotEqualTo(new String[] {ApplicationModule.OPEN_TOKEN});
                });
    }

    @Test
    void theCalculationModuleDependsOnNoOtherModule() {
        assertThat(MODULES.getModuleByName("calc").orElseThrow().getDirectDependencies(MODULES).uniqueModules())
                .isEmpty();
    }

    @Test
    void writesModuleDocumentation() throws IOException {
        new Documenter(MODULES)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();

        String components = Files.readString(DOCS.resolve("components.puml"));
        MODULES.forEach(module -> {
            assertThat(components).as("components.puml").contains("\"" + module.getDisplayName() + "\"");
            assertThat(DOCS.resolve("module-" + module.getIdentifier() + ".puml")).isNotEmptyFile();
            assertThat(DOCS.resolve("module-" + module.getIdentifier() + ".adoc")).isNotEmptyFile();
        });
        assertThat(Files.readString(DOCS.resolve("module-eod.adoc")))
                .as("the eod canvas names the event it reacts to")
                .contains("o.x.i.InstitutionRegistered");
    }

    private static ApplicationModule loadPackageInfo(String packageName) {
        try {
            return Class.forName(packageName + ".package-info").getAnnotation(ApplicationModule.class);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
