package dev.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.spi.ScoringStrategyProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * Discovery is tested through class loaders over {@code discovery/<case>/} in the test resources rather than a
 * {@code META-INF/services} file at the root of the test classpath: core's test-jar is on other modules' test
 * class paths, where a root-level file would add these test providers to every discovered catalog.
 */
class StrategyCatalogTest {

    private static StrategyCatalog discoverIn(String dir) throws IOException {
        URL root = StrategyCatalogTest.class.getClassLoader().getResource("discovery/" + dir + "/");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root}, StrategyCatalogTest.class.getClassLoader())) {
            return StrategyCatalog.discover(ServiceLoader.load(ScoringStrategyProvider.class, loader));
        }
    }

    @Test
    void discoversAProviderListedInMetaInfServices() throws IOException {
        StrategyCatalog catalog = discoverIn("ok");
        assertEquals(List.of("discoverable"), List.copyOf(catalog.ids()));
        assertInstanceOf(TestStrategies.DiscoverableProvider.class, catalog.provider("discoverable").orElseThrow());
    }

    @Test
    void skipsAProviderThatFailsToLoadAndKeepsTheOthers() throws IOException {
        StrategyCatalog catalog = discoverIn("broken");
        assertEquals(List.of("discoverable"), List.copyOf(catalog.ids()));
        assertEquals(List.of("discoverable"), List.copyOf(discoverIn("broken").ids()), "and again, logged only once");
    }

    @Test
    void duplicateIdsInDiscoveryNameBothClasses() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> discoverIn("duplicate"));
        assertEquals("two scoring strategy providers use the id 'signal-count': "
                + "dev.partnership.TestStrategies$SignalCountProvider and "
                + "dev.partnership.TestStrategies$ImpostorSignalCountProvider", e.getMessage());
    }

    @Test
    void duplicateIdsInExplicitRegistrationNameBothClasses() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> StrategyCatalog.of(
                List.of(new TestStrategies.ImpostorSignalCountProvider(), new TestStrategies.SignalCountProvider())));
        assertTrue(e.getMessage().contains("TestStrategies$ImpostorSignalCountProvider and dev.partnership.TestStrategies$SignalCountProvider"),
                e.getMessage());
        assertThrows(IllegalStateException.class, () -> StrategyCatalog.of(List.of(new TestStrategies.SignalCountProvider()))
                .with(List.of(new TestStrategies.ImpostorSignalCountProvider())));
    }

    @Test
    void providersAreKeptInIdOrderAndTheSameClassTwiceIsOneProvider() {
        StrategyCatalog c = StrategyCatalog.of(List.of(new TestStrategies.ThinProvider(), new TestStrategies.SignalCountProvider(),
                new TestStrategies.PairTrustProvider(), new TestStrategies.SignalCountProvider()));
        assertEquals(List.of("always-thin", "pair-trust", "signal-count"), List.copyOf(c.ids()));
        assertEquals(List.of("always-thin", "pair-trust", "signal-count"),
                c.providers().stream().map(ScoringStrategyProvider::id).toList());
        assertEquals(Optional.empty(), c.provider("nope"));
        StrategyCatalog more = c.with(List.of(new TestStrategies.BrokenProvider()));
        assertEquals(List.of("always-thin", "broken", "pair-trust", "signal-count"), List.copyOf(more.ids()));
        assertEquals(3, c.ids().size(), "with() leaves the original alone");
    }

    @Test
    void publicDiscoveryFindsNothingInCoreAlone() {
        // Core ships no strategies; the metrics module provides them.
        assertEquals(List.of(), List.copyOf(StrategyCatalog.discover().ids()));
    }
}
