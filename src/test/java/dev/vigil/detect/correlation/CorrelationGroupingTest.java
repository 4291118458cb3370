package dev.vigil.detect.correlation;

import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.vigil.detect.correlation.CorrelationFixture.engine;
import static dev.vigil.detect.correlation.CorrelationFixture.offerAll;
import static dev.vigil.detect.correlation.CorrelationFixture.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which matches share a window: equal group-by values, the same tenant, aliases per referenced rule. */
class CorrelationGroupingTest {

    private static final String TWO_BY_USER_AND_HOST = CorrelationFixture.TWO_FAILURES;

    private final CorrelationFixture fixture = new CorrelationFixture();

    @Test
    void matchesWithDifferentGroupByValuesDoNotMix() throws Exception {
        CorrelationEngine engine = engine(TWO_BY_USER_AND_HOST);
        assertEquals(List.of(), offerAll(engine,
                fixture.match("failed_login", seconds(0), "User", "ann", "Computer", "pc1"),
                fixture.match("failed_login", seconds(1), "User", "bob", "Computer", "pc1"),
                fixture.match("failed_login", seconds(2), "User", "ann", "Computer", "pc2")));
        assertEquals(List.of("Two failures {User=bob, Computer=pc1}"), offerAll(engine,
                fixture.match("failed_login", seconds(3), "User", "bob", "Computer", "pc1")));
    }

    @Test
    void aMatchLackingAGroupByFieldTakesNoPartAndIsCounted() throws Exception {
        CorrelationEngine engine = engine(TWO_BY_USER_AND_HOST);
        assertEquals(List.of(), offerAll(engine,
                fixture.match("failed_login", seconds(0), "User", "ann", "Computer", "pc1"),
                fixture.match("failed_login", seconds(1), "User", "ann"),
                fixture.match("failed_login", seconds(2), "User", "ann", "Computer", "")));
        assertEquals(2, engine.stats().ungroupedMatches());
    }

    @Test
    void matchesOfDifferentTenantsNeverCorrelate() throws Exception {
        CorrelationEngine engine = engine(TWO_BY_USER_AND_HOST);
        assertEquals(List.of(), offerAll(engine,
                fixture.match(TenantId.of("acme"), "failed_login", seconds(0), "User", "ann", "Computer", "pc1"),
                fixture.match(TenantId.of("globex"), "failed_login", seconds(1), "User", "ann", "Computer", "pc1")));
        List<CorrelationFiring> fired = engine.offer(fixture.match(TenantId.of("globex"), "failed_login", seconds(2), "User", "ann", "Computer", "pc1"));
        assertEquals(1, fired.size());
        assertEquals(TenantId.of("globex"), fired.getFirst().tenant());
        assertEquals(2, fired.getFirst().eventIds().size());
    }

    @Test
    void oneTenantsEventTimeDoesNotCloseAnotherTenantsWindows() throws Exception {
        CorrelationEngine engine = engine(TWO_BY_USER_AND_HOST.replace("gte: 2", "lt: 5"));
        offerAll(engine, fixture.match(TenantId.of("acme"), "failed_login", seconds(0), "User", "ann", "Computer", "pc1"));
        assertEquals(List.of(), offerAll(engine,
                fixture.match(TenantId.of("globex"), "failed_login", seconds(7200), "User", "ann", "Computer", "pc1")));
        assertEquals(List.of("Two failures {User=ann, Computer=pc1}"), offerAll(engine,
                fixture.match(TenantId.of("acme"), "failed_login", seconds(7200), "User", "zed", "Computer", "pc9")));
    }

    @Test
    void anAliasReadsADifferentFieldForEachReferencedRule() throws Exception {
        CorrelationEngine engine = engine("""
                title: Logon then share access
                correlation:
                    type: temporal_ordered
                    rules: [logon, share_access]
                    group-by: [account]
                    timespan: 5m
                    aliases:
                        account:
                            logon: TargetUserName
                            share_access: SubjectUserName
                """);
        assertEquals(List.of(), offerAll(engine,
                fixture.match("logon", seconds(0), "TargetUserName", "ann", "SubjectUserName", "SYSTEM"),
                fixture.match("share_access", seconds(5), "TargetUserName", "ann", "SubjectUserName", "bob")));
        assertEquals(List.of("Logon then share access {account=ann}"), offerAll(engine,
                fixture.match("share_access", seconds(9), "TargetUserName", "x", "SubjectUserName", "ann")));
    }

    @Test
    void anEmptyGroupByPutsAllOfATenantsMatchesInOneGroup() throws Exception {
        CorrelationEngine engine = engine(TWO_BY_USER_AND_HOST.replace("[User, Computer]", "[]"));
        assertEquals(List.of("Two failures {}"), offerAll(engine,
                fixture.match("failed_login", seconds(0), "User", "ann"),
                fixture.match("failed_login", seconds(1), "User", "bob")));
    }
}
