/**
 * Synthetic sample data with planted findings. Entry point:
 * {@link dev.partnership.examples.sample.SampleGenerator}; the small sample is bundled as the resource
 * {@code riverbend-small.json} beside it.
 */
package dev.partnership.examples.sample;
