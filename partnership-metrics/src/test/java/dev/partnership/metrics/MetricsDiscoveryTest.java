package dev.partnership.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.partnership.StrategyCatalog;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The module's service registration lists every strategy it provides, and nothing else. */
class MetricsDiscoveryTest {

    @Test
    void discoveryFindsExactlyTheModulesStrategies() {
        assertEquals(new TreeSet<>(ScoringStrategyContractTest.MODULE_STRATEGY_IDS),
                new TreeSet<>(StrategyCatalog.discover().ids()));
    }

    @Test
    void everyDiscoveredProviderNamesItsOwnId() {
        Set<String> seen = new TreeSet<>();
        StrategyCatalog.discover().providers().forEach(p -> seen.add(p.id()));
        assertEquals(StrategyCatalog.discover().ids(), seen);
    }
}
