package dev.vigil.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.vigil.tenancy.CrossTenant;
import dev.vigil.tenancy.TenantId;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The invariants of DESIGN.md that the compiler cannot check, checked on the compiled classes. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("dev.vigil");
    }

    @Test
    void onlyTheStoreTouchesLuceneIndexesSearchersAndWriters() {
        noClasses().that().resideOutsideOfPackage("dev.vigil.store..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.apache.lucene.index..", "org.apache.lucene.search..", "org.apache.lucene.store..",
                        "org.apache.lucene.document..", "org.apache.lucene.queryparser..")
                .because("the store is the only code that reads or writes events, so tenant scoping lives in one place")
                .check(classes);
    }

    @Test
    void everyRepositoryQueryTakesATenantUnlessDeclaredCrossTenant() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(JdbcRepository.class)
                .and(new DescribedPredicate<JavaMethod>("read or delete data") {
                    @Override
                    public boolean test(JavaMethod m) {
                        String n = m.getName();
                        return !(n.equals("save") || n.equals("update") || n.equals("saveAll") || n.equals("updateAll"));
                    }
                })
                .should(takeATenantOrDeclareWhyNot())
                .check(classes);
    }

    @Test
    void crossTenantAccessIsConfinedToTenancyAndFleet() {
        methods().that().areAnnotatedWith(CrossTenant.class)
                .should().beDeclaredInClassesThat().resideInAnyPackage("dev.vigil.tenancy..", "dev.vigil.fleet..")
                .because("only the tenant registry, token authentication and the fleet may read across tenants")
                .check(classes);
    }

    @Test
    void sigmaRuleEvaluationIsPureLogic() {
        noClasses().that().resideInAnyPackage("dev.vigil.detect.sigma..", "dev.vigil.detect.correlation..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "java.sql..", "java.nio.file..",
                        "java.nio.channels..", "org.apache.lucene..", "dev.vigil.store..", "dev.vigil.ingest..")
                .because("rule evaluation is pure logic, unit-tested without a server, files or sockets")
                .check(classes);
    }

    @Test
    void capabilitiesDoNotReachIntoTheUserInterfaces() {
        noClasses().that().resideInAnyPackage("dev.vigil.store..", "dev.vigil.ingest..", "dev.vigil.connectors..",
                        "dev.vigil.tenancy..", "dev.vigil.audit..", "dev.vigil.event..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.vigil.cli..", "dev.vigil.console..")
                .check(classes);
    }

    private static ArchCondition<JavaMethod> takeATenantOrDeclareWhyNot() {
        Set<String> tenantTypes = Set.of(TenantId.class.getName());
        return new ArchCondition<>("take a TenantId parameter or be annotated @CrossTenant") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean hasTenant = method.getRawParameterTypes().stream()
                        .anyMatch(p -> tenantTypes.contains(p.getName()));
                boolean declared = method.isAnnotatedWith(CrossTenant.class);
                if (!hasTenant && !declared) {
                    events.add(SimpleConditionEvent.violated(method,
                            method.getFullName() + " reads tenant data without a TenantId parameter"));
                }
            }
        };
    }
}
