package dev.partnership;

import dev.partnership.spi.ScoringStrategyProvider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scoring strategy providers available to an {@link Evaluator}, by id.
 *
 * <p>{@link #discover()} finds providers with {@link ServiceLoader}; a provider that fails to load is skipped and
 * logged once per JVM at WARN. Two providers with the same id are an error naming both classes. Immutable and
 * thread-safe.
 */
public final class StrategyCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(StrategyCatalog.class);
    private static final Set<String> REPORTED_FAILURES = ConcurrentHashMap.newKeySet();

    private final Map<String, ScoringStrategyProvider> byId;

    private StrategyCatalog(Map<String, ScoringStrategyProvider> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /**
     * Returns a catalog of the given providers.
     *
     * @param providers the providers
     * @return the catalog
     * @throws IllegalStateException when two providers share an id
     */
    public static StrategyCatalog of(Collection<? extends ScoringStrategyProvider> providers) {
        Map<String, ScoringStrategyProvider> byId = new TreeMap<>();
        for (ScoringStrategyProvider p : providers) {
            add(byId, p);
        }
        return new StrategyCatalog(byId);
    }

    /**
     * Discovers the providers visible to this library's class loader (or module layer) with
     * {@link ServiceLoader}. Cost: one class load per provider, on each call.
     *
     * @return the catalog
     * @throws IllegalStateException when two providers share an id
     */
    public static StrategyCatalog discover() {
        return discover(ServiceLoader.load(ScoringStrategyProvider.class, StrategyCatalog.class.getClassLoader()));
    }

    static StrategyCatalog discover(ServiceLoader<ScoringStrategyProvider> loader) {
        Map<String, ScoringStrategyProvider> byId = new TreeMap<>();
        Iterator<ScoringStrategyProvider> it = loader.iterator();
        while (true) {
            ScoringStrategyProvider p;
            try {
                if (!it.hasNext()) {
                    break;
                }
                p = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                String message = e.getMessage();
                if (REPORTED_FAILURES.add(String.valueOf(message))) {
                    LOG.warn("skipping a scoring strategy provider that failed to load: {}", message, e);
                }
                continue;
            }
            add(byId, p);
        }
        return new StrategyCatalog(byId);
    }

    private static void add(Map<String, ScoringStrategyProvider> byId, ScoringStrategyProvider p) {
        ScoringStrategyProvider previous = byId.putIfAbsent(p.id(), p);
        if (previous != null && previous.getClass() != p.getClass()) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "two scoring strategy providers use the id '%s': %s and %s",
                    p.id(), previous.getClass().getName(), p.getClass().getName()));
        }
    }

    /**
     * Returns a catalog holding this one's providers and {@code more}.
     *
     * @param more further providers
     * @return the combined catalog
     * @throws IllegalStateException when an id is taken by another provider class
     */
    public StrategyCatalog with(Collection<? extends ScoringStrategyProvider> more) {
        List<ScoringStrategyProvider> all = new ArrayList<>(byId.values());
        all.addAll(more);
        return of(all);
    }

    /**
     * Returns the providers in id order.
     *
     * @return the providers
     */
    public List<ScoringStrategyProvider> providers() {
        return List.copyOf(byId.values());
    }

    /**
     * Returns the provider with the given id.
     *
     * @param id strategy id
     * @return the provider, or empty
     */
    public Optional<ScoringStrategyProvider> provider(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * Returns the ids in order.
     *
     * @return the ids
     */
    public Set<String> ids() {
        return byId.keySet();
    }
}
