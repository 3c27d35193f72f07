package dev.partnership.metrics.engagement;

import dev.partnership.Dimension;
import dev.partnership.spi.ParameterSpec;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import java.util.List;

/**
 * Provides {@link CommunicationCadence} ({@code communication-cadence}) with the parameters
 * {@code expectedMeetingDays} (NUMBER, default {@value CommunicationCadence#DEFAULT_EXPECTED_MEETING_DAYS}) and
 * {@code resolutionWindowDays} (NUMBER, default {@value CommunicationCadence#DEFAULT_RESOLUTION_WINDOW_DAYS}).
 *
 * <p>Stateless and thread-safe; found by {@link java.util.ServiceLoader}.
 */
public final class CommunicationCadenceProvider implements ScoringStrategyProvider {

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public CommunicationCadenceProvider() {
    }

    @Override
    public String id() {
        return CommunicationCadence.ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.ENGAGEMENT;
    }

    @Override
    public String description() {
        return "Regularity of meetings and information sharing (coefficient of variation of the gaps between event "
                + "days, longest silence, overdue gaps) and how often conflicts arise and are resolved.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.number("expectedMeetingDays", CommunicationCadence.DEFAULT_EXPECTED_MEETING_DAYS, 1,
                        3650, "expected days between meetings; gaps over 1.5 times this count as overdue"),
                ParameterSpec.number("resolutionWindowDays", CommunicationCadence.DEFAULT_RESOLUTION_WINDOW_DAYS, 0,
                        3650, "days after a conflict within which a resolution between the same partners counts"));
    }

    @Override
    public ScoringStrategy create(StrategyParameters parameters) {
        return new CommunicationCadence(parameters.number("expectedMeetingDays"),
                parameters.number("resolutionWindowDays"));
    }
}
