/**
 * The {@code partnership} command line. Entry point: {@link dev.partnership.examples.cli.PartnershipCommand}
 * ({@code main}, and {@code run(args, out, err)} for tests and embedding).
 */
package dev.partnership.examples.cli;
