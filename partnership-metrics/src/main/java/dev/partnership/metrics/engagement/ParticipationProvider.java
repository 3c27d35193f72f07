package dev.partnership.metrics.engagement;

import dev.partnership.Dimension;
import dev.partnership.spi.ParameterSpec;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import java.util.List;

/**
 * Provides {@link Participation} ({@code participation}) with the parameters {@code activeWindowDays} (NUMBER,
 * default {@value Participation#DEFAULT_ACTIVE_WINDOW_DAYS}) and {@code minActiveSignals} (INTEGER, default
 * {@value Participation#DEFAULT_MIN_ACTIVE_SIGNALS}).
 *
 * <p>Stateless and thread-safe; found by {@link java.util.ServiceLoader}.
 */
public final class ParticipationProvider implements ScoringStrategyProvider {

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public ParticipationProvider() {
    }

    @Override
    public String id() {
        return Participation.ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.ENGAGEMENT;
    }

    @Override
    public String description() {
        return "Each partner's meeting attendance and responsiveness to requests with Wilson intervals, its recent "
                + "activity against its earlier rate, and the share of partners active in a recent window.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.number("activeWindowDays", Participation.DEFAULT_ACTIVE_WINDOW_DAYS, 1, 3650,
                        "length of the activity window before asOf, in days"),
                ParameterSpec.integer("minActiveSignals", Participation.DEFAULT_MIN_ACTIVE_SIGNALS, 1, 1_000_000,
                        "signals as source within the window that make a partner active"));
    }

    @Override
    public ScoringStrategy create(StrategyParameters parameters) {
        return new Participation(parameters.number("activeWindowDays"), parameters.integer("minActiveSignals"));
    }
}
