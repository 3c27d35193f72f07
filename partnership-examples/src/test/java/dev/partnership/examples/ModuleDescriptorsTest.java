package dev.partnership.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tests run on the class path, so this test boots the library as real modules: core and metrics with their
 * dependencies in a {@link ModuleLayer}. It proves what the descriptors promise: only API and SPI packages are
 * exported, and the strategies are found through {@code provides ... with} without any
 * {@code META-INF/services} file being involved.
 */
class ModuleDescriptorsTest {
    private static ModuleLayer layer;

    /** The class-path entries that are the library's modules and their runtime dependencies. */
    private static List<Path> modulePath() {
        List<Path> paths = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            String normalized = entry.replace(File.separatorChar, '/');
            boolean library = (normalized.contains("partnership-core") || normalized.contains("partnership-metrics"))
                    && !normalized.contains("test-classes") && !name.endsWith("-tests.jar");
            boolean dependency = name.startsWith("jackson-core-") || name.startsWith("jackson-databind-")
                    || name.startsWith("jackson-annotations-") || name.startsWith("slf4j-api-")
                    || name.startsWith("commons-math3-") || name.startsWith("jackson-dataformat-csv-");
            if (library || dependency) {
                paths.add(Path.of(entry));
            }
        }
        return paths;
    }

    @BeforeAll
    static void bootLayer() {
        ModuleFinder finder = ModuleFinder.of(modulePath().toArray(Path[]::new));
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolveAndBind(finder, ModuleFinder.of(), Set.of("dev.partnership.metrics"));
        layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
    }

    private static Set<String> exports(String module) {
        ModuleDescriptor d = layer.findModule(module).orElseThrow().getDescriptor();
        return d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void coreExportsOnlyTheModelTheSpiAndTheFormats() {
        assertEquals(Set.of("dev.partnership", "dev.partnership.spi", "dev.partnership.io"), exports("dev.partnership.core"));
        Set<String> packages = layer.findModule("dev.partnership.core").orElseThrow().getPackages();
        assertTrue(packages.contains("dev.partnership.internal"), "the internal package exists but stays hidden");
    }

    @Test
    void metricsExportsItsStrategyPackages() {
        Set<String> exported = exports("dev.partnership.metrics");
        assertTrue(exported.containsAll(Set.of("dev.partnership.metrics.trust", "dev.partnership.metrics.network",
                "dev.partnership.metrics.alignment", "dev.partnership.metrics.impact",
                "dev.partnership.metrics.engagement", "dev.partnership.metrics.instrument",
                "dev.partnership.metrics.health")), exported::toString);
    }

    @Test
    void strategiesAreDiscoveredThroughTheModuleDescriptor() throws Exception {
        ClassLoader loader = layer.findLoader("dev.partnership.core");
        Class<?> spi = loader.loadClass("dev.partnership.spi.ScoringStrategyProvider");
        Set<String> ids = new TreeSet<>();
        for (Object provider : ServiceLoader.load(layer, spi)) {
            assertEquals("dev.partnership.metrics", provider.getClass().getModule().getName());
            ids.add((String) spi.getMethod("id").invoke(provider));
        }
        assertEquals(Set.of("beta-reputation", "subjective-logic", "rated-trust", "eigentrust", "network-structure",
                "collaboration-levels", "kendall-w", "priority-similarity", "rater-agreement", "goal-structure",
                "target-attainment", "goal-attainment-scaling", "effect-size", "difference-in-differences",
                "interrupted-time-series", "participation", "participation-equity", "resource-exchange",
                "communication-cadence", "collaboration-factors", "health-index"), ids);
    }
}
