package dev.partnership.metrics.alignment;

import dev.partnership.Dimension;
import dev.partnership.metrics.stats.IntraclassCorrelation;
import dev.partnership.metrics.stats.KrippendorffAlpha;
import dev.partnership.spi.ParameterSpec;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * Provides {@link RaterAgreement} ({@code rater-agreement}). Parameters: {@code iccForm} (one of
 * {@code ICC(1,1)}, {@code ICC(2,1)}, {@code ICC(3,1)}, {@code ICC(1,k)}, {@code ICC(2,k)}, {@code ICC(3,k)}; default
 * {@value RaterAgreement#DEFAULT_ICC_FORM_LABEL}) and {@code alphaLevel} (one of {@code nominal}, {@code ordinal},
 * {@code interval}, {@code ratio}; default {@value RaterAgreement#DEFAULT_ALPHA_LEVEL_ID}).
 *
 * <p>Stateless and thread-safe; found by {@link java.util.ServiceLoader}.
 */
public final class RaterAgreementProvider implements ScoringStrategyProvider {
    /** Name of the ICC-form parameter. */
    public static final String ICC_FORM = "iccForm";
    /** Name of the α level-of-measurement parameter. */
    public static final String ALPHA_LEVEL = "alphaLevel";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.choice(ICC_FORM, RaterAgreement.DEFAULT_ICC_FORM_LABEL,
                    IntraclassCorrelation.Form.labels(),
                    "the Shrout & Fleiss intraclass correlation reported as the score"),
            ParameterSpec.choice(ALPHA_LEVEL, RaterAgreement.DEFAULT_ALPHA_LEVEL_ID, levelIds(),
                    "level of measurement of Krippendorff's alpha, for priorities and ratings alike"));

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public RaterAgreementProvider() {
    }

    private static List<String> levelIds() {
        List<String> ids = new ArrayList<>();
        for (KrippendorffAlpha.Level l : KrippendorffAlpha.Level.values()) {
            ids.add(l.id());
        }
        return List.copyOf(ids);
    }

    @Override
    public String id() {
        return RaterAgreement.ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.ALIGNMENT;
    }

    @Override
    public String description() {
        return "Agreement of partners' goal weights and of their ratings of one another: intraclass correlations "
                + "with F-based intervals (Shrout & Fleiss 1979) and Krippendorff's alpha.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public ScoringStrategy create(StrategyParameters parameters) {
        return new RaterAgreement(IntraclassCorrelation.Form.ofLabel(parameters.choice(ICC_FORM)),
                KrippendorffAlpha.Level.ofId(parameters.choice(ALPHA_LEVEL)));
    }
}
