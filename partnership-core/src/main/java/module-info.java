/**
 * Partnership core: the domain model ({@code dev.partnership}), the scoring SPI ({@code dev.partnership.spi})
 * and the data formats ({@code dev.partnership.io}). {@code dev.partnership.internal} is not exported.
 */
module dev.partnership.core {
    requires transitive org.slf4j;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.csv;

    exports dev.partnership;
    exports dev.partnership.spi;
    exports dev.partnership.io;

    uses dev.partnership.spi.ScoringStrategyProvider;
}
